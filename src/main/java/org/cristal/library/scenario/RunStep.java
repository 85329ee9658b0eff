package org.cristal.library.scenario;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One contact at one step of a scenario, for the scenario view's "who is where".
 *
 * @param contact the name the user knows them by (or their address), for the screen only; never logged
 * @param state   {@code waiting}, {@code held}, {@code queued}, {@code sent}, {@code skipped}, {@code failed}
 * @param reason  why it was held, skipped or failed, in words for the user, "" otherwise
 */
public record RunStep(long runId, long contactId, String contact, int version, String stepId, String state,
        Instant dueAt, ZoneId zone, String reason) {
}
