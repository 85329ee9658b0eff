package org.cristal.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader.Published;
import org.cristal.publish.spi.ResultsReader.Report;

/**
 * The counts of Meta posts, read one post at a time as the Facebook and Instagram results readers both do:
 * a rate limit holds every later post of the round until Meta's estimate (else {@link Graph#RATE_WAIT}); a
 * post the service no longer gives (deleted, hidden) is said to be gone; a refused token goes up.
 */
public final class GraphCounts {
    private GraphCounts() {
    }

    /**
     * @param service "Facebook" or "Instagram", in the sentences the user reads
     * @param fields  the {@code fields} query, already encoded
     * @param counts  the metrics of one post's answer, in the order to show them
     */
    public static List<Report> read(Graph graph, String token, String service, List<Published> publications,
            String fields, PublishContext context, Function<JsonNode, Map<String, Long>> counts)
            throws PublishException {
        List<Report> out = new ArrayList<>();
        Instant holdUntil = null;
        for (Published p : publications) {
            if (holdUntil != null) {
                out.add(Report.waitUntil(holdUntil, text("publish.results.wait", service)));
                continue;
            }
            context.checkCancelled();
            try {
                out.add(Report.counts(counts.apply(graph.get(p.remoteId() + "?fields=" + fields, token))));
            } catch (PublishException e) {
                switch (e.kind()) {
                    case TRANSIENT -> {
                        holdUntil = context.clock().instant().plus(e.retryAfter().orElse(Graph.RATE_WAIT));
                        out.add(Report.waitUntil(holdUntil, text("publish.results.wait", service)));
                    }
                    case PERMANENT -> out.add(Report.unavailable(text("publish.results.gone", service)));
                    default -> throw e;
                }
            }
        }
        return out;
    }

    private static LocalText text(String key, String service) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, service);
    }
}
