package org.cristal.publish.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Business Profile's Connect end to end against loopback Google endpoints, through a real workspace
 * and its outbox: the consent for a lasting grant (offline, consent, PKCE, any loopback port), the listings
 * offered, the one chosen saved, a post made with the granted token, and after Google's hour the token
 * refreshed before the next post.
 */
class GoogleConnectFlowTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private FakeBusinessProfile server;
    private Workspace ws;
    private Publisher publisher;

    @BeforeEach
    void open() throws Exception {
        server = new FakeBusinessProfile();
        ws = Workspace.open(dir.resolve("g.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        ws.channelAccounts().save(ChannelAccount.of("g", "google-business", "Boulangerie", Map.of("api", server.url(),
                "clientId", GoogleOAuth.CLIENT_ID)));
        secrets.put("g", "clientSecret", GoogleOAuth.CLIENT_SECRET);
        publisher = new Publisher(ws, () -> List.of(new GoogleBusinessPlugin(Duration.ofSeconds(20))), secrets, clock,
                () -> 0.0);
    }

    @AfterEach
    void close() {
        ws.close();
        server.close();
    }

    private Outcome post(String story) throws Exception {
        OutboxEntry e = publisher.queue(story, "g", clock.instant(), PARIS);
        return publisher.send(e.id(), Progress.NONE, () -> false);
    }

    private String lastBearer() {
        return server.authorizations.get(server.authorizations.size() - 1);
    }

    @Test
    void connectListsTheListingsSavesTheOneChosenAndThePostGoesWithTheGrantedToken() throws Exception {
        List<String> offered = new ArrayList<>();
        Connector.Result r = new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.ENGLISH,
                Duration.ofSeconds(20)).connect("g", (who, places) -> {
                    places.forEach(p -> offered.add(p.name()));
                    return places.stream().filter(p -> p.id().equals(FakeBusinessProfile.LOCATION)).findFirst();
                });

        assertEquals(List.of("Boulangerie Martin — 12 rue Victor-Hugo, 69004 Lyon",
                "Boulangerie Martin — 3 place Sathonay, 69001 Lyon"), offered);
        assertEquals(Optional.of(FakeBusinessProfile.LOCATION), r.target().map(Connected.Target::id));
        assertEquals(FakeBusinessProfile.LOCATION, ws.channelAccounts().get("g").orElseThrow().settings().get("location"));
        Map<String, String> asked = server.oauth.lastConsent;
        assertEquals("offline", asked.get("access_type"));
        assertEquals("consent", asked.get("prompt"));
        assertTrue(browser.redirectedTo.toString().startsWith("http://127.0.0.1:"), String.valueOf(browser.redirectedTo));
        var grant = new Grants(secrets, clock).load("g").orElseThrow();
        assertEquals(GoogleOAuth.REFRESH_TOKEN, grant.refreshToken(), "the lasting grant Google gives offline");
        assertEquals(clock.instant().plusSeconds(3599), grant.expiresAt());
        String file = workspaceBytes();
        for (String secret : List.of(grant.accessToken(), GoogleOAuth.REFRESH_TOKEN, GoogleOAuth.CLIENT_SECRET,
                "Google-code-")) {
            assertFalse(file.contains(secret), "no token, secret or code in the workspace file: " + secret);
        }

        Outcome sent = post("boulangerie-levain");

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        assertEquals(1, server.posts.size());
        assertEquals("Bearer " + grant.accessToken(), lastBearer(), "the post went with the token Connect got");
    }

    @Test
    void afterGooglesHourTheNextPostRefreshesTheTokenFirstAndGoesWithTheNewOne() throws Exception {
        new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.ENGLISH, Duration.ofSeconds(20))
                .connect("g", (who, places) -> Optional.of(places.get(0)));
        String first = new Grants(secrets, clock).load("g").orElseThrow().accessToken();
        assertTrue(post("boulangerie-levain").sent());
        assertEquals(0, server.oauth.refreshes.get(), "a token within its hour is used as it is");
        clock.advance(Duration.ofMinutes(61));
        // Google would refuse the old token now; the fake does too, so a missed refresh fails the post.
        server.oauth.tokens.remove(first);

        Outcome sent = post("velo-atelier-solidaire");

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        assertEquals(1, server.oauth.refreshes.get(), "refreshed once, before the post");
        String renewed = new Grants(secrets, clock).load("g").orElseThrow().accessToken();
        assertNotEquals(first, renewed);
        assertEquals("Bearer " + renewed, lastBearer(), "Google saw the new token, not the expired one");
        assertEquals(GoogleOAuth.REFRESH_TOKEN, new Grants(secrets, clock).load("g").orElseThrow().refreshToken(),
                "Google does not rotate it: the one kept still works next time");
    }

    /** The workspace file and its journal, as bytes anyone could read. */
    private String workspaceBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("g.cristal")).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
