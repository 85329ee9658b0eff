package org.cristal.publish.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/** Reading posts' counts back through app.bsky.feed.getPosts on a loopback PDS, with its rate-limit headers. */
class BlueskyResultsTest {
    private static final String PASSWORD = "abcd-efgh-ijkl-mnop";
    private static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final long RESET = NOW.plusSeconds(240).getEpochSecond();

    private LoopbackServer server;
    private volatile String remaining = "2900";
    private final ResultsReader reader = new BlueskyPlugin(Duration.ofSeconds(20)).results().orElseThrow();

    @AfterEach
    void stop() {
        server.close();
    }

    private void start() throws Exception {
        server = new LoopbackServer(r -> {
            if (r.path().equals("/xrpc/com.atproto.server.createSession")) {
                return Answer.json(200, "{\"did\":\"" + DID + "\",\"handle\":\"boulangerie.bsky.social\","
                        + "\"accessJwt\":\"eyJ.access.sig\",\"refreshJwt\":\"eyJ.refresh.sig\"}");
            }
            if (!"Bearer eyJ.access.sig".equals(r.header("Authorization"))) {
                return Answer.json(401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Authentication Required\"}");
            }
            StringBuilder posts = new StringBuilder();
            for (String part : r.query().split("&")) {
                String uri = URLDecoder.decode(part.substring("uris=".length()), StandardCharsets.UTF_8);
                if (uri.endsWith("deleted")) {
                    continue;
                }
                int n = Integer.parseInt(uri.substring(uri.lastIndexOf('-') + 1));
                posts.append(posts.length() == 0 ? "" : ",").append("{\"uri\":\"").append(uri)
                        .append("\",\"cid\":\"bafyreib2rxk3rh6kzwq\",\"author\":{\"did\":\"").append(DID)
                        .append("\",\"handle\":\"boulangerie.bsky.social\"},\"record\":{\"$type\":\"app.bsky.feed.post\","
                                + "\"text\":\"Le levain\",\"createdAt\":\"2026-12-06T09:00:00.000Z\"},\"replyCount\":")
                        .append(n % 3).append(",\"repostCount\":").append(n).append(",\"likeCount\":").append(2 * n)
                        .append(",\"quoteCount\":1,\"indexedAt\":\"2026-12-06T09:00:01.000Z\"}");
            }
            Answer a = Answer.json(200, "{\"posts\":[" + posts + "]}");
            return new Answer(200, a.contentType(), a.body(), Map.of("ratelimit-limit", "3000",
                    "ratelimit-remaining", remaining, "ratelimit-reset", String.valueOf(RESET),
                    "ratelimit-policy", "3000;w=300"));
        });
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("service", server.url(), "handle", "boulangerie.bsky.social",
                "appPassword", PASSWORD), Set.of("appPassword"));
    }

    private static TestContext context() {
        return new TestContext().clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Published post(String key, int items) {
        return new Published("at://" + DID + "/app.bsky.feed.post/" + key, "", NOW.minus(Duration.ofHours(2)), items);
    }

    @Test
    void thirtyPostsAreReadInTwoCallsOfOneSessionWithTheirFourCounts() throws Exception {
        start();
        List<Published> asked = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            asked.add(post("3kabc-" + i, i == 4 ? 2 : 1));
        }
        List<Report> reports = reader.counts(settings(), asked, context());

        assertEquals(30, reports.size());
        assertEquals(Report.counts(Map.of("likes", 2L, "reposts", 1L, "replies", 1L, "quotes", 1L)), reports.get(0));
        // Post 4 opened a thread of two: its one reply is the thread's own second post.
        assertEquals(Report.counts(Map.of("likes", 8L, "reposts", 4L, "replies", 0L, "quotes", 1L)), reports.get(3));
        assertEquals(Report.counts(Map.of("likes", 60L, "reposts", 30L, "replies", 0L, "quotes", 1L)),
                reports.get(29));
        assertEquals(1, server.received("POST", "/xrpc/com.atproto.server.createSession").size());
        assertEquals(2, server.received("GET", "/xrpc/app.bsky.feed.getPosts").size(), "25 URIs a call");
    }

    @Test
    void aDeletedPostLeftOutOfTheAnswerIsSaidToBeGone() throws Exception {
        start();
        List<Report> reports = reader.counts(settings(), List.of(post("deleted", 1), post("3kabc-5", 1)), context());

        assertEquals(Kind.UNAVAILABLE, reports.get(0).kind());
        assertEquals(Kind.COUNTS, reports.get(1).kind());
    }

    @Test
    void a429WithoutRetryAfterWaitsUntilTheRateLimitReset() throws Exception {
        start();
        server.faultOn("GET", "/xrpc/app.bsky.feed.getPosts", new LoopbackServer.Respond(new Answer(429,
                "application/json", "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}".getBytes(),
                Map.of("ratelimit-limit", "3000", "ratelimit-remaining", "0", "ratelimit-reset", String.valueOf(RESET)))));
        List<Published> asked = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            asked.add(post("3kabc-" + i, 1));
        }
        List<Report> reports = reader.counts(settings(), asked, context());

        for (Report r : reports) {
            assertEquals(Kind.WAIT, r.kind());
            assertEquals(Instant.ofEpochSecond(RESET), r.until());
        }
        assertEquals(1, server.received("GET", "/xrpc/app.bsky.feed.getPosts").size(), "the second call waits too");
    }

    @Test
    void aSpentWindowHoldsTheNextCallsUntilItsReset() throws Exception {
        remaining = "100";
        start();
        List<Published> asked = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            asked.add(post("3kabc-" + i, 1));
        }
        List<Report> reports = reader.counts(settings(), asked, context());

        assertEquals(Kind.COUNTS, reports.get(24).kind());
        assertEquals(Report.waitUntil(Instant.ofEpochSecond(RESET), reports.get(25).message()), reports.get(25));
        assertEquals(1, server.received("GET", "/xrpc/app.bsky.feed.getPosts").size());
    }
}
