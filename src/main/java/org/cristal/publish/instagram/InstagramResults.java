package org.cristal.publish.instagram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.Graph;
import org.cristal.publish.http.GraphCounts;
import org.cristal.publish.http.GraphLogin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Metrics;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;

/**
 * An Instagram post's likes and comments ({@code GET /{media-id}?fields=like_count,comments_count}), read with
 * the linked Page's token. Instagram hides the like count of a post whose owner chose to hide it: it reads 0.
 * A rate limit holds every later post of the round until Meta's estimate; a post Instagram no longer gives is
 * said to be gone.
 */
final class InstagramResults implements ResultsReader {
    private static final String FIELDS = Graph.enc("like_count,comments_count");
    private final Duration timeout;

    InstagramResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        String token = InstagramPlugin.token(settings);
        Graph graph = new Graph("Instagram", Graph.api(settings), timeout, context.clock(), token,
                settings.get(GraphLogin.APP_SECRET).orElse(null));
        return GraphCounts.read(graph, token, "Instagram", publications, FIELDS, context, post -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put(Metrics.LIKES, post.path("like_count").asLong(0));
            m.put(Metrics.COMMENTS, post.path("comments_count").asLong(0));
            return m;
        });
    }
}
