package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.publish.WebhookReceiver.Fault;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher over a real workspace file and the webhook plugin against a loopback receiver with faults. */
class PublisherTest {
    @TempDir
    Path dir;
    PublishFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void queuingTwiceIsOneEntryAndSendingDeliversOneSignedStory() throws Exception {
        OutboxEntry a = f.queueNow();
        OutboxEntry b = f.queueNow();
        assertEquals(a.id(), b.id(), "the same story, revision, account and time is one publication");
        assertEquals("Zapier (levain)", a.target());
        assertEquals(OutboxState.SCHEDULED, a.state());

        Outcome o = f.publisher.send(a.id(), Progress.NONE, () -> false);

        assertTrue(o.sent(), String.valueOf(o.message()));
        assertEquals(OutboxState.SENT, o.entry().state());
        assertEquals("post-1", o.entry().remoteId());
        assertEquals("https://receiver.example/p/1", o.entry().url());
        assertEquals(1, f.receiver.requests().size());
        WebhookReceiver.Received r = f.receiver.requests().get(0);
        assertTrue(r.signatureValid(), "the receiver can check the HMAC signature");
        assertEquals(a.idempotencyKey(), r.idempotencyKey());
        assertEquals("story.published", r.event());
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals("Quarante ans de levain, et toujours la même main", json.at("/story/title").asText());
        assertEquals("fr", json.at("/story/language").asText());
        assertTrue(json.at("/email/subject").asText().length() > 5, r.body().substring(0, 200));
        assertTrue(json.at("/social/mastodon").size() >= 1, "the Mastodon thread is in the document");
        byte[] pdf = Base64.getDecoder().decode(json.at("/brochure/pdf").asText());
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        // Sent: nothing due any more.
        assertEquals(List.of(), f.publisher.sendDue(Progress.NONE, () -> false));
        assertEquals(1, f.receiver.requests().size());
    }

    @Test
    void aDroppedConnectionIsRetriedAndTheReceiverKeepsOneCopy() {
        f.receiver.then(Fault.DROP_AFTER_STORE);
        OutboxEntry e = f.queueNow();

        Outcome first = f.publisher.send(e.id(), Progress.NONE, () -> false);
        assertFalse(first.sent());
        assertEquals(OutboxState.RETRYING, first.entry().state());
        assertEquals(PublishFixture.T0.plus(Duration.ofMinutes(1)), first.entry().nextAttemptAt());
        assertTrue(first.message().get(Locale.ENGLISH).contains("Cristal will try again"), first.message().toString());

        f.clock.advance(Duration.ofMinutes(1));
        List<Outcome> later = f.publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(1, later.size());
        assertTrue(later.get(0).sent());
        assertEquals(2, f.receiver.requests().size(), "two requests arrived");
        assertEquals(1, f.receiver.stored().size(), "the receiver kept one story");
        assertEquals(e.idempotencyKey(), f.receiver.requests().get(1).idempotencyKey(), "the retry had the same key");
        assertEquals("post-1", later.get(0).entry().remoteId(), "the retry got the first post's answer");
    }

