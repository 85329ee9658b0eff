package org.cristal.publish.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthFlowTest {
    private static final String ACCOUNT_ID = "acct-1";
    private static final String ACCOUNT = "Boulangerie Martin";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final LoopbackAuthServer server;
    private final FollowingBrowser browser = new FollowingBrowser();
    private final MapSecrets secrets = new MapSecrets();
    private final Grants grants = new Grants(secrets, clock);
    private final TokenClient tokens;

    OAuthFlowTest() throws Exception {
        server = new LoopbackAuthServer();
        tokens = new TokenClient("Example", ACCOUNT, server.tokenEndpoint(), LoopbackAuthServer.CLIENT_ID, null, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Grant connect(Locale locale) throws PublishException {
        return new Connection(browser, new SecureRandom(), locale, Duration.ofSeconds(20))
                .connect(0, redirectUri -> new Connection.Consent(server.authorizationEndpoint(), tokens,
                        LoopbackAuthServer.CLIENT_ID, "read write", Map.of("access_type", "offline")));
    }

    @Test
    void connectingFollowsTheConsentPageBackToCristalAndStoresAFreshGrant() throws Exception {
        Grant grant = connect(Locale.FRENCH);
        assertTrue(server.accepts(grant.accessToken()));
        assertTrue(grant.refreshToken() != null);
        assertEquals("read write", grant.scope());
        assertEquals(clock.instant().plusSeconds(3600), grant.expiresAt());
        assertTrue(browser.opened.getQuery().contains("access_type=offline"), "a service's extra parameter is sent");
        assertEquals(200, browser.pageStatus);
        assertTrue(browser.page.contains("Cristal est connecté"), browser.page);

        grants.save(ACCOUNT_ID, grant);
        assertEquals(grant, grants.load(ACCOUNT_ID).orElseThrow());
        assertEquals(grant.accessToken(), grants.fresh(ACCOUNT_ID, tokens).accessToken(), "no refresh needed yet");
        assertEquals(0, server.refreshes.get());
    }

    @Test
    void aReplayedCodeIsRefusedAndSaysReconnect() throws Exception {
        connect(Locale.ENGLISH);
        String code = query(browser.redirectedTo, "code");
        Reconnect e = assertThrows(Reconnect.class,
                () -> tokens.exchange(code, "x".repeat(43), "http://127.0.0.1:1/callback"));
        assertEquals(PublishException.Kind.AUTH, e.kind());
    }

    @Test
    void aCodeTradedWithAnotherVerifierIsRefused() throws Exception {
        // The browser brings the code back, but the program trading it does not hold the verifier.
        Pkce pkce = Pkce.create(new SecureRandom());
        String state = Pkce.state(new SecureRandom());
        String code;
        String redirect;
        try (LoopbackReceiver receiver = LoopbackReceiver.start(state, Locale.ENGLISH)) {
            redirect = receiver.redirectUri();
            browser.open(AuthorizationRequest.build(server.authorizationEndpoint(), LoopbackAuthServer.CLIENT_ID,
                    redirect, "read", state, pkce.challenge(), Map.of()));
            code = receiver.await(Duration.ofSeconds(10));
        }
        String other = Pkce.create(new SecureRandom()).verifier();
        assertThrows(Reconnect.class, () -> tokens.exchange(code, other, redirect));
    }

    @Test
    void aGrantAboutToExpireIsRefreshedFirstAndTheRotatedRefreshTokenIsKept() throws Exception {
        server.expiresIn = 600;
        Grant first = connect(Locale.ENGLISH);
        grants.save(ACCOUNT_ID, first);

        clock.advance(Duration.ofMinutes(4));
        assertEquals(first.accessToken(), grants.fresh(ACCOUNT_ID, tokens).accessToken());

        clock.advance(Duration.ofMinutes(2)); // 4 minutes left, within the margin
        Grant second = grants.fresh(ACCOUNT_ID, tokens);
        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("read write", second.scope());
        assertEquals(second, grants.load(ACCOUNT_ID).orElseThrow(), "the new grant replaces the old in the store");
        assertEquals(1, server.refreshes.get());
        assertThrows(Reconnect.class, () -> tokens.refresh(first), "the old refresh token was rotated away");
    }

    @Test
    void aRevokedGrantSaysReconnectTheAccountInBothLanguages() throws Exception {
        server.expiresIn = 60;
        Grant grant = connect(Locale.ENGLISH);
        grants.save(ACCOUNT_ID, grant);
        server.revoke(grant.refreshToken());

        Reconnect e = assertThrows(Reconnect.class, () -> grants.fresh(ACCOUNT_ID, tokens));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertFalse(e.isTransient());
        assertEquals("Reconnect Boulangerie Martin: the service no longer accepts Cristal’s access.",
                e.message(Locale.ENGLISH));
        assertEquals("Reconnectez Boulangerie Martin\u00a0: le service n’accepte plus l’accès de Cristal.",
                e.message(Locale.FRENCH));
    }

    @Test
    void anAccountNeverConnectedSaysReconnect() {
        assertThrows(Reconnect.class, () -> grants.fresh("never", tokens));
    }

    @Test
    void theUserDenyingConsentIsAFailureWithTheServicesReason() {
        server.deny = true;
        PublishException e = assertThrows(PublishException.class, () -> connect(Locale.ENGLISH));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("The user refused"), e.getMessage());
    }

    @Test
    void noTokenCodeOrVerifierAppearsInAnyFailureText() throws Exception {
        server.expiresIn = 60;
        Grant grant = connect(Locale.ENGLISH);
        server.echoSecretsInErrors = true;
        String code = query(browser.redirectedTo, "code");
        String verifier = Pkce.create(new SecureRandom()).verifier();
        PublishException onRefresh = assertThrows(PublishException.class, () -> tokens.refresh(grant));
        PublishException onExchange = assertThrows(PublishException.class,
                () -> tokens.exchange(code, verifier, "http://127.0.0.1:1/callback"));
        for (PublishException e : List.of(onRefresh, onExchange)) {
            assertEquals(PublishException.Kind.PERMANENT, e.kind());
            for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                String text = e.message(l) + " " + e;
                assertTrue(text.contains("Example refused") || text.contains("Example a refusé"), text);
                for (String secret : List.of(grant.refreshToken(), grant.accessToken(), code, verifier)) {
                    assertFalse(text.contains(secret), text);
                }
            }
        }
        assertFalse(grant.toString().contains(grant.accessToken()));
        assertFalse(grant.toString().contains(grant.refreshToken()));
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }
}
