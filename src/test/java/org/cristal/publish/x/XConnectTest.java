package org.cristal.publish.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
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
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.Outcome;
import org.cristal.publish.Progress;
import org.cristal.publish.Publisher;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.oauth.FollowingBrowser;
import org.cristal.publish.oauth.Grants;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X's Connect against loopback X endpoints, through a real workspace and its outbox: the user's own app
 * (a confidential client, so HTTP Basic), the fixed callback port, tokens that last two hours and a refresh
 * token that rotates, a revoked app that makes posts wait for the reconnection.
 */
class XConnectTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder all = new StringBuilder(String.valueOf(r.getMessage()));
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                all.append(' ').append(t);
            }
            logged.add(all.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private FakeX server;
    private Workspace ws;
    private Publisher publisher;
    private int port;

    @BeforeEach
    void open() throws Exception {
        Logger.getLogger("").addHandler(capture);
        server = new FakeX();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server.oauth.registeredCallback = "http://127.0.0.1:" + port + "/callback";
        ws = Workspace.open(dir.resolve("x.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        ws.channelAccounts().save(ChannelAccount.of("x", "x", "Levain on X", Map.of("api", server.url(),
                "authorize", server.url() + "/i/oauth2/authorize", "clientId", XOAuth.CLIENT_ID,
                "port", Integer.toString(port))));
        secrets.put("x", "clientSecret", XOAuth.CLIENT_SECRET);
        publisher = new Publisher(ws, () -> List.of(new XPlugin(Duration.ofSeconds(20))), secrets, clock, () -> 0.0);
    }

    @AfterEach
    void close() throws Exception {
        Logger.getLogger("").removeHandler(capture);
        ws.close();
        server.close();
    }

    private Connector.Result connect() throws Exception {
        return new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.ENGLISH, Duration.ofSeconds(20))
                .connect("x", (who, targets) -> Optional.empty());
    }

    @Test
    void connectingWithAConfidentialAppComesBackOnTheRegisteredPortAndAuthenticatesWithBasic() throws Exception {
        Connector.Result r = connect();

        assertEquals("Connected as @boulangerie on X", r.who().get(Locale.ENGLISH));
        assertTrue(browser.redirectedTo.toString().startsWith("http://127.0.0.1:" + port + "/callback?"),
                "back on the port registered with the app: " + browser.redirectedTo);
        assertTrue(browser.opened.getQuery().contains("scope=tweet.read tweet.write users.read offline.access"),
                browser.opened.toString());
        assertEquals(1, server.oauth.tokenBodies.size());
        assertFalse(server.oauth.tokenBodies.get(0).contains("client_secret"), "the secret goes in the header only");
        assertTrue(new Grants(secrets, clock).load("x").isPresent());

        OutboxEntry e = publisher.queue("boulangerie-levain", "x", clock.instant(), PARIS);
        Outcome sent = publisher.send(e.id(), Progress.NONE, () -> false);
        assertTrue(sent.sent(), String.valueOf(sent.message()));
        String granted = new Grants(secrets, clock).load("x").orElseThrow().accessToken();
        assertEquals("Bearer " + granted, server.authorizations.get(server.authorizations.size() - 1),
                "the post went with the token Connect got");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeThePostGoes() throws Exception {
        connect();
        String first = new Grants(secrets, clock).load("x").orElseThrow().accessToken();
        clock.advance(Duration.ofHours(3));

        OutboxEntry e = publisher.queue("boulangerie-levain", "x", clock.instant(), PARIS);
        Outcome sent = publisher.send(e.id(), Progress.NONE, () -> false);

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        assertEquals(1, server.oauth.refreshes.get());
        String renewed = new Grants(secrets, clock).load("x").orElseThrow().accessToken();
        assertNotEquals(first, renewed);
        assertEquals("Bearer " + renewed, server.authorizations.get(server.authorizations.size() - 1),
                "X saw the new token, not the expired one");
    }

    @Test
    void aPostWhoseRefreshIsRefusedWaitsForTheReconnectionThenGoesOnce() throws Exception {
        connect();
        server.oauth.revokeAll();
        clock.advance(Duration.ofHours(3));
        OutboxEntry e = publisher.queue("boulangerie-levain", "x", clock.instant(), PARIS);

        Outcome waiting = publisher.sendDue(Progress.NONE, () -> false).get(0);

        assertFalse(waiting.sent());
        OutboxEntry kept = waiting.entry();
        assertEquals(OutboxState.RETRYING, kept.state(), "kept, not failed for good");
        assertEquals(0, kept.attempts(), "an attempt only the user can fix is not counted");
        assertEquals(clock.instant().plus(Publisher.RECONNECT_CHECK), kept.nextAttemptAt());
        assertTrue(kept.error().get("en").startsWith("Reconnect Levain on X:"), kept.error().toString());
        assertTrue(kept.error().get("fr").startsWith("Reconnectez Levain on X"), kept.error().toString());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(publisher.sendDue(Progress.NONE, () -> false).isEmpty(), "not tried again every minute");
        assertTrue(server.tweets.isEmpty());

        connect();
        List<Outcome> after = publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(1, after.size());
        assertTrue(after.get(0).sent(), String.valueOf(after.get(0).message()));
        assertEquals(e.id(), after.get(0).entry().id());
        assertTrue(publisher.sendDue(Progress.NONE, () -> false).isEmpty());
        assertEquals(server.tweets.size(), after.get(0).entry().items(), "went once");
    }

    @Test
    void noTokenSecretOrCodeReachesALogLineAMessageOrTheWorkspace() throws Exception {
        connect();
        server.oauth.revokeAll();
        clock.advance(Duration.ofHours(3));
        publisher.queue("boulangerie-levain", "x", clock.instant(), PARIS);
        Outcome waiting = publisher.sendDue(Progress.NONE, () -> false).get(0);
        String tested;
        try {
            tested = publisher.testConnection("x").toString();
        } catch (org.cristal.publish.spi.PublishException ex) {
            tested = ex.text().toString() + ex;
        }
        ws.close();

        List<String> secretsSeen = new ArrayList<>(List.of(XOAuth.CLIENT_SECRET, "xcode-", "x-access-", "x-refresh-"));
        String workspace = new String(Files.readAllBytes(dir.resolve("x.cristal")), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String s : secretsSeen) {
            assertFalse(waiting.entry().error().toString().contains(s), s);
            assertFalse(String.valueOf(waiting.message()).contains(s), s);
            assertFalse(tested.contains(s), s);
            assertFalse(workspace.contains(s), "workspace holds " + s);
            for (String line : logged) {
                assertFalse(line.contains(s), "log: " + line);
            }
        }
        ws = Workspace.open(dir.resolve("x.cristal"), clock);
    }
}
