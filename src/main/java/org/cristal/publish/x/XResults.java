package org.cristal.publish.x;

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
import java.util.Locale;
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
 * A post's public metrics ({@code GET /2/tweets?ids=…&tweet.fields=public_metrics}, 100 ids a call): likes,
 * reposts, replies (without the thread's own second post), quotes and impressions. Many X API access
 * levels do not allow reading posts at all: X then answers 403 ("client-not-enrolled"), or 402 once the
 * app's credits are spent, and every post of the account is reported unavailable with a sentence saying
 * the account's API tier does not allow it, rather than as a failure to retry.
 */
final class XResults implements ResultsReader {
    static final int PER_CALL = 100;
    /** X's windows are fifteen minutes. */
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(15);
    private final Duration timeout;

    XResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String token = XPlugin.token(settings);
        String base = JsonHttp.base(settings.get(XPlugin.API, "https://api.x.com"));
        JsonHttp http = new JsonHttp("X", timeout, context.clock(), token);
        LocalText wait = LocalText.fromBundle(PublishException.BUNDLE, "publish.results.wait", "X");
        Map<String, Report> byId = new HashMap<>();
        Instant holdUntil = null;
        for (int from = 0; from < publications.size(); from += PER_CALL) {
            List<Published> chunk = publications.subList(from, Math.min(publications.size(), from + PER_CALL));
            if (holdUntil != null) {
                chunk.forEach(p -> byId.put(p.remoteId(), null));
                continue;
            }
            context.checkCancelled();
            Instant now = context.clock().instant();
            String ids = String.join(",", chunk.stream().map(Published::remoteId).toList());
            JsonHttp.Response r = http.exchange(http.request(URI.create(base + "/2/tweets?ids="
                    + URLEncoder.encode(ids, StandardCharsets.UTF_8) + "&tweet.fields=public_metrics"))
                    .header("Authorization", "Bearer " + token).GET());
            if (r.status() == 429) {
                holdUntil = RateLimit.retryAt(r, now, FALLBACK_WAIT);
                continue;
            }
            if (notAllowed(r)) {
                LocalText tier = LocalText.fromBundle(PublishException.BUNDLE, "publish.results.xTier");
                return publications.stream().map(p -> Report.unavailable(tier)).toList();
            }
            if (!r.ok()) {
                throw http.failure(r.status(), r.body(), r.header("Retry-After"));
            }
            Map<String, JsonNode> found = new HashMap<>();
            for (JsonNode t : r.json(http).path("data")) {
                found.put(t.path("id").asText(), t);
            }
            for (Published p : chunk) {
                JsonNode t = found.get(p.remoteId());
                byId.put(p.remoteId(), t == null
                        ? Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE, "publish.results.gone", "X"))
                        : Report.counts(counts(t.path("public_metrics"), p.items())));
            }
            RateLimit limit = RateLimit.of(r, now).orElse(null);
            if (limit != null && limit.nearlySpent()) {
                holdUntil = limit.reset() != null && limit.reset().isAfter(now) ? limit.reset()
                        : now.plus(FALLBACK_WAIT);
            }
        }
        List<Report> out = new ArrayList<>();
        for (Published p : publications) {
            Report report = byId.get(p.remoteId());
            out.add(report != null ? report : Report.waitUntil(holdUntil, wait));
        }
        return out;
    }

    /** A 403 about the app's access level (not a refused token), or a 402 (no credits left). */
    private static boolean notAllowed(JsonHttp.Response r) {
        if (r.status() == 402) {
            return true;
        }
        if (r.status() != 403) {
            return false;
        }
        String body = new String(r.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return body.contains("client-not-enrolled") || body.contains("client-forbidden")
                || body.contains("access level") || body.contains("enrollment");
    }

    static Map<String, Long> counts(JsonNode metrics, int items) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(Metrics.LIKES, metrics.path("like_count").asLong(0));
        m.put(Metrics.REPOSTS, metrics.path("retweet_count").asLong(0));
        long replies = metrics.path("reply_count").asLong(0);
        m.put(Metrics.REPLIES, Math.max(0, items > 1 ? replies - 1 : replies));
        m.put(Metrics.QUOTES, metrics.path("quote_count").asLong(0));
        if (metrics.has("impression_count")) {
            m.put(Metrics.IMPRESSIONS, metrics.path("impression_count").asLong(0));
        }
        return m;
    }
}
