package org.cristal.publish.scenario;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactTokens;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Step;
import org.cristal.story.StoryDocument;

/**
 * A step's conditions and a scenario's exit rules for one contact, now. The simulation and the ticks ask the
 * same questions here, so what the table promises is what the run does.
 */
final class Checks {
    private final Workspace ws;
    private final Map<String, String> campaigns = new HashMap<>();
    /** Read once: the salt never changes, and a round asks for many contacts' tokens. */
    private ContactTokens tokens;

    Checks(Workspace ws) {
        this.ws = ws;
    }

    /** Whether the contact is in the saved segment now; "" is everyone, a segment that is gone holds nobody. */
    boolean inSegment(String segment, long contactId) {
        Optional<Sql> where = ws.audience().segments().resolve(segment);
        if (where.isEmpty()) {
            return false;
        }
        List<Object> params = new java.util.ArrayList<>(where.get().params());
        params.add(contactId);
        return ws.audience().segments().count(new Sql("(" + where.get().where() + ") AND c.id = ?", params)) > 0;
    }

    /**
     * Whether the condition holds for the contact.
     *
     * @param received whether they were sent the step of that id in this run
     * @param left     why a marketing e-mail would not reach them now (empty: it would)
     */
    boolean holds(Condition c, long contactId, Predicate<String> received, Optional<LeftOut> left,
            Map<String, Step> steps) {
        boolean yes = switch (c.kind()) {
            case CONSENTING -> left.isEmpty() || left.get() == LeftOut.OVER_CAP;
            case IN_SEGMENT -> inSegment(c.argument(), contactId);
            case RECEIVED -> received.test(c.argument());
            case CLICKED -> clicked(contactId, steps.get(c.argument()));
        };
        return yes != c.negated();
    }

    /** Whether they visited from the links of that step's story, by their own token. */
    private boolean clicked(long contactId, Step step) {
        if (step == null) {
            return false;
        }
        return ws.scenarios().runs().visits(token(contactId), campaign(step.storyId())).visitors() > 0;
    }

    private String token(long contactId) {
        if (tokens == null) {
            tokens = ws.audience().tokens();
        }
        return tokens.token(contactId);
    }

    /** The story's {@code utm_campaign}: its web address, as the newsletter tags its links. */
    String campaign(String storyId) {
        return campaigns.computeIfAbsent(storyId, id -> ws.stories().get(id).map(s -> {
            try {
                return StoryDocument.parse(id, s.source()).story().webSlug().toLowerCase(java.util.Locale.ROOT);
            } catch (RuntimeException | org.cristal.story.StoryFormatException e) {
                return id;
            }
        }).orElse(id));
    }

    /**
     * The first exit rule that takes the contact out now, as the reason id stored with the run
     * ({@code exit-left-segment} …), or empty.
     *
     * @param since      when they entered: only what happened after counts for {@link ExitRule.Kind#RECEIVED_STORY}
     * @param ownEntries the outbox entries of this run, which do not count as "by another way"
     */
    Optional<String> exit(List<ExitRule> rules, String scenarioSegment, Contact contact, Optional<LeftOut> left,
            Instant since, Set<Long> ownEntries) {
        for (ExitRule r : rules) {
            boolean out = switch (r.kind()) {
                case LEFT_SEGMENT -> !inSegment(scenarioSegment, contact.id());
                case UNSUBSCRIBED -> left.filter(l -> l == LeftOut.UNSUBSCRIBED).isPresent();
                case CONVERTED -> ws.scenarios().runs().visits(token(contact.id()), "").conversions() > 0;
                case IN_SEGMENT -> !r.argument().isBlank() && ws.audience().segments().find(r.argument()).isPresent()
                        && inSegment(r.argument(), contact.id());
                case RECEIVED_STORY -> ws.audience().deliveries().of(contact.id()).stream()
                        .anyMatch(d -> d.storyId().equals(r.argument()) && d.outcome() == Delivery.Outcome.SENT
                                && !d.at().isBefore(since) && !ownEntries.contains(d.entry()));
            };
            if (out) {
                return Optional.of(reasonOf(r.kind()));
            }
        }
        return Optional.empty();
    }

    static String reasonOf(ExitRule.Kind kind) {
        return "exit-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
