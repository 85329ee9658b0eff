package org.cristal.publish.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.Publications;
import org.cristal.publish.TestContext;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Metrics;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.ResultsReader;
import org.cristal.publish.spi.ResultsReader.Published;
import org.cristal.publish.spi.ResultsReader.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkedInResultsTest {
    private FakeLinkedIn server;
    private final LinkedInPlugin plugin = new LinkedInPlugin(Duration.ofSeconds(20));
    private final ResultsReader reader = plugin.results().orElseThrow();

    @BeforeEach
    void start() {
        server = new FakeLinkedIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings(String author) {
        return new ChannelSettings(Map.of("api", server.url(), "clientId", "86ab4xq0cristal", "clientSecret",
                "WPL_AP1.secret.7d3e9f", "author", author, OAuthConnect.ACCESS_TOKEN, FakeLinkedIn.TOKEN),
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    private Published posted(String author) throws PublishException {
        PublishResult r = plugin.publish(Publications.levain(settings(author)), new TestContext());
        return new Published(r.remoteId(), r.url(), r.publishedAt(), r.items());
    }

    @Test
    void aPagePostReportsItsReactionsAndComments() throws Exception {
        Published p = posted(FakeLinkedIn.ORG);
        server.social.put(p.remoteId(), new long[] {12, 3});

        List<Report> reports = reader.counts(settings(FakeLinkedIn.ORG), List.of(p), new TestContext());

        assertEquals(Map.of(Metrics.LIKES, 12L, Metrics.COMMENTS, 3L), reports.get(0).counts());
    }

    @Test
    void aProfilePostLinkedInWillNotShowIsUnavailableWithAReasonNotAFailedRound() throws Exception {
        Published p = posted("urn:li:person:" + FakeLinkedIn.SUB);
        server.memberPostsReadable = false;

        Report report = reader.counts(settings("urn:li:person:" + FakeLinkedIn.SUB), List.of(p), new TestContext())
                .get(0);

        assertEquals(ResultsReader.Kind.UNAVAILABLE, report.kind());
        assertTrue(report.message().get(Locale.ENGLISH).contains("only for a company page’s posts"),
                report.message().toString());
    }

    @Test
    void aRateLimitHoldsTheRestOfTheRound() throws Exception {
        Published first = posted(FakeLinkedIn.ORG);
        server.fault("GET /rest/socialActions/" + first.remoteId(), 1, Fault.RATE_LIMITED);

        List<Report> reports = reader.counts(settings(FakeLinkedIn.ORG), List.of(first, first), new TestContext());

        assertEquals(List.of(ResultsReader.Kind.WAIT, ResultsReader.Kind.WAIT),
                reports.stream().map(Report::kind).toList());
        assertEquals(1, server.calls("GET /rest/socialActions/" + first.remoteId()), "nothing more asked meanwhile");
    }

    @Test
    void aRefusedTokenFailsTheRoundWithReconnect() throws Exception {
        Published p = posted(FakeLinkedIn.ORG);
        ChannelSettings revoked = settings(FakeLinkedIn.ORG).withSecret(OAuthConnect.ACCESS_TOKEN, "AQXrevoked-77");

        PublishException e = assertThrows(PublishException.class,
                () -> reader.counts(revoked, List.of(p), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
    }
}