    @Test
    void serverErrorsComeBackAfterOneThenTwoMinutes() {
        f.receiver.then(Fault.ERROR_500, Fault.ERROR_500);
        OutboxEntry e = f.queueNow();

        Outcome first = f.publisher.send(e.id(), Progress.NONE, () -> false);
        assertEquals(OutboxState.RETRYING, first.entry().state());
        assertEquals(PublishFixture.T0.plusSeconds(60), first.entry().nextAttemptAt());
        assertTrue(first.message().get(Locale.FRENCH).contains("a répondu HTTP 500"),
                first.message().get(Locale.FRENCH));

        f.clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), f.publisher.sendDue(Progress.NONE, () -> false), "not due before its time");
        assertEquals(1, f.receiver.requests().size());

        f.clock.advance(Duration.ofSeconds(1));
        Outcome second = f.publisher.sendDue(Progress.NONE, () -> false).get(0);
        assertEquals(PublishFixture.T0.plusSeconds(60 + 120), second.entry().nextAttemptAt(), "the wait doubles");

        f.clock.advance(Duration.ofSeconds(120));
        Outcome third = f.publisher.sendDue(Progress.NONE, () -> false).get(0);
        assertTrue(third.sent());
        assertEquals(3, third.entry().attempts());
        assertEquals(3, f.receiver.requests().size());
        assertEquals(1, f.receiver.stored().size());
    }

    @Test
    void tooManyRequestsWaitsAtLeastWhatRetryAfterSays() {
        f.receiver.then(Fault.TOO_MANY_429);
        OutboxEntry e = f.queueNow();

        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(OutboxState.RETRYING, o.entry().state());
        Duration wait = Duration.between(f.clock.instant(), o.entry().nextAttemptAt());
        assertTrue(wait.compareTo(Duration.ofSeconds(120)) >= 0, "waits " + wait);
        f.clock.advance(Duration.ofSeconds(119));
        assertEquals(List.of(), f.publisher.sendDue(Progress.NONE, () -> false));
        assertEquals(1, f.receiver.requests().size());
    }

    @Test
    void refusedCredentialsFailAtOnceAndAreNeverRetried() {
        f.receiver.then(Fault.UNAUTHORIZED_401);
        OutboxEntry e = f.queueNow();

        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(OutboxState.FAILED, o.entry().state());
        assertTrue(o.entry().error().get("en").contains("Check the signing secret"), o.entry().error().toString());
        assertTrue(o.entry().error().get("fr").contains("Vérifiez le secret de signature"),
                o.entry().error().toString());
        f.clock.advance(Duration.ofHours(3));
        assertEquals(List.of(), f.publisher.sendDue(Progress.NONE, () -> false));
        assertEquals(1, f.receiver.requests().size());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetried() {
        f.ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                Map.of("url", f.receiver.url(), "timeoutSeconds", "1")));
        f.receiver.then(Fault.STORE_AND_HOLD);
        OutboxEntry e = f.queueNow();

        long start = System.nanoTime();
        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(OutboxState.RETRYING, o.entry().state());
        assertTrue(o.message().get(Locale.ENGLISH).contains("did not answer within 1 seconds"), o.message().toString());
        assertTrue(tookMs < 10_000, "gave up after its time limit, took " + tookMs + " ms");
        f.receiver.release();
        f.clock.advance(Duration.ofMinutes(1));
        assertTrue(f.publisher.sendDue(Progress.NONE, () -> false).get(0).sent());
        assertEquals(2, f.receiver.requests().size());
        assertEquals(1, f.receiver.stored().size());
    }

    @Test
    void afterTheLastAttemptItFailsForGood() {
        Fault[] always = new Fault[Backoff.MAX_ATTEMPTS];
        java.util.Arrays.fill(always, Fault.ERROR_500);
        f.receiver.then(always);
        OutboxEntry e = f.queueNow();
        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);
        while (o.entry().state() == OutboxState.RETRYING) {
            f.clock.set(o.entry().nextAttemptAt());
            o = f.publisher.sendDue(Progress.NONE, () -> false).get(0);
        }
        assertEquals(OutboxState.FAILED, o.entry().state());
        assertEquals(Backoff.MAX_ATTEMPTS, f.receiver.requests().size());
        assertTrue(o.entry().error().get("en").startsWith("Gave up after 16 attempts"), o.entry().error().toString());
        assertTrue(Duration.between(PublishFixture.T0, f.clock.instant()).toHours() >= 10,
                "kept trying for hours, capped at an hour apart: " + f.clock.instant());
    }

    @Test
    void aPluginThatCrashesFailsTheEntryWithAPlainMessage() {
        f.plugins.add(new Crashing());
        f.ws.channelAccounts().save(ChannelAccount.of("crash", "crashing", "Crashy", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "crash", f.clock.instant(), PublishFixture.PARIS);

        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(OutboxState.FAILED, o.entry().state());
        assertTrue(o.message().get(Locale.ENGLISH).contains("“crashing” failed unexpectedly"), o.message().toString());
        assertFalse(o.message().get(Locale.ENGLISH).contains("NullPointer"));
    }

    @Test
    void aMissingPluginFailsTheEntryAndSaysSo() {
        f.ws.channelAccounts().save(ChannelAccount.of("gone", "wordpress", "Blog", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "gone", f.clock.instant(), PublishFixture.PARIS);

        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(OutboxState.FAILED, o.entry().state());
        assertEquals("Le module «\u00a0wordpress\u00a0» n’est pas installé ou pas activé.",
                o.entry().error().get("fr"));
    }

    @Test
    void cancellingWithdrawsThePublicationAndSendsNothing() {
        OutboxEntry e = f.queueNow();
        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> true);
        assertEquals(OutboxState.CANCELLED, o.entry().state());
        assertEquals(0, f.receiver.requests().size());
        assertTrue(f.ws.outbox().reschedule(e.id(), f.clock.instant(), PublishFixture.PARIS), "can be rescheduled");
        assertTrue(f.publisher.sendDue(Progress.NONE, () -> false).get(0).sent());
    }

    @Test
    void anInterruptedSendIsAskedAboutAndMarkedSentWhenTheServiceHasIt() {
        f.plugins.add(new Remembering());
        f.ws.channelAccounts().save(ChannelAccount.of("mem", "remembering", "Remembers", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "mem", f.clock.instant(), PublishFixture.PARIS);
        assertTrue(f.ws.outbox().claim(e.id()), "a sender took it, then the app died");
        assertEquals(List.of(), f.publisher.recover(), "within its lease it may still be in another sender's hands");
        f.clock.advance(Publisher.LEASE);

        List<Outcome> recovered = f.publisher.recover();

        assertEquals(1, recovered.size());
        assertTrue(recovered.get(0).sent());
        assertEquals("found-" + e.idempotencyKey(), recovered.get(0).entry().remoteId());
        assertEquals(0, Remembering.published, "found by its key, not sent again");
    }

    @Test
    void anInterruptedSendTheServiceCannotFindIsSentAgainWithTheSameKey() {
        OutboxEntry e = f.queueNow();
        assertTrue(f.ws.outbox().claim(e.id()));
        f.clock.advance(Publisher.LEASE);

        List<Outcome> out = f.publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(2, out.size(), "released, then sent");
        assertEquals(OutboxState.RETRYING, out.get(0).entry().state());
        assertTrue(out.get(1).sent());
        assertEquals(1, f.receiver.requests().size());
    }

    @Test
    void testConnectionPingsTheReceiverWithASignedRequest() throws Exception {
        LocalText t = f.publisher.testConnection("hook");
        assertEquals("Connected: 127.0.0.1:" + java.net.URI.create(f.receiver.url()).getPort() + " answered HTTP 200.",
                t.get(Locale.ENGLISH));
        assertEquals("ping", f.receiver.requests().get(0).event());
        assertTrue(f.receiver.requests().get(0).signatureValid());
    }

    @Test
    void aSecretNeverReachesTheWorkspaceFileOrAMessage() throws Exception {
        f.receiver.then(Fault.ERROR_500);
        Outcome o = f.publisher.send(f.queueNow().id(), Progress.NONE, () -> false);
        f.ws.close();
        byte[] bytes = java.nio.file.Files.readAllBytes(f.file);
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(PublishFixture.SECRET));
        assertFalse(o.message().toString().contains(PublishFixture.SECRET));
    }

    /** A plugin with a bug. */
    static final class Crashing extends TestPlugin {
        Crashing() {
            super("crashing");
        }

        @Override
        public PublishResult publish(PublishRequest request, PublishContext context) {
            throw new NullPointerException("bug");
        }
    }

    /** A plugin whose service finds a post by idempotency key. */
    static final class Remembering extends TestPlugin {
        static volatile int published;

        Remembering() {
            super("remembering");
            published = 0;
        }

        @Override
        public PublishResult publish(PublishRequest request, PublishContext context) {
            published++;
            return new PublishResult("new", "", context.clock().instant(), 1);
        }

        @Override
        public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) {
            return Optional.of(new PublishResult("found-" + request.idempotencyKey(), "", context.clock().instant(),
                    1));
        }
    }

    /** The least a plugin is. */
    abstract static class TestPlugin implements ChannelPlugin {
        private final String id;

        TestPlugin(String id) {
            this.id = id;
        }

        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of(id, LocalText.of(id), Set.of(Channel.SOCIAL));
        }

        @Override
        public List<SettingSpec> settings() {
            return List.of();
        }

        @Override
        public LocalText testConnection(ChannelSettings settings, PublishContext context) {
            return LocalText.of("ok");
        }
    }

    @Test
    void differentTimesAreDifferentPublications() {
        OutboxEntry a = f.queueNow();
        OutboxEntry b = f.publisher.queue(PublishFixture.STORY, "hook", f.clock.instant().plusSeconds(3600),
                PublishFixture.PARIS);
        assertNotEquals(a.idempotencyKey(), b.idempotencyKey());
        assertEquals(PublishFixture.PARIS, b.zone());
    }
}
