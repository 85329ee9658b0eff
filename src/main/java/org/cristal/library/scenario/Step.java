package org.cristal.library.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One step of a scenario: a story (or one of its variants) on a channel account, at a moment, under
 * conditions.
 *
 * @param id         stable within the scenario across its versions ({@code s1}, {@code s2} …): a run moved to a
 *                   new version keeps the steps it already had by this id
 * @param storyId    the story sent
 * @param variant    the variant's arm ({@code b}, {@code c} …) of the story's {@code variants:}, "" as written
 * @param account    the channel account it goes to; an account that reaches contacts (the newsletter) sends to
 *                   each contact, any other (a social account, a site) posts once for the whole scenario
 * @param timing     what {@code delay} counts from, or a fixed date
 * @param delay      after the previous step (or the entry); zero for at once
 * @param date       the day for {@link Timing#ON_DATE}, else null
 * @param timeOfDay  the time of day in the contact's own zone, null for "as soon as due"
 * @param conditions all must hold when the step falls due, or the step is skipped for that contact
 */
public record Step(String id, String storyId, String variant, String account, Timing timing, Duration delay,
        LocalDate date, LocalTime timeOfDay, List<Condition> conditions) {
    public Step {
        variant = variant == null ? "" : variant;
        delay = delay == null ? Duration.ZERO : delay;
        conditions = List.copyOf(conditions == null ? List.of() : conditions);
    }

    /** What a step's moment counts from. */
    public enum Timing {
        /** {@code delay} after the previous step fell due for the contact (after the entry for the first). */
        AFTER_PREVIOUS,
        /** {@code delay} after the contact entered the scenario. */
        AFTER_ENTRY,
        /** On {@code date}, at {@code timeOfDay} in the contact's zone. */
        ON_DATE
    }
}
