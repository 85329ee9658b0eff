package org.cristal.publish.facebook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.Graph;
import org.cristal.publish.http.GraphCounts;
import org.cristal.publish.http.GraphLogin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.Metrics;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;

/**
 * A Page post's reactions (all kinds, as Facebook's own count under the post), comments and shares, read with
 * the Page's token ({@code GET /{post-id}?fields=reactions.summary(true),comments.summary(true),shares}).
 * A rate limit holds every later post of the round until Meta's estimate; a post Facebook no longer gives
 * (deleted, hidden) is said to be gone.
 */
final class FacebookResults implements ResultsReader {
    private static final String FIELDS = Graph.enc("reactions.limit(0).summary(true),comments.limit(0).summary(true),"
            + "shares");
    private final Duration timeout;

    FacebookResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String token = settings.get(GraphLogin.PAGE_TOKEN).orElseThrow(() -> PublishException.permanent(
                LocalText.fromBundle(PublishException.BUNDLE, "publish.meta.notConnected", "Facebook")));
        Graph graph = new Graph("Facebook", Graph.api(settings), timeout, context.clock(), token,
                settings.get(GraphLogin.APP_SECRET).orElse(null));
        return GraphCounts.read(graph, token, "Facebook", publications, FIELDS, context, post -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put(Metrics.LIKES, post.path("reactions").path("summary").path("total_count").asLong(0));
            m.put(Metrics.COMMENTS, post.path("comments").path("summary").path("total_count").asLong(0));
            m.put(Metrics.REPOSTS, post.path("shares").path("count").asLong(0));
            return m;
        });
    }
}
