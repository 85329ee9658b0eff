package org.cristal.publish.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.Metrics;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;

/**
 * A post's reactions and comments ({@code GET /rest/socialActions/{urn}}). LinkedIn answers for a page's
 * posts (the Community Management API's {@code r_organization_social}); for a member's own posts it wants
 * a permission it gives few apps, and then says so once per post instead of failing the round.
 */
final class LinkedInResults implements ResultsReader {
    private final Duration timeout;

    LinkedInResults(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<Report> counts(ChannelSettings settings, List<Published> publications, PublishContext context)
            throws PublishException {
        LinkedInApi api = new LinkedInApi(settings, timeout, context.clock());
        List<Report> out = new ArrayList<>();
        Instant holdUntil = null;
        LocalText wait = LinkedInApi.text("publish.results.wait", LinkedInApi.SERVICE);
        for (Published p : publications) {
            if (holdUntil != null) {
                out.add(Report.waitUntil(holdUntil, wait));
                continue;
            }
            context.checkCancelled();
            JsonHttp.Response r = api.socialActions(p.remoteId());
            if (r.status() == 429) {
                holdUntil = context.clock().instant().plus(api.retryAfter(r));
                out.add(Report.waitUntil(holdUntil, wait));
            } else if (r.status() == 403) {
                out.add(Report.unavailable(LinkedInApi.text("publish.linkedin.noResults")));
            } else if (r.status() == 404 || r.status() == 400) {
                out.add(Report.unavailable(LinkedInApi.text("publish.results.gone", LinkedInApi.SERVICE)));
            } else {
                out.add(Report.counts(counts(r.json(api.http()))));
            }
        }
        return out;
    }

    static Map<String, Long> counts(JsonNode actions) {
        Map<String, Long> m = new LinkedHashMap<>();
        JsonNode likes = actions.path("likesSummary");
        m.put(Metrics.LIKES, likes.path("aggregatedTotalLikes").asLong(likes.path("totalLikes").asLong(0)));
        m.put(Metrics.COMMENTS, actions.path("commentsSummary").path("aggregatedTotalComments").asLong(0));
        return m;
    }
}
