package org.cristal.publish.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.Outcome;
import org.cristal.publish.Progress;
import org.cristal.publish.Publisher;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.oauth.FollowingBrowser;
import org.cristal.publish.oauth.Grants;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.PublishException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect button of a Facebook Page account, end to end against a loopback Graph API: Meta's consent
 * dialog (PKCE, the exact redirect URI, a code good once), the long-lived token, the choice of a Page, then a
 * post that goes with the Page's token.
 */
class FacebookConnectTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private FakeGraph graph;
    private Workspace ws;
    private Publisher publisher;

    @BeforeEach
    void open() throws Exception {
        graph = new FakeGraph();
        graph.now = clock::instant;
        ws = Workspace.open(dir.resolve("f.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        ws.channelAccounts().save(ChannelAccount.of("fb", "facebook-page", "Boulangerie",
                Map.of("api", graph.url(), "appId", FakeGraph.APP_ID)));
        secrets.put("fb", "appSecret", FakeGraph.APP_SECRET);
        publisher = new Publisher(ws, () -> List.of(new FacebookPagePlugin(Duration.ofSeconds(20))), secrets, clock,
                () -> 0.0);
    }

    @AfterEach
    void close() {
        ws.close();
        graph.close();
    }

    private Connector connector() {
        return new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.ENGLISH, Duration.ofSeconds(20));
    }

    @Test
    void connectAsksWhichPageThenThePostGoesToThatPageWithItsOwnToken() throws Exception {
        List<String> offered = new ArrayList<>();
        Connector.Result r = connector().connect("fb", (who, places) -> {
            places.forEach(p -> offered.add(p.name()));
            return places.stream().filter(p -> p.id().equals(FakeGraph.PAGE_ID)).findFirst();
        });

        assertEquals(2, offered.size(), "both Pages the user manages are offered: " + offered);
        assertEquals(Optional.of(FakeGraph.PAGE_ID), r.target().map(Connected.Target::id));
        Map<String, String> asked = graph.lastConsent;
        assertEquals("http://127.0.0.1:47231/callback", asked.get("redirect_uri"),
                "the fixed redirect URI the user registers in their Meta app");
        assertTrue(asked.get("scope").contains("pages_manage_posts"), asked.get("scope"));
        assertEquals(FakeGraph.PAGE_ID, ws.channelAccounts().get("fb").orElseThrow().settings().get("page"));
        assertEquals(Optional.of(FakeGraph.PAGE_TOKEN), secrets.get("fb", "pageToken"));
        assertEquals(FakeGraph.LONG_TOKEN, new Grants(secrets, clock).load("fb").orElseThrow().accessToken(),
                "the one-hour token was traded for the long-lived one");
        assertNull(new Grants(secrets, clock).load("fb").orElseThrow().expiresAt(),
                "no expiry: the Page token posts, so no reconnection is asked after 60 days");
        StringBuilder file = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("f.cristal")).toList()) {
                file.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String secret : List.of(FakeGraph.PAGE_TOKEN, FakeGraph.LONG_TOKEN, FakeGraph.SHORT_TOKEN,
                FakeGraph.APP_SECRET, FakeGraph.CODE)) {
            assertFalse(file.indexOf(secret) >= 0, "no token, secret or code in the workspace file");
        }

        OutboxEntry e = publisher.queue("boulangerie-levain", "fb", clock.instant(), ZoneId.of("Europe/Paris"));
        Outcome sent = publisher.send(e.id(), Progress.NONE, () -> false);

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        assertEquals(1, graph.posts.size());
        assertEquals("Bearer " + FakeGraph.PAGE_TOKEN, graph.authorizations.get(graph.authorizations.size() - 1));
    }

    @Test
    void givingUpTheChoiceOfPageSavesNothing() throws Exception {
        PublishException e = assertThrows(PublishException.class,
                () -> connector().connect("fb", (who, places) -> Optional.empty()));

        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertFalse(new Grants(secrets, clock).load("fb").isPresent());
        assertFalse(ws.channelAccounts().get("fb").orElseThrow().settings().containsKey("page"));
        assertTrue(secrets.get("fb", "pageToken").isEmpty());
    }
}
