package org.cristal.publish.wordpress;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
 * A post's approved comments: {@code GET /wp-json/wp/v2/comments?post=ID&per_page=1}, whose
 * {@code X-WP-Total} header is the count (one comment read, not all). Comments held for moderation and
 * spam are not counted. A site that switched its comments' REST route off answers 404
 * {@code rest_no_route}: reported as a site that does not give its comments.
 */
final class WordPressResults implements ResultsReader {
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(15);
    private final Duration timeout;

    WordPressResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String base = JsonHttp.base(settings.require(WordPressPlugin.SITE));
        String password = settings.require(WordPressPlugin.PASSWORD);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.require(WordPressPlugin.USER) + ":" + password).getBytes(StandardCharsets.UTF_8));
        JsonHttp http = new JsonHttp("WordPress", timeout, context.clock(), password);
        List<Report> out = new ArrayList<>();
        for (Published p : publications) {
            if (!out.isEmpty() && out.get(out.size() - 1).kind() == Kind.WAIT) {
                out.add(out.get(out.size() - 1));
                continue;
            }
            context.checkCancelled();
            HttpRequest.Builder b = http.request(URI.create(base + "/wp-json/wp/v2/comments?post="
                    + URLEncoder.encode(p.remoteId(), StandardCharsets.UTF_8) + "&per_page=1&_fields=id"))
                    .header("Authorization", authorization).GET();
            JsonHttp.Response r = http.exchange(b);
            if (r.status() == 429) {
                out.add(Report.waitUntil(RateLimit.retryAt(r, context.clock().instant(), FALLBACK_WAIT),
                        LocalText.fromBundle(PublishException.BUNDLE, "publish.results.wait", "WordPress")));
            } else if (r.status() == 404 && "rest_no_route".equals(code(r))) {
                out.add(Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE,
                        "publish.results.wordpressNoComments")));
            } else if (r.status() == 400 && "rest_post_invalid_id".equals(code(r)) || r.status() == 404) {
                out.add(Report.unavailable(LocalText.fromBundle(PublishException.BUNDLE, "publish.results.gone",
                        "WordPress")));
            } else if (!r.ok()) {
                throw http.failure(r.status(), r.body(), r.header("Retry-After"));
            } else {
                String total = r.header("X-WP-Total");
                if (total == null || !total.strip().chars().allMatch(Character::isDigit) || total.isBlank()) {
                    throw http.unexpected();
                }
                out.add(Report.counts(Map.of(Metrics.COMMENTS, Long.parseLong(total.strip()))));
            }
        }
        return out;
    }

    /** WordPress's error code ({@code "code": "rest_no_route"}), or "". */
    private static String code(JsonHttp.Response r) {
        try {
            return JsonHttp.MAPPER.readTree(r.body()).path("code").asText("");
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
