package org.cristal.publish.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a service's rate-limit headers say: how many calls are left and when the count starts again.
 * Read from Mastodon's {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset} (an ISO 8601 time),
 * Bluesky's {@code ratelimit-remaining}/{@code ratelimit-reset} and X's {@code x-rate-limit-*} (Unix
 * seconds), and the IETF draft's delta-seconds.
 *
 * @param remaining calls left in the window
 * @param limit     calls allowed in the window, or -1 when not said
 * @param reset     when the window starts again, or null when not said
 */
public record RateLimit(long remaining, long limit, Instant reset) {
    /** A reset this far in the past or future is not read as Unix seconds but as a delay. */
    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;

    /** The headers of {@code r}, when it carries them. */
    public static Optional<RateLimit> of(JsonHttp.Response r, Instant now) {
        String remaining = first(r, "X-RateLimit-Remaining", "ratelimit-remaining", "x-rate-limit-remaining");
        if (remaining == null) {
            return Optional.empty();
        }
        try {
            long left = Long.parseLong(remaining.strip());
            String limit = first(r, "X-RateLimit-Limit", "ratelimit-limit", "x-rate-limit-limit");
            long max = -1;
            if (limit != null) {
                // The IETF draft allows "100, 100;w=60": the first number is the limit.
                String n = limit.strip().split("[,;\\s]", 2)[0];
                max = n.chars().allMatch(Character::isDigit) && !n.isEmpty() ? Long.parseLong(n) : -1;
            }
            return Optional.of(new RateLimit(left, max,
                    time(first(r, "X-RateLimit-Reset", "ratelimit-reset", "x-rate-limit-reset"), now)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether to stop asking now: nothing left, or less than a tenth of the window, which is kept for
     * publishing (fetching counts must never leave the user unable to post).
     */
    public boolean nearlySpent() {
        return remaining <= 0 || limit > 0 && remaining <= limit / 10;
    }

    /**
     * When a refused call ({@code 429}, or a {@code 503} that says) may be made again: its
     * {@code Retry-After}, else the rate-limit reset, else {@code fallback} from now.
     */
    public static Instant retryAt(JsonHttp.Response r, Instant now, Duration fallback) {
        Duration after = RetryAfter.parse(r.header("Retry-After"), now);
        if (after != null) {
            return now.plus(after);
        }
        return of(r, now).map(RateLimit::reset).filter(at -> at.isAfter(now)).orElse(now.plus(fallback));
    }

    /** A reset time: ISO 8601, Unix seconds, or seconds from now; null when unreadable. */
    static Instant time(String v, Instant now) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                long n = Long.parseLong(s);
                return n >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(n) : now.plusSeconds(n);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String first(JsonHttp.Response r, String... names) {
        for (String n : names) {
            String v = r.header(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
