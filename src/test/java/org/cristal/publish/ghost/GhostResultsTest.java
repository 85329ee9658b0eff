package org.cristal.publish.ghost;

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

/** The e-mail figures of a post Ghost sent as a newsletter, from the Admin API on loopback. */
class GhostResultsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final String SENT = "6750a1b2c3d4e5f607182930";
    private static final String NOT_SENT = "6750a1b2c3d4e5f607182931";
    private static final String UNTRACKED = "6750a1b2c3d4e5f607182932";
    private LoopbackServer server;
    private final ResultsReader reader = new GhostPlugin(Duration.ofSeconds(20)).results().orElseThrow();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(r -> {
            if (!r.header("Authorization").startsWith("Ghost ey")) {
                return Answer.json(401, "{\"errors\":[{\"message\":\"Authorization failed\",\"type\":\"UnauthorizedError\"}]}");
            }
            String id = r.path().replaceAll(".*/posts/([0-9a-f]+)/", "$1");
            String email = switch (id) {
                case SENT -> "{\"id\":\"6750b0000000000000000001\",\"status\":\"submitted\",\"track_opens\":true,"
                        + "\"email_count\":1204,\"delivered_count\":1190,\"opened_count\":562,\"failed_count\":14}";
                case UNTRACKED -> "{\"id\":\"6750b0000000000000000002\",\"status\":\"submitted\",\"track_opens\":false,"
                        + "\"email_count\":300,\"delivered_count\":0,\"opened_count\":0,\"failed_count\":0}";
                default -> "null";
            };
            return Answer.json(200, "{\"posts\":[{\"id\":\"" + id + "\",\"slug\":\"pain-au-levain\",\"status\":"
                    + "\"published\",\"url\":\"https://journal.example.com/pain-au-levain/\",\"email\":" + email + "}]}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("adminUrl", server.url() + "/ghost/", "adminApiKey", FakeGhost.KEY),
                Set.of("adminApiKey"));
    }

    private static Published post(String id) {
        return new Published(id, "", NOW.minus(Duration.ofDays(2)), 1);
    }

    @Test
    void aPostSentByEmailGivesRecipientsAndOpensAndOneNeverSentSaysSo() throws Exception {
        List<Report> reports = reader.counts(settings(), List.of(post(SENT), post(NOT_SENT), post(UNTRACKED)),
                new TestContext().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

        assertEquals(Report.counts(Map.of("recipients", 1190L, "opens", 562L)), reports.get(0));
        assertEquals(Kind.UNAVAILABLE, reports.get(1).kind());
        assertTrue(reports.get(1).message().get(Locale.ENGLISH).contains("did not send this post by e-mail"));
        // Opens not tracked: no opens figure at all, rather than a zero that reads as "nobody opened it".
        assertEquals(Report.counts(Map.of("recipients", 300L)), reports.get(2));
        assertTrue(server.received().get(0).query().contains("include=email"));
    }
}
