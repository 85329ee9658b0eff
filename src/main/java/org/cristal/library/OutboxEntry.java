package org.cristal.library;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * One publication of one story revision to one channel account.
 *
 * @param idempotencyKey the same on every attempt: a retry or a restart never posts twice
 * @param channel        the rendition it sends ({@code web}, {@code email}, {@code social}, {@code brochure})
 * @param target         what the user recognises ("@levain@piaille.fr", "1,204 subscribers"), may be ""
 * @param scheduledAt    when it should go, UTC
 * @param zone           the zone the user scheduled it in, to show the time as they meant it
 * @param nextAttemptAt  when a {@link OutboxState#RETRYING} entry is tried again, else null
 * @param publishedAt    when it went live, else null
 * @param items          posts of a thread, e-mails of a newsletter, files written
 * @param error          the last failure's message by language ("en", "fr"), empty when none; may also hold
 *                       {@link #REASON}
 */
public record OutboxEntry(long id, String idempotencyKey, String storyId, int revision, String account,
        String plugin, String channel, String target, Instant scheduledAt, ZoneId zone, OutboxState state,
        int attempts, Instant nextAttemptAt, String remoteId, String url, Instant publishedAt, int items,
        Map<String, String> error, Instant createdAt, Instant updatedAt) {
    /**
     * The target of a scenario's entry for one contact's step: {@code scenario-run:RUN:STEP}. Such an entry is
     * followed in its scenario's view, not as a publication of the story (calendar, publications, checklist,
     * results leave it out); the publisher sends it to that one contact.
     */
    public static final String SCENARIO_TARGET = "scenario-run:";

    /**
     * The key in {@link #error()} that says why, in no language: readers pick a language ("en", "fr") and
     * never see it.
     */
    public static final String REASON = "reason";
    /** {@link #REASON} of an entry that waits for its account to be connected again. */
    public static final String RECONNECT = "reconnect";

    /** Whether it waits for its account to be connected again (a Connect makes it due at once). */
    public boolean awaitsReconnection() {
        return state == OutboxState.RETRYING && error != null && RECONNECT.equals(error.get(REASON));
    }

    /** Whether this is one contact's step of a scenario (see {@link #SCENARIO_TARGET}). */
    public boolean isScenarioStep() {
        return target != null && target.startsWith(SCENARIO_TARGET);
    }

    /** When it is next due: the retry time if any, else the scheduled time. */
    public Instant dueAt() {
        return nextAttemptAt != null ? nextAttemptAt : scheduledAt;
    }

    /** What to queue. */
    public record New(String idempotencyKey, String storyId, int revision, String account, String plugin,
            String channel, String target, Instant scheduledAt, ZoneId zone) {
    }
}
