package org.cristal.publish.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;
import org.cristal.publish.spi.ResultsReader.Kind;
import org.cristal.publish.spi.ResultsReader.Published;
import org.cristal.publish.spi.ResultsReader.Report;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading a status's counts back from a Mastodon instance on loopback, as docs.joinmastodon.org shows them. */
class MastodonResultsTest {
    private static final String TOKEN = "tok-results-5e6f7a8b";
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final Instant RESET = Instant.parse("2026-12-06T15:05:00Z");

    private LoopbackServer server;
    /** Remaining calls the instance says after each answer. */
    private volatile int remaining = 290;

    private final ResultsReader reader = new MastodonPlugin(Duration.ofSeconds(20), Duration.ofMillis(20)).results()
            .orElseThrow();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws Exception {
        server = new LoopbackServer(r -> {
            if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
                return Answer.json(401, "{\"error\":\"The access token is invalid\"}");
            }
            String id = r.path().substring("/api/v1/statuses/".length());
            if (id.equals("404")) {
                return Answer.json(404, "{\"error\":\"Record not found\"}");
            }
            int n = Integer.parseInt(id.substring(id.length() - 1));
            String json = "{\"id\":\"" + id + "\",\"created_at\":\"2026-12-06T09:12:00.000Z\",\"in_reply_to_id\":null,"
                    + "\"visibility\":\"public\",\"url\":\"https://piaille.fr/@boulangerie/" + id + "\","
                    + "\"replies_count\":" + (n + 1) + ",\"reblogs_count\":" + (2 * n) + ",\"favourites_count\":"
                    + (10 * n) + ",\"content\":\"<p>Le levain</p>\"}";
            Answer a = Answer.json(200, json);
            return new Answer(200, a.contentType(), a.body(), Map.of("X-RateLimit-Limit", "300",
                    "X-RateLimit-Remaining", String.valueOf(remaining), "X-RateLimit-Reset", "2026-12-06T15:05:00.000Z"));
        });
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("instance", server.url(), "token", TOKEN), Set.of("token"));
    }

    private static TestContext context() {
        return new TestContext().clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Published post(String id, int items) {
        return new Published(id, "https://piaille.fr/@boulangerie/" + id, NOW.minus(Duration.ofHours(3)), items);
    }

    @Test
    void aStatusGivesItsFavouritesBoostsAndRepliesAndAThreadLeavesOutItsOwnReply() throws Exception {
        start();
        List<Report> reports = reader.counts(settings(), List.of(post("1091", 1), post("1092", 3)), context());

        assertEquals(Report.counts(Map.of("favourites", 10L, "boosts", 2L, "replies", 2L)), reports.get(0));
        // The thread's second post answers its first: 3 replies on the instance, 2 from other people.
        assertEquals(Report.counts(Map.of("favourites", 20L, "boosts", 4L, "replies", 2L)), reports.get(1));
        assertEquals(2, server.received().size());
    }

    @Test
    void whenTheRateLimitIsNearlySpentTheRestWaitsForItsResetWithoutAsking() throws Exception {
        remaining = 20;
        start();
        List<Report> reports = reader.counts(settings(), List.of(post("1091", 1), post("1092", 1), post("1093", 1)),
                context());

        assertEquals(Kind.COUNTS, reports.get(0).kind());
        assertEquals(Report.waitUntil(RESET, reports.get(1).message()), reports.get(1));
        assertEquals(RESET, reports.get(2).until());
        assertEquals(1, server.received().size(), "a tenth of the window is left for publishing");
    }

    @Test
    void a429WithRetryAfterMakesEveryOtherStatusWaitThatLong() throws Exception {
        start();
        server.fault(new LoopbackServer.Respond(new Answer(429, "application/json", "{\"error\":\"Too many requests\"}"
                .getBytes(), Map.of("Retry-After", "120", "X-RateLimit-Remaining", "0"))));
        List<Report> reports = reader.counts(settings(), List.of(post("1091", 1), post("1092", 1)), context());

        for (Report r : reports) {
            assertEquals(Kind.WAIT, r.kind());
            assertEquals(NOW.plusSeconds(120), r.until());
            assertTrue(r.message().get(Locale.FRENCH).contains("attendre"), r.message().get(Locale.FRENCH));
        }
        assertEquals(1, server.received().size(), "no second request before the wait is over");
    }

    @Test
    void aDeletedStatusIsSaidToBeGoneNotCountedAsZero() throws Exception {
        start();
        Report r = reader.counts(settings(), List.of(post("404", 1)), context()).get(0);

        assertEquals(Kind.UNAVAILABLE, r.kind());
        assertTrue(r.counts().isEmpty());
        assertTrue(r.message().get(Locale.ENGLISH).contains("no longer has this post"), r.message().toString());
    }

    @Test
    void aRefusedTokenFailsTheAccountWithoutShowingTheToken() throws Exception {
        start();
        ChannelSettings wrong = settings().with("token", "tok-wrong-0a1b2c3d");
        PublishException e = assertThrows(PublishException.class,
                () -> reader.counts(wrong, List.of(post("1091", 1)), context()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertFalse(e.message(Locale.ENGLISH).contains("tok-wrong-0a1b2c3d"));
        assertFalse(e.message(Locale.FRENCH).contains("tok-wrong-0a1b2c3d"));
    }
}
