package org.cristal.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A post's likes, reposts, replies and quotes ({@code app.bsky.feed.getPosts}, 25 at:// URIs a call),
 * through one session per round: Bluesky limits sessions far more tightly than reads. For a thread, the
 * first post is counted, its replies without the thread's own second post. Honours
 * {@code ratelimit-remaining}/{@code ratelimit-reset} and a 429's wait.
 */
final class BlueskyResults implements ResultsReader {
    /** getPosts takes at most 25 URIs. */
    static final int PER_CALL = 25;
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(5);
    private final Duration timeout;

    BlueskyResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        context.checkCancelled();
        LocalText wait = LocalText.fromBundle(PublishException.BUNDLE, "publish.results.wait", "Bluesky");
        // A 429 here (sessions are limited per day) reaches Cristal with its wait, for every post alike.
        BlueskyPlugin.Session session = BlueskyPlugin.Session.open(settings, timeout, context);
        Map<String, Report> byUri = new HashMap<>();
        Instant holdUntil = null;
        for (int from = 0; from < publications.size(); from += PER_CALL) {
            List<Published> chunk = publications.subList(from, Math.min(publications.size(), from + PER_CALL));
            if (holdUntil != null) {
                for (Published p : chunk) {
                    byUri.put(p.remoteId(), Report.waitUntil(holdUntil, wait));
                }
                continue;
            }
            context.checkCancelled();
            Instant now = context.clock().instant();
            StringBuilder query = new StringBuilder();
            for (Published p : chunk) {
                query.append(query.length() == 0 ? "?" : "&").append("uris=")
                        .append(URLEncoder.encode(p.remoteId(), StandardCharsets.UTF_8));
            }
            JsonHttp.Response r = session.http().exchange(session.http()
                    .request(URI.create(session.base() + "/xrpc/app.bsky.feed.getPosts" + query))
                    .header("Authorization", "Bearer " + session.accessJwt()).GET());
            if (r.status() == 429) {
                holdUntil = RateLimit.retryAt(r, now, FALLBACK_WAIT);
                for (Published p : chunk) {
                    byUri.put(p.remoteId(), Report.waitUntil(holdUntil, wait));
                }
                continue;
            }
            if (!r.ok()) {
                throw session.http().failure(r.status(), r.body(), r.header("Retry-After"));
            }
            Map<String, JsonNode> posts = new HashMap<>();
            for (JsonNode post : r.json(session.http()).path("posts")) {
                posts.put(post.path("uri").asText(), post);
            }
            for (Published p : chunk) {
                JsonNode post = posts.get(p.remoteId());
                // A deleted post is simply left out of the answer.
                byUri.put(p.remoteId(), post == null
                        ? Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE, "publish.results.gone",
                                "Bluesky"))
                        : Report.counts(counts(post, p.items())));
            }
            RateLimit limit = RateLimit.of(r, now).orElse(null);
            if (limit != null && limit.nearlySpent()) {
                holdUntil = limit.reset() != null && limit.reset().isAfter(now) ? limit.reset()
                        : now.plus(FALLBACK_WAIT);
            }
        }
        List<Report> out = new ArrayList<>();
        for (Published p : publications) {
            out.add(byUri.get(p.remoteId()));
        }
        return out;
    }

    static Map<String, Long> counts(JsonNode post, int items) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(Metrics.LIKES, post.path("likeCount").asLong(0));
        m.put(Metrics.REPOSTS, post.path("repostCount").asLong(0));
        long replies = post.path("replyCount").asLong(0);
        m.put(Metrics.REPLIES, Math.max(0, items > 1 ? replies - 1 : replies));
        m.put(Metrics.QUOTES, post.path("quoteCount").asLong(0));
        return m;
    }
}
