package org.cristal.publish.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.cristal.publish.spi.PublishException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LinkedIn's Connect end to end against a loopback LinkedIn, through a real workspace and its outbox: the
 * authorization page on the app's fixed redirect URL, the code traded once with the client secret and PKCE,
 * the member and their organisations offered, the page chosen saved as the author, then a post made with
 * the granted token.
 */
class LinkedInConnectFlowTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private FakeLinkedIn server;
    private Workspace ws;
    private Publisher publisher;

    @BeforeEach
    void open() throws Exception {
        server = new FakeLinkedIn();
        ws = Workspace.open(dir.resolve("l.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        ws.channelAccounts().save(ChannelAccount.of("li", "linkedin", "Boulangerie", Map.of("api", server.url(),
                "auth", server.url(), "clientId", LinkedInOAuth.CLIENT_ID, "postAs", "page")));
        secrets.put("li", "clientSecret", LinkedInOAuth.CLIENT_SECRET);
        publisher = new Publisher(ws, () -> List.of(new LinkedInPlugin(Duration.ofSeconds(20))), secrets, clock,
                () -> 0.0);
    }

    @AfterEach
    void close() {
        ws.close();
        server.close();
    }

    private Connector.Result connect(Locale locale) throws PublishException {
        return new Connector(ws, publisher.plugins(), secrets, clock, browser, locale, Duration.ofSeconds(20))
                .connect("li", (who, places) -> places.stream().filter(p -> p.id().equals(FakeLinkedIn.ORG))
                        .findFirst());
    }

    @Test
    void connectingAsAPageOffersTheMemberAndTheirPagesThenPostsAsThePageChosen() throws Exception {
        List<String> offered = new ArrayList<>();
        Connector.Result r = new Connector(ws, publisher.plugins(), secrets, clock, browser, Locale.ENGLISH,
                Duration.ofSeconds(20)).connect("li", (who, places) -> {
                    places.forEach(p -> offered.add(p.id()));
                    return places.stream().filter(p -> p.id().equals(FakeLinkedIn.ORG)).findFirst();
                });

        assertEquals(List.of("urn:li:person:" + FakeLinkedIn.SUB, FakeLinkedIn.ORG, FakeLinkedIn.OTHER_ORG), offered);
        assertEquals(Optional.of(FakeLinkedIn.ORG), r.target().map(Connected.Target::id));
        Map<String, String> asked = server.oauth.lastConsent;
        assertEquals(LinkedInOAuth.REDIRECT, asked.get("redirect_uri"), "the redirect URL registered with the app");
        assertEquals(LinkedInConnect.PAGE_SCOPE, asked.get("scope"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(FakeLinkedIn.ORG, ws.channelAccounts().get("li").orElseThrow().settings().get("author"));
        assertEquals(FakeLinkedIn.TOKEN, new Grants(secrets, clock).load("li").orElseThrow().accessToken());
        assertEquals(clock.instant().plus(Duration.ofDays(60)),
                new Grants(secrets, clock).load("li").orElseThrow().expiresAt(), "LinkedIn's 60 days");
        String file = workspaceBytes();
        for (String secret : List.of(FakeLinkedIn.TOKEN, LinkedInOAuth.CLIENT_SECRET, "AQTlinkedin-code-")) {
            assertFalse(file.contains(secret), "no token, secret or code in the workspace file: " + secret);
        }

        OutboxEntry e = publisher.queue("boulangerie-levain", "li", clock.instant(), ZoneId.of("Europe/Paris"));
        Outcome sent = publisher.send(e.id(), Progress.NONE, () -> false);

        assertTrue(sent.sent(), String.valueOf(sent.message()));
        assertEquals(1, server.posts.size());
        assertEquals(FakeLinkedIn.ORG, server.posts.get(0).author(), "posted as the page chosen");
        assertEquals("Bearer " + FakeLinkedIn.TOKEN, server.authorizations.get(server.authorizations.size() - 1),
                "the post went with the token Connect got");
    }

    @Test
    void aCodeSentBackASecondTimeIsRefusedWithASentenceAndTheFirstConnectionStays() throws Exception {
        connect(Locale.ENGLISH);
        server.oauth.replayLastCode = true;

        PublishException e = assertThrows(PublishException.class, () -> connect(Locale.FRENCH));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals("LinkedIn refused the connection (HTTP 400): “Unable to retrieve access token: authorization "
                + "code not found”", e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).startsWith("LinkedIn a refusé la connexion"), e.message(Locale.FRENCH));
        assertEquals(FakeLinkedIn.TOKEN, new Grants(secrets, clock).load("li").orElseThrow().accessToken(),
                "the account stays connected as before");
        assertEquals(FakeLinkedIn.ORG, ws.channelAccounts().get("li").orElseThrow().settings().get("author"));
    }

    /** The workspace file and its journal, as bytes anyone could read. */
    private String workspaceBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("l.cristal")).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
