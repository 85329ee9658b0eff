package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.publish.WebhookReceiver.Fault;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.webhook.Signature;
import org.cristal.publish.webhook.WebhookPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook plugin on its own: what the receiver gets, and each refusal mapped to what the outbox does. */
class WebhookPluginTest {
    @TempDir
    Path dir;
    PublishFixture f;
    final WebhookPlugin plugin = new WebhookPlugin();

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The receiver as messages name it: host and port. */
    private String at() {
        return "127.0.0.1:" + java.net.URI.create(f.receiver.url()).getPort();
    }

    private PublishRequest request() throws PublishException {
        OutboxEntry e = f.queueNow();
        return f.publisher.request(e.id());
    }

    @Test
    void aRefusalCarriesTheReceiversOwnWordsAndIsPermanent() throws Exception {
        f.receiver.then(Fault.INVALID_422);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(), new TestContext().clock(f.clock)));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals(at() + " refused the story (HTTP 422): title is longer than 70 characters", e.message(Locale.ENGLISH));
        assertEquals(at() + " a refusé l’histoire (HTTP 422)\u00a0: title is longer than 70 characters",
                e.message(Locale.FRENCH));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        f.receiver.then(Fault.UNAVAILABLE_503_DATE);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(), new TestContext().clock(f.clock)));
        assertTrue(e.isTransient());
        assertEquals(Duration.ofSeconds(600), e.retryAfter().orElseThrow());
    }

    @Test
    void theBrochureCanBeLeftOutOfTheDocument() throws Exception {
        f.ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                Map.of("url", f.receiver.url(), "includePdf", "false")));
        PublishResult r = plugin.publish(request(), new TestContext().clock(f.clock));
        assertEquals("post-1", r.remoteId());
        var json = new ObjectMapper().readTree(f.receiver.requests().get(0).body());
        assertTrue(json.at("/brochure/pages").asInt() >= 1);
        assertTrue(json.at("/brochure/pdf").isMissingNode(), "no PDF when the setting says so");
    }

    @Test
    void anUnreachableReceiverIsTransientAndTheMessageHasNoSecret() throws Exception {
        f.ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                Map.of("url", "http://127.0.0.1:1/hooks/cristal")));
        PublishRequest request = request();
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request, new TestContext().clock(f.clock)));
        assertTrue(e.isTransient());
        assertTrue(e.message(Locale.ENGLISH).startsWith("Cannot reach 127.0.0.1"), e.message(Locale.ENGLISH));
        assertFalse(e.getMessage().contains(PublishFixture.SECRET));
        assertFalse(request.settings().toString().contains(PublishFixture.SECRET));
    }

    @Test
    void aReceiverRejectsATamperedBodyAndAnOldTimestamp() {
        String body = "{\"story\":{\"title\":\"Levain\"}}";
        String ts = "1796112000";
        String sig = "sha256=" + Signature.sign("k", ts, body);
        assertTrue(Signature.verify("k", ts, sig, body, 1796112000L + 60));
        assertFalse(Signature.verify("k", ts, sig, body.replace("Levain", "Levure"), 1796112000L), "tampered body");
        assertFalse(Signature.verify("other", ts, sig, body, 1796112000L), "wrong secret");
        assertFalse(Signature.verify("k", ts, sig, body, 1796112000L + 301), "a replay after five minutes");
    }

    @Test
    void anUnreachableReceiverIsNamedByHostAndPortWithoutARetryPromise() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ChannelSettings nowhere = new ChannelSettings(Map.of("url", "http://127.0.0.1:" + port + "/hooks/cristal",
                "secret", PublishFixture.SECRET, "timeoutSeconds", "2"), java.util.Set.of("secret"));
        PublishException test = assertThrows(PublishException.class,
                () -> plugin.testConnection(nowhere, new TestContext()));
        assertEquals("Cannot reach 127.0.0.1:" + port + ": nothing answers there, or the network is down.",
                test.message(Locale.ENGLISH));
        assertEquals("Impossible de joindre 127.0.0.1:" + port + "\u00a0: rien n’y répond, ou le réseau est coupé.",
                test.message(Locale.FRENCH));
        PublishException sending = assertThrows(PublishException.class,
                () -> plugin.publish(Publications.levain(nowhere), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, sending.kind());
        // The plugin names the failure; promising a retry is the outbox's part, never a connection test's.
        assertEquals(test.message(Locale.ENGLISH), sending.message(Locale.ENGLISH));
        assertEquals(test.message(Locale.FRENCH), sending.message(Locale.FRENCH));
    }
}
