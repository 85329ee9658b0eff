package org.cristal.library.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What starting a scenario would do, for every contact of its segment: who gets which step when, and who
 * is skipped and why. Nothing is written to compute it.
 *
 * @param contacts how many contacts of the segment the simulation went through
 * @param rows     one row per contact and step (public posts: one row per step, contactId 0)
 * @param skipped  how many rows are skipped, by reason
 */
public record Simulation(int contacts, List<Row> rows, Map<Skip, Integer> skipped) {
    public Simulation {
        rows = List.copyOf(rows);
        skipped = Map.copyOf(skipped);
    }

    /**
     * One contact's step.
     *
     * @param contact  the name the user knows them by (or their address), for the screen only; never logged
     * @param at       when it would go, UTC
     * @param zone     the contact's zone, to show {@code at} as their local time
     * @param skip     why it would not go, null when it goes
     */
    public record Row(long contactId, String contact, String stepId, int stepNumber, String storyId,
            String account, Instant at, ZoneId zone, Skip skip) {
    }

    /** Why a contact's step would not go. */
    public enum Skip {
        NO_CONSENT, UNSUBSCRIBED, BOUNCED, OVER_CAP, NO_ADDRESS,
        /** A condition of the step does not hold. */
        CONDITION,
        /** They already went through the scenario and may not enter again. */
        NO_REENTRY,
        /** An exit rule takes them out before this step. */
        EXITED
    }
}
