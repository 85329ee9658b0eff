package org.cristal.publish.wordpress;

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

/** A post's approved comments from the WordPress REST API on loopback: the X-WP-Total of one page. */
class WordPressResultsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private LoopbackServer server;
    private final ResultsReader reader = new WordPressPlugin(Duration.ofSeconds(20)).results().orElseThrow();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(r -> {
            if (!r.query().contains("post=42")) {
                return Answer.json(400, "{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\","
                        + "\"data\":{\"status\":400}}");
            }
            Answer a = Answer.json(200, "[{\"id\":311}]");
            return new Answer(200, a.contentType(), a.body(), Map.of("X-WP-Total", "7", "X-WP-TotalPages", "7"));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("site", server.url(), "user", "marie",
                "applicationPassword", "abcd EFGH 1234 ijkl"), Set.of("applicationPassword"));
    }

    private static Published post(String id) {
        return new Published(id, "https://blog.example.com/?p=" + id, NOW.minus(Duration.ofDays(2)), 1);
    }

    @Test
    void theCommentsCountIsTheTotalWordPressGivesForOneComment() throws Exception {
        List<Report> reports = reader.counts(settings(), List.of(post("42"), post("43")),
                new TestContext().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

        assertEquals(Report.counts(Map.of("comments", 7L)), reports.get(0));
        assertTrue(server.received().get(0).query().contains("per_page=1"), "one comment read, not all seven");
        assertEquals(Kind.UNAVAILABLE, reports.get(1).kind(), "a post that is gone");
    }

    @Test
    void aSiteWithoutTheCommentsRouteSaysSo() throws Exception {
        server.fault(new LoopbackServer.Respond(Answer.json(404, "{\"code\":\"rest_no_route\",\"message\":"
                + "\"No route was found matching the URL and request method.\",\"data\":{\"status\":404}}")));
        Report r = reader.counts(settings(), List.of(post("42")), new TestContext()).get(0);

        assertEquals(Kind.UNAVAILABLE, r.kind());
        assertTrue(r.message().get(Locale.ENGLISH).contains("does not give its comments"), r.message().toString());
    }
}
