package org.cristal.library.results;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One publication of a story (a sent outbox entry) and what it brought back.
 *
 * @param channel     {@link Counts#channelOf} its plugin
 * @param rendition   the rendition it sent: web, email, social or brochure
 * @param target      what the user recognises ("@levain@piaille.fr"), else the account id
 * @param url         where it lives, "" when the service gave no address
 * @param counts      the latest value of each count, by metric name
 * @param fetch       where fetching its counts stands, empty when never fetched
 */
public record PublicationFigures(long entry, String channel, String plugin, String rendition, String target,
        String url, Instant publishedAt, Map<String, Long> counts, Optional<FetchState> fetch) {
    public PublicationFigures {
        counts = Map.copyOf(counts);
    }

    public long reactions() {
        return Counts.reactions(counts);
    }

    /** People reached, -1 when the service does not say. */
    public long reach() {
        return Counts.reach(counts);
    }
}
