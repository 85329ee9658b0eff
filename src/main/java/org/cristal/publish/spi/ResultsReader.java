package org.cristal.publish.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The optional capability of a plugin whose service reports counts about what it published (a status's
 * favourites, a post's likes, an article's comments). A plugin offers it by returning one from
 * {@link ChannelPlugin#results()}; Cristal then asks, now and then, for the publications the outbox
 * recorded as sent through one account, and keeps each figure as it changes (docs/results.md).
 *
 * <p>One call per account and round, with every publication of that account that is due, so a service
 * that needs a session opens one, and one that answers for many posts at once is asked once. Cristal, not
 * the reader, decides when to ask again (a pace that slows as a publication ages); the reader says when
 * the service asks to wait.
 */
public interface ResultsReader {
    /**
     * The counts of each publication, in the order given: one {@link Report} each. Counts are keyed by the
     * names of {@link Metrics}. Stops soon after {@link PublishContext#isCancelled()}.
     *
     * @throws PublishException when nothing can be read for this account (a refused token, the service down):
     *     every publication of the call is then tried again later; a {@link PublishException#retryAfter()}
     *     is honoured
     */
    List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException;

    /**
     * What the outbox recorded of one publication.
     *
     * @param remoteId    the service's id of it (a status id, an at:// URI, a post id)
     * @param url         where a person sees it, or ""
     * @param publishedAt when it went live
     * @param items       posts of a thread (the first one is the one counted), 1 for a single post
     */
    record Published(String remoteId, String url, Instant publishedAt, int items) {
        public Published {
            remoteId = Objects.requireNonNullElse(remoteId, "");
            url = Objects.requireNonNullElse(url, "");
            Objects.requireNonNull(publishedAt);
        }
    }

    /**
     * What came back for one publication.
     *
     * @param counts  metric → value, for {@link Kind#COUNTS}; empty otherwise
     * @param until   for {@link Kind#WAIT}: not asked again before then; null otherwise
     * @param message why not, for the user, for every kind but {@link Kind#COUNTS}
     */
    record Report(Kind kind, Map<String, Long> counts, Instant until, LocalText message) {
        public Report {
            Objects.requireNonNull(kind);
            // In the service's order, which is the order the user reads them in.
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
            if (kind == Kind.WAIT) {
                Objects.requireNonNull(until);
            }
            if (kind != Kind.COUNTS) {
                Objects.requireNonNull(message);
            }
        }

        /** The service's figures now. */
        public static Report counts(Map<String, Long> counts) {
            return new Report(Kind.COUNTS, counts, null, null);
        }

        /** This service, or this account's plan with it, does not report counts (an API tier, a post gone). */
        public static Report unavailable(LocalText why) {
            return new Report(Kind.UNAVAILABLE, Map.of(), null, why);
        }

        /** The service asked to wait (a rate limit): nothing is asked of it before {@code until}. */
        public static Report waitUntil(Instant until, LocalText why) {
            return new Report(Kind.WAIT, Map.of(), until, why);
        }

        /** Reading this one failed; tried again later. */
        public static Report failed(LocalText why) {
            return new Report(Kind.FAILED, Map.of(), null, why);
        }
    }

    /** How one publication's reading went. */
    enum Kind {
        COUNTS, UNAVAILABLE, WAIT, FAILED
    }
}
