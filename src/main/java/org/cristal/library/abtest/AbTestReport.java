package org.cristal.library.abtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.story.Cta;
import org.cristal.story.Story;
import org.cristal.story.Variants;

/**
 * One A/B test as the results screen shows it: what each arm brought back, and each other arm judged
 * against the control ({@code a}) with the plan the test was sent with. An arm that cannot be judged yet
 * (nothing sent, more visits than recipients) carries the reason instead of an evaluation.
 */
public record AbTestReport(AbTests.Test test, List<AbTests.ArmOutcome> arms, List<Comparison> comparisons,
        Map<String, String> texts) {
    public AbTestReport {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        texts = Map.copyOf(texts);
    }

    /**
     * The words each arm carried for the tested element (its subject, title, button or first paragraph),
     * read from the story as it was sent: the control's from the story itself, the others from its
     * {@code variants:}. Empty for an element the story no longer has.
     */
    public static Map<String, String> texts(AbTests.Test test, Story sent) {
        Optional<Variants.Element> element = Variants.Element.fromId(test.element());
        if (element.isEmpty()) {
            return Map.of();
        }
        Variants variants = Variants.of(sent);
        Map<String, String> out = new LinkedHashMap<>();
        for (String arm : test.arms()) {
            String t = arm.equals(Variants.CONTROL) ? control(element.get(), sent)
                    : variants.text(element.get(), arm).orElse("");
            if (!t.isBlank()) {
                out.put(arm, t.strip());
            }
        }
        return out;
    }

    private static String control(Variants.Element element, Story s) {
        return switch (element) {
            case SUBJECT -> s.override("email", "subject").orElse(s.title());
            case TITLE -> s.title();
            case CTA -> s.cta().map(Cta::label).orElse("");
            case LEAD -> Variants.lead(s);
        };
    }

    /** Arm {@code arm} against the control: an evaluation, or why there is none. */
    public record Comparison(String arm, Optional<Evaluation> evaluation, Optional<AbInputException> problem) {
    }

    /** The report of {@code test} from its arms' outcomes ({@link AbTests#outcomes}). */
    public static AbTestReport of(AbTests.Test test, List<AbTests.ArmOutcome> outcomes, Map<String, String> texts) {
        List<Comparison> out = new ArrayList<>();
        AbTests.ArmOutcome control = outcomes.isEmpty() ? null : outcomes.get(0);
        for (int i = 1; i < outcomes.size(); i++) {
            AbTests.ArmOutcome other = outcomes.get(i);
            try {
                Evaluation e = Evaluation.of(arm(test, control), arm(test, other), test.plan().alpha(),
                        test.plan().plannedPerArm());
                out.add(new Comparison(other.arm(), Optional.of(e), Optional.empty()));
            } catch (AbInputException problem) {
                out.add(new Comparison(other.arm(), Optional.empty(), Optional.of(problem)));
            }
        }
        return new AbTestReport(test, outcomes, out, texts);
    }

    /** Successes out of the contacts reached: the visits its links brought, or the conversions. */
    static Arm arm(AbTests.Test test, AbTests.ArmOutcome o) {
        long successes = AbTests.CONVERSIONS.equals(test.outcome()) ? o.conversions() : o.visitors();
        if (o.contacts() == 0) {
            throw new AbInputException("abtest.report.notSent", o.arm().toUpperCase(java.util.Locale.ROOT));
        }
        if (successes > o.contacts()) {
            // Analytics count visits, not people: one reader clicking twice is two. A rate above 100 % is no rate.
            throw new AbInputException("abtest.report.moreVisits", o.arm().toUpperCase(java.util.Locale.ROOT),
                    successes, o.contacts());
        }
        return new Arm(successes, o.contacts());
    }
}
