package org.cristal.library.results;

import java.time.Instant;

/**
 * Where fetching one publication's counts stands.
 *
 * @param fetchedAt when counts last came back, or null
 * @param nextAt    not asked again before then (rate limit, or a slower pace as the post ages)
 * @param message   why not, in the user's words (a tier that reports nothing, a revoked token), or ""
 */
public record FetchState(long entry, Status status, Instant fetchedAt, Instant nextAt, String message) {
    public enum Status {
        /** Counts came back. */
        OK,
        /** The service said to wait (429, rate-limit headers); tried again at nextAt. */
        WAITING,
        /** The service does not report counts for this account (an API tier, a site without them). */
        UNAVAILABLE,
        /** It failed (network, refused token); tried again at nextAt. */
        FAILED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
