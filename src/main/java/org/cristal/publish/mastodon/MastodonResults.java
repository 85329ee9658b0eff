package org.cristal.publish.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.http.RateLimit;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.Metrics;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;

/**
 * A status's favourites, boosts and replies ({@code GET /api/v1/statuses/:id}). For a thread, the first
 * post is counted: it carries the image and the link, and is the one people boost; its replies leave out
 * the thread's own second post, which answers it. Stops as soon as the instance's
 * {@code X-RateLimit-Remaining} is down to a tenth of its window (the rest is kept for publishing) and
 * asks nothing more of the instance until {@code X-RateLimit-Reset}.
 */
final class MastodonResults implements ResultsReader {
    /** When a 429 says neither Retry-After nor a reset: Mastodon's window is five minutes. */
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(5);
    private final Duration timeout;

    MastodonResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String base = JsonHttp.base(settings.require(MastodonPlugin.INSTANCE));
        String token = MastodonPlugin.token(settings);
        JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock(), token);
        List<Report> out = new ArrayList<>();
        Instant holdUntil = null;
        LocalText wait = LocalText.fromBundle(PublishException.BUNDLE, "publish.results.wait", "Mastodon");
        for (Published p : publications) {
            if (holdUntil != null) {
                out.add(Report.waitUntil(holdUntil, wait));
                continue;
            }
            context.checkCancelled();
            Instant now = context.clock().instant();
            JsonHttp.Response r = http.exchange(http.request(URI.create(base + "/api/v1/statuses/"
                    + URLEncoder.encode(p.remoteId(), StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
                    .GET());
            if (r.status() == 429) {
                holdUntil = RateLimit.retryAt(r, now, FALLBACK_WAIT);
                out.add(Report.waitUntil(holdUntil, wait));
                continue;
            }
            if (r.status() == 404) {
                out.add(Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE, "publish.results.gone",
                        "Mastodon")));
            } else if (!r.ok()) {
                throw http.failure(r.status(), r.body(), r.header("Retry-After"));
            } else {
                out.add(Report.counts(counts(r.json(http), p.items())));
            }
            RateLimit limit = RateLimit.of(r, now).orElse(null);
            if (limit != null && limit.nearlySpent()) {
                holdUntil = limit.reset() != null && limit.reset().isAfter(now) ? limit.reset()
                        : now.plus(FALLBACK_WAIT);
            }
        }
        return out;
    }

    static Map<String, Long> counts(JsonNode status, int items) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(Metrics.FAVOURITES, status.path("favourites_count").asLong(0));
        m.put(Metrics.BOOSTS, status.path("reblogs_count").asLong(0));
        long replies = status.path("replies_count").asLong(0);
        m.put(Metrics.REPLIES, Math.max(0, items > 1 ? replies - 1 : replies));
        return m;
    }
}
