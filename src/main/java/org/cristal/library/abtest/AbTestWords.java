package org.cristal.library.abtest;

import java.util.Locale;
import org.cristal.library.WorkspaceException;
import org.cristal.story.Messages;

/**
 * The planner's and the evaluation's findings in plain words, the same in the studio and on the command
 * line: rates in per cent, differences in points, small numbers shown as ranges.
 */
public final class AbTestWords {
    private AbTestWords() {
    }

    /** "To tell 20% from 25%, send each variant to 1,094 contacts (2,188 in all)." */
    public static String needed(Plan plan, Locale locale) {
        return text(locale, "abtest.plan.needed", plan.baseline() * 100, plan.target() * 100, plan.neededPerArm(),
                plan.neededPerArm() * 2);
    }

    /** What the send's own size allows, or "" when the contacts are not known. */
    public static String reach(Plan plan, Locale locale) {
        Detectable d = plan.detectable();
        if (d == null) {
            return "";
        }
        if (!d.possible()) {
            return text(locale, "abtest.plan.nothing", d.perArm(), d.baseline() * 100);
        }
        // Rounded up to the tenth of a point shown: a rise a hair smaller than the one printed is not detectable.
        double points = Math.ceil(d.points() * 1000 - 1e-9) / 10;
        return text(locale, plan.reachable() ? "abtest.plan.detectable" : "abtest.plan.detectableOnly", d.perArm(),
                points, d.baseline() * 100, d.baseline() * 100 + points, points / d.baseline());
    }

    /** "This test cannot reach its size: …", or "" when it can. */
    public static String warning(Plan plan, Locale locale) {
        return plan.reachable() ? "" : text(locale, "abtest.plan.cannotReach", plan.neededPerArm(), plan.perArm(),
                plan.neededPerArm() * 2);
    }

    /** What a plan says, as lines: what it needs, what the send can detect, the warning; the empty ones left out. */
    public static java.util.List<String> lines(Plan plan, Locale locale) {
        return java.util.stream.Stream.of(needed(plan, locale), reach(plan, locale), warning(plan, locale))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** "30 of 400: 7.5%, likely between 5.3% and 10.5%". */
    public static String rate(Arm arm, Interval range, Locale locale) {
        return text(locale, "abtest.result.rate", arm.conversions(), arm.contacts(), arm.rate() * 100,
                range.low() * 100, range.high() * 100);
    }

    /** "+5.5 points, likely between +1.3 and +9.8". */
    public static String difference(Evaluation e, Locale locale) {
        return text(locale, "abtest.result.difference", e.difference() * 100, e.range().low() * 100,
                e.range().high() * 100, 100 * (1 - e.alpha()));
    }

    /** "0.010", or "below 0.001". */
    public static String pValue(Evaluation e, Locale locale) {
        return e.pValue() < 0.001 ? text(locale, "abtest.result.pTiny")
                : text(locale, "abtest.result.p", e.pValue());
    }

    /** "99.5%", never a flat 100% or 0%. */
    public static String bBeatsA(Evaluation e, Locale locale) {
        double p = e.bBeatsA();
        if (p > 0.999) {
            return text(locale, "abtest.result.chanceAbove");
        }
        if (p < 0.001) {
            return text(locale, "abtest.result.chanceBelow");
        }
        return text(locale, "abtest.result.chance", p * 100);
    }

    /** What may be said, in one or two sentences. */
    public static String verdict(Evaluation e, Locale locale) {
        long conversions = e.a().conversions() + e.b().conversions();
        return switch (e.verdict()) {
            case TOO_EARLY -> text(locale, "abtest.verdict.tooEarly", e.a().contacts(), e.b().contacts(),
                    e.plannedPerArm());
            case TOO_FEW -> text(locale, "abtest.verdict.tooFew", conversions);
            case NO_DETECTABLE_DIFFERENCE -> text(locale, "abtest.verdict.none", e.range().low() * 100,
                    e.range().high() * 100);
            case B_BETTER -> text(locale, "abtest.verdict.b", e.difference() * 100, e.range().low() * 100,
                    e.range().high() * 100);
            case A_BETTER -> text(locale, "abtest.verdict.a", -e.difference() * 100, -e.range().high() * 100,
                    -e.range().low() * 100);
        };
    }

    /** Why no winner is named early: one sentence, shown beside every result. */
    public static String peeking(Locale locale) {
        return text(locale, "abtest.peeking");
    }

    /** A reminder when the evaluation had no planned size to hold to, or "". */
    public static String noPlan(Evaluation e, Locale locale) {
        return e.plannedPerArm() > 0 ? "" : text(locale, "abtest.noPlan");
    }

    private static String text(Locale locale, String key, Object... args) {
        return Messages.format(WorkspaceException.BUNDLE, locale, key, args);
    }
}
