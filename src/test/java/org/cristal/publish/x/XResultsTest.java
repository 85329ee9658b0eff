package org.cristal.publish.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.ResultsReader;
import org.cristal.publish.spi.ResultsReader.Kind;
import org.cristal.publish.spi.ResultsReader.Published;
import org.cristal.publish.spi.ResultsReader.Report;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading posts' public metrics back from the X API v2 on loopback, and what X says when the tier forbids it. */
class XResultsTest {
    private static final String TOKEN = "x-oauth2-7d6c5b4a3f2e";
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    /** X's answer to an app whose access level does not include this endpoint. */
    static final String NOT_ENROLLED = "{\"client_id\":\"28374651\",\"detail\":\"When authenticating requests to the "
            + "Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached "
            + "to a Project. You can create a project via the developer portal.\",\"registration_url\":"
            + "\"https://developer.twitter.com/en/docs/projects/overview\",\"title\":\"Client Forbidden\","
            + "\"required_enrollment\":\"Appropriate Level of API Access\",\"reason\":\"client-not-enrolled\","
            + "\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}";

    private LoopbackServer server;
    private final ResultsReader reader = new XPlugin(Duration.ofSeconds(20)).results().orElseThrow();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(r -> Answer.json(200, "{\"data\":[{\"id\":\"1864000000000000001\","
                + "\"text\":\"Le levain https://t.co/abc\",\"edit_history_tweet_ids\":[\"1864000000000000001\"],"
                + "\"public_metrics\":{\"retweet_count\":3,\"reply_count\":2,\"like_count\":17,\"quote_count\":1,"
                + "\"bookmark_count\":4,\"impression_count\":912}}],\"errors\":[{\"value\":\"1864000000000000009\","
                + "\"detail\":\"Could not find tweet with ids: [1864000000000000009].\",\"title\":\"Not Found Error\","
                + "\"resource_type\":\"tweet\",\"parameter\":\"ids\",\"resource_id\":\"1864000000000000009\","
                + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("token", TOKEN, "api", server.url()), Set.of("token"));
    }

    private static TestContext context() {
        return new TestContext().clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Published post(String id, int items) {
        return new Published(id, "https://x.com/i/web/status/" + id, NOW.minus(Duration.ofHours(1)), items);
    }

    @Test
    void postsAreReadInOneCallWithLikesRepostsRepliesQuotesAndImpressions() throws Exception {
        List<Report> reports = reader.counts(settings(),
                List.of(post("1864000000000000001", 2), post("1864000000000000009", 1)), context());

        assertEquals(Report.counts(Map.of("likes", 17L, "reposts", 3L, "replies", 1L, "quotes", 1L,
                "impressions", 912L)), reports.get(0));
        assertEquals(Kind.UNAVAILABLE, reports.get(1).kind(), "a deleted post");
        assertEquals(1, server.received().size());
        assertTrue(server.received().get(0).query().contains("tweet.fields=public_metrics"));
    }

    @Test
    void anApiTierThatCannotReadPostsIsSaidPlainlyAndNotRetriedAsAFailure() throws Exception {
        server.fault(new LoopbackServer.Respond(Answer.json(403, NOT_ENROLLED)));
        List<Report> reports = reader.counts(settings(),
                List.of(post("1864000000000000001", 1), post("1864000000000000002", 1)), context());

        for (Report r : reports) {
            assertEquals(Kind.UNAVAILABLE, r.kind());
            assertTrue(r.message().get(Locale.ENGLISH).contains("API access level does not allow"), r.message().toString());
            assertTrue(r.message().get(Locale.FRENCH).contains("niveau d’accès"), r.message().get(Locale.FRENCH));
        }
    }

    @Test
    void a429WaitsUntilXsRateLimitReset() throws Exception {
        long reset = NOW.plusSeconds(900).getEpochSecond();
        server.fault(new LoopbackServer.Respond(new Answer(429, "application/json",
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"
                        .getBytes(), Map.of("x-rate-limit-limit", "1", "x-rate-limit-remaining", "0",
                        "x-rate-limit-reset", String.valueOf(reset)))));
        Report r = reader.counts(settings(), List.of(post("1864000000000000001", 1)), context()).get(0);

        assertEquals(Kind.WAIT, r.kind());
        assertEquals(Instant.ofEpochSecond(reset), r.until());
    }
}
