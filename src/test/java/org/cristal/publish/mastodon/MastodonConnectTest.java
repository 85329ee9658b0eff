package org.cristal.publish.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.cristal.publish.spi.PublishException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mastodon's Connect against a loopback instance: registration on the instance, consent, code, then posts. */
class MastodonConnectTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private FakeMastodon server;
    private Workspace ws;
    private Publisher publisher;

    @BeforeEach
    void open() throws Exception {
        server = new FakeMastodon();
        server.now = clock::instant;
        ws = Workspace.open(dir.resolve("m.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of("instance", server.url())));
        publisher = new Publisher(ws, () -> List.of(new MastodonPlugin(Duration.ofSeconds(20), Duration.ofMillis(20))),
                secrets, clock, () -> 0.0);
    }

    @AfterEach
    void close() {
        ws.close();
        server.close();
    }

    private Connector connector() {
        return new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.FRENCH, Duration.ofSeconds(20));
    }

    @Test
    void connectRegistersCristalOnTheInstanceAndThePostGoesWithTheGrantedToken() throws Exception {
        Connector.Result r = connector().connect("masto", (who, targets) -> Optional.empty());

        assertEquals("Connected as @boulangerie on 127.0.0.1", r.who().get(Locale.ENGLISH));
        assertEquals(1, server.oauth.apps.size());
        MastodonOAuth.App app = server.oauth.apps.get(0);
        assertTrue(app.redirectUri().matches("http://127\\.0\\.0\\.1:\\d+/callback"), app.redirectUri());
        assertEquals(java.util.Set.of(MastodonPlugin.SCOPES.split(" ")), app.scopes());
        ChannelAccount saved = ws.channelAccounts().get("masto").orElseThrow();
        assertEquals(app.id(), saved.settings().get("clientId"), "the app id is kept with the account");
        assertFalse(saved.settings().containsKey("clientSecret"), "the app secret is not in the workspace");
        assertEquals(Optional.of(app.secret()), secrets.get("masto", "clientSecret"));
        assertTrue(connector().isConnected("masto"));

        OutboxEntry e = publisher.queue("boulangerie-levain", "masto", clock.instant(), PARIS);
        Outcome sent = publisher.send(e.id(), Progress.NONE, () -> false);

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        String granted = new Grants(secrets, clock).load("masto").orElseThrow().accessToken();
        assertTrue(server.oauth.tokens.contains(granted));
        assertEquals("Bearer " + granted, server.authorizations.get(server.authorizations.size() - 1));
        assertEquals("Connected as @boulangerie on 127.0.0.1",
                publisher.testConnection("masto").get(Locale.ENGLISH));
    }

    @Test
    void aRevokedAccessKeepsThePostWaitingAndAReconnectSendsItOnce() throws Exception {
        connector().connect("masto", (who, targets) -> Optional.empty());
        server.oauth.revokeAll();
        OutboxEntry e = publisher.queue("boulangerie-levain", "masto", clock.instant(), PARIS);

        Outcome waiting = publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(OutboxState.RETRYING, waiting.entry().state());
        assertEquals(0, waiting.entry().attempts());
        assertTrue(waiting.entry().error().get("en").startsWith("Reconnect Piaille: "), waiting.entry().error().toString());
        assertTrue(waiting.entry().error().get("en").endsWith("goes as soon as the account is connected again."));
        assertTrue(server.statuses.isEmpty());

        connector().connect("masto", (who, targets) -> Optional.empty());
        List<Outcome> after = publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(1, after.size());
        assertTrue(after.get(0).sent(), String.valueOf(after.get(0).message()));
        assertEquals(2, server.oauth.apps.size(), "registered again for the new loopback port");
        assertTrue(publisher.sendDue(Progress.NONE, () -> false).isEmpty());
        assertEquals(after.get(0).entry().items(), server.statuses.size(), "went once");
    }

    @Test
    void anAccountNeverConnectedSaysConnectFirstUnlessATokenWasPasted() throws Exception {
        PublishException e = assertThrows(PublishException.class, () -> publisher.testConnection("masto"));
        assertEquals("Connect Piaille first: click Connect in the account’s settings.", e.text().get(Locale.ENGLISH));
        assertTrue(server.requests.isEmpty());
        org.cristal.publish.ChecklistItem item = publisher.checklist("boulangerie-levain").stream()
                .filter(i -> i.account().id().equals("masto")).findFirst().orElseThrow();
        assertEquals(org.cristal.publish.ChecklistItem.Status.BLOCKED, item.status());
        assertTrue(item.reasons().stream().anyMatch(t -> t.get(Locale.ENGLISH).startsWith("Connect Piaille first")),
                item.reasons().toString());

        secrets.put("masto", "token", FakeMastodon.TOKEN);
        assertEquals("Connected as @boulangerie on 127.0.0.1", publisher.testConnection("masto").get(Locale.ENGLISH));
    }

    @Test
    void disconnectForgetsTheGrantAndThePostsThenWait() throws Exception {
        Connector c = connector();
        c.connect("masto", (who, targets) -> Optional.empty());
        c.disconnect("masto");

        assertFalse(c.isConnected("masto"));
        OutboxEntry e = publisher.queue("boulangerie-levain", "masto", clock.instant(), PARIS);
        Outcome waiting = publisher.send(e.id(), Progress.NONE, () -> false);
        assertEquals(OutboxState.RETRYING, waiting.entry().state());
        assertTrue(waiting.entry().error().get("en").startsWith("Connect Piaille first"), waiting.entry().error().toString());
    }
}
