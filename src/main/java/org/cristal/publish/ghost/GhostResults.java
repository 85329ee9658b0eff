package org.cristal.publish.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * The e-mail figures Ghost keeps for a post it sent as a newsletter ({@code GET
 * /ghost/api/admin/posts/:id/?include=email}): recipients (delivered where Ghost's mail provider reports
 * deliveries, else the e-mails sent) and opens, only when the site tracks opens. A post Ghost never sent
 * by e-mail has no such figures: said so, not shown as zero.
 */
final class GhostResults implements ResultsReader {
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(15);
    private final Duration timeout;

    GhostResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String base = JsonHttp.base(settings.require(GhostPlugin.ADMIN_URL)).replaceFirst("/ghost$", "");
        String key = settings.require(GhostPlugin.KEY);
        if (!GhostToken.isKey(key)) {
            throw PublishException.auth(LocalText.fromBundle(PublishException.BUNDLE, "publish.ghost.badKey"));
        }
        JsonHttp http = new JsonHttp("Ghost", timeout, context.clock(), key);
        List<Report> out = new ArrayList<>();
        for (Published p : publications) {
            if (!out.isEmpty() && out.get(out.size() - 1).kind() == Kind.WAIT) {
                out.add(out.get(out.size() - 1));
                continue;
            }
            context.checkCancelled();
            JsonHttp.Response r = http.exchange(http.request(URI.create(base + "/ghost/api/admin/posts/"
                    + URLEncoder.encode(p.remoteId(), StandardCharsets.UTF_8) + "/?include=email"))
                    .header("Authorization", "Ghost " + GhostToken.create(key, context.clock().instant()))
                    .header("Accept-Version", "v5.0").GET());
            if (r.status() == 429) {
                out.add(Report.waitUntil(RateLimit.retryAt(r, context.clock().instant(), FALLBACK_WAIT),
                        LocalText.fromBundle(PublishException.BUNDLE, "publish.results.wait", "Ghost")));
            } else if (r.status() == 404) {
                out.add(Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE, "publish.results.gone",
                        "Ghost")));
            } else if (!r.ok()) {
                throw http.failure(r.status(), r.body(), r.header("Retry-After"));
            } else {
                JsonNode email = r.json(http).path("posts").path(0).path("email");
                out.add(email.isObject() ? Report.counts(counts(email)) : Report.unavailable(
                        LocalText.fromBundle(PublishException.BUNDLE, "publish.results.ghostNoEmail")));
            }
        }
        return out;
    }

    static Map<String, Long> counts(JsonNode email) {
        Map<String, Long> m = new LinkedHashMap<>();
        long delivered = email.path("delivered_count").asLong(0);
        m.put(Metrics.RECIPIENTS, delivered > 0 ? delivered : email.path("email_count").asLong(0));
        if (email.path("track_opens").asBoolean(false)) {
            m.put(Metrics.OPENS, email.path("opened_count").asLong(0));
        }
        return m;
    }
}
