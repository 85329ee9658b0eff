package org.cristal.publish.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
    private final FollowingBrowser browser = new FollowingBrowser();

    @Test
    void listensOnlyOnTheLoopbackAddressAtTheCallbackPath() throws Exception {
        try (LoopbackReceiver r = LoopbackReceiver.start("st", Locale.ENGLISH)) {
            assertTrue(r.redirectUri().matches("http://127\\.0\\.0\\.1:\\d+/callback"), r.redirectUri());
        }
    }

    @Test
    void aServiceThatMatchesThePortGetsTheFixedPortAsked() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (LoopbackReceiver r = LoopbackReceiver.start("st", Locale.ENGLISH, port)) {
            assertEquals("http://127.0.0.1:" + port + "/callback", r.redirectUri());
            assertThrows(IOException.class, () -> LoopbackReceiver.start("other", Locale.ENGLISH, port),
                    "a port already taken is an error, not another port the service would refuse");
        }
    }

    @Test
    void aWrongOrMissingStateIsRefusedAndTheWaitGoesOnUntilTheRightOne() throws Exception {
        try (LoopbackReceiver r = LoopbackReceiver.start("right-state", Locale.ENGLISH)) {
            assertEquals(400, browser.get(URI.create(r.redirectUri() + "?code=stolen&state=wrong")).statusCode());
            assertEquals(400, browser.get(URI.create(r.redirectUri() + "?code=stolen")).statusCode());
            var refused = browser.get(URI.create(r.redirectUri() + "?code=stolen&state=wrong"));
            assertTrue(refused.body().contains("click Connect again"), refused.body());
            var ok = browser.get(URI.create(r.redirectUri() + "?code=the-code&state=right-state"));
            assertEquals(200, ok.statusCode());
            assertEquals("the-code", r.await(Duration.ofSeconds(10)));
        }
    }

    @Test
    void theBrowserPageIsInTheUsersLanguageWithoutScript() throws Exception {
        try (LoopbackReceiver r = LoopbackReceiver.start("s", Locale.FRENCH)) {
            var page = browser.get(URI.create(r.redirectUri() + "?code=c&state=s"));
            assertTrue(page.body().contains("Vous pouvez fermer cet onglet et revenir à Cristal."), page.body());
            assertTrue(page.body().contains("lang=\"fr\""));
            assertTrue(!page.body().contains("<script"));
            assertEquals("default-src 'none'", page.headers().firstValue("Content-Security-Policy").orElse(""));
        }
    }

    @Test
    void theServicesRefusalBecomesALocalizedFailureWithItsReason() throws Exception {
        try (LoopbackReceiver r = LoopbackReceiver.start("s", Locale.ENGLISH)) {
            browser.get(URI.create(r.redirectUri() + "?error=access_denied&error_description=User%20said%20no&state=s"));
            PublishException e = assertThrows(PublishException.class, () -> r.await(Duration.ofSeconds(10)));
            assertEquals(PublishException.Kind.PERMANENT, e.kind());
            assertEquals("The service did not grant access to the account: “User said no”", e.message(Locale.ENGLISH));
            assertEquals("Le service n’a pas accordé l’accès au compte\u00a0: «\u00a0User said no\u00a0»",
                    e.message(Locale.FRENCH));
        }
    }

    @Test
    void aReceiverNobodyCallsBackTimesOutAndFreesItsPort() throws Exception {
        LoopbackReceiver r = LoopbackReceiver.start("s", Locale.ENGLISH);
        URI callback = URI.create(r.redirectUri() + "?code=c&state=s");
        PublishException e = assertThrows(PublishException.class, () -> r.await(Duration.ofMillis(200)));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("No answer came back from the browser"), e.getMessage());
        assertThrows(IOException.class, () -> browser.get(callback), "the port is closed after the wait");
    }

    @Test
    void aCancelledReceiverStopsWaitingAtOnce() throws Exception {
        LoopbackReceiver r = LoopbackReceiver.start("s", Locale.ENGLISH);
        CompletableFuture<PublishException> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                r.await(Duration.ofHours(1));
                return null;
            } catch (PublishException e) {
                return e;
            }
        });
        r.cancel();
        PublishException e;
        try {
            e = waiting.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException x) {
            throw new AssertionError(x);
        }
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
    }
}
