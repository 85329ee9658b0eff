package org.cristal.publish.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.TestContext;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.publish.social.SocialFixtures;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MastodonPluginTest {
    /** An instance with shorter posts than the default 500, so the bakery's story makes a longer thread. */
    private static final int LIMIT = 300;
    private static final String ALT = "Une miche de pain au levain posée sur une planche en bois, farinée";

    private FakeMastodon server;
    /** Generous, for a machine busy with other builds; the timeout test uses its own short one. */
    private final MastodonPlugin plugin = new MastodonPlugin(Duration.ofSeconds(20), Duration.ofMillis(20));

    @BeforeEach
    void start() {
        server = new FakeMastodon();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PublishRequest request(String token) {
        return SocialFixtures.request(SocialFixtures.longStory("boulangerie-levain", 700), Network.MASTODON, LIMIT, "idem-42",
                Map.of("instance", server.url() + "/", "token", token, "visibility", "unlisted"), Set.of("token"));
    }

    private static List<String> expectedThread(PublishRequest r) {
        return r.renditions().social().body().thread(Network.MASTODON).stream().map(Post::text).toList();
    }

    @Test
    void aLongStoryBecomesAThreadOfRepliesWithTheImageOnTheFirstPost() throws Exception {
        PublishRequest request = request(FakeMastodon.TOKEN);
        List<String> thread = expectedThread(request);
        assertTrue(thread.size() >= 3, "the fixture should make a thread: " + thread);

        PublishResult result = plugin.publish(request, new TestContext());

        assertEquals(thread, server.statuses.stream().map(FakeMastodon.Status::text).toList());
        for (int i = 0; i < thread.size(); i++) {
            assertTrue(thread.get(i).endsWith((i + 1) + "/" + thread.size()), thread.get(i));
        }
        assertNull(server.statuses.get(0).inReplyTo());
        for (int i = 1; i < thread.size(); i++) {
            assertEquals(server.statuses.get(i - 1).id(), server.statuses.get(i).inReplyTo(), "post " + (i + 1));
        }
        assertEquals(1, server.uploads.size());
        assertEquals(ALT, server.uploads.get(0).description());
        assertEquals("image/jpeg", server.uploads.get(0).mediaType());
        assertEquals(server.uploads.get(0).id(), server.statuses.get(0).request().path("media_ids").get(0).asText());
        assertFalse(server.statuses.get(1).request().has("media_ids"));
        server.statuses.forEach(s -> {
            assertEquals("unlisted", s.request().path("visibility").asText());
            assertEquals("fr", s.request().path("language").asText());
        });
        assertEquals(thread.size(), new HashSet<>(server.statuses.stream().map(FakeMastodon.Status::idempotencyKey)
                .toList()).size(), "one idempotency key per post");
        assertTrue(server.statuses.get(0).idempotencyKey().startsWith("idem-42"));
        assertEquals(server.statuses.get(0).id(), result.remoteId());
        assertEquals(server.url() + "/@boulangerie/" + result.remoteId(), result.url());
        assertEquals(thread.size(), result.items());
    }

    @Test
    void anImageStillProcessingIsWaitedForBeforeThePost() throws Exception {
        server.processMediaAsync = true;
        plugin.publish(request(FakeMastodon.TOKEN), new TestContext());
        assertEquals(2, server.calls("GET /api/v1/media/" + server.uploads.get(0).id()), "206 once, then 200");
        assertEquals(1, server.uploads.size());
        int firstStatus = server.requests.indexOf(FakeMastodon.STATUSES);
        assertTrue(server.requests.lastIndexOf("GET /api/v1/media/" + server.uploads.get(0).id()) < firstStatus);
    }

    @Test
    void aConnectionDroppedAfterPostTwoResumesTheThreadWithoutADuplicate() throws Exception {
        PublishRequest request = request(FakeMastodon.TOKEN);
        List<String> thread = expectedThread(request);
        server.fault(FakeMastodon.STATUSES, 2, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(2, server.statuses.size(), "the server did create post 2");

        PublishResult result = plugin.publish(request, context);

        assertEquals(thread, server.statuses.stream().map(FakeMastodon.Status::text).toList(), "each post once");
        for (int i = 1; i < thread.size(); i++) {
            assertEquals(server.statuses.get(i - 1).id(), server.statuses.get(i).inReplyTo(), "post " + (i + 1));
        }
        assertEquals(1, server.uploads.size(), "the image is uploaded once");
        assertEquals(server.statuses.get(0).id(), result.remoteId());
        assertEquals(thread.size() + 1, server.calls(FakeMastodon.STATUSES), "post 2 was sent twice, kept once");
    }

    @Test
    void anImageUploadedBeforeAFailedProcessingCheckIsReusedNotUploadedAgain() throws Exception {
        server.processMediaAsync = true;
        server.fault("GET /api/v1/media/109001", 1, Fault.SERVER_ERROR);
        PublishRequest request = request(FakeMastodon.TOKEN);
        TestContext context = new TestContext();

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals("109001", server.uploads.get(0).id());

        plugin.publish(request, context);

        assertEquals(1, server.uploads.size(), "the retry used the image already uploaded");
        assertEquals("109001", server.statuses.get(0).request().path("media_ids").get(0).asText());
    }

    @Test
    void onceTheKeysAreForgottenLookupFindsThePostWhoseAnswerWasLostAndTheRetryAddsNoCopy() throws Exception {
        PublishRequest request = request(FakeMastodon.TOKEN);
        server.now = request::scheduledAt;
        List<String> thread = expectedThread(request);
        server.fault(FakeMastodon.STATUSES, 1, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();
        assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(1, server.statuses.size(), "the server did create post 1");
        server.forgetKeys();

        assertTrue(plugin.lookup(request, context).isEmpty(), "the rest of the thread has not gone");
        assertEquals(server.statuses.get(0).id(), context.journalMap().get("post:1"));
        PublishResult result = plugin.publish(request, context);

        assertEquals(thread, server.statuses.stream().map(FakeMastodon.Status::text).toList(), "each post once");
        assertEquals(server.statuses.get(0).id(), result.remoteId());
        assertEquals(1, server.uploads.size());
    }

    @Test
    void lookupAfterAWholeThreadWentOutReturnsItsFirstPost() throws Exception {
        PublishRequest request = request(FakeMastodon.TOKEN);
        server.now = request::scheduledAt;
        plugin.publish(request, new TestContext());
        server.forgetKeys();

        PublishResult found = plugin.lookup(request, new TestContext()).orElseThrow();

        assertEquals(server.statuses.get(0).id(), found.remoteId());
        assertEquals(server.url() + "/@boulangerie/" + found.remoteId(), found.url());
    }

    @Test
    void aFailedConnectionTestDoesNotPromiseARetry() {
        server.fault("GET /api/v1/accounts/verify_credentials", 1, Fault.SERVER_ERROR);
        ChannelSettings settings = new ChannelSettings(Map.of("instance", server.url(), "token", FakeMastodon.TOKEN),
                Set.of("token"));
        PublishException e = assertThrows(PublishException.class, () -> plugin.testConnection(settings, new TestContext()));
        assertTrue(e.message(Locale.ENGLISH).contains("HTTP 500"), e.message(Locale.ENGLISH));
        assertFalse(e.message(Locale.ENGLISH).contains("try again"), e.message(Locale.ENGLISH));
        assertFalse(e.message(Locale.FRENCH).contains("réessaiera"), e.message(Locale.FRENCH));
    }

    @Test
    void aServerErrorIsTransient() {
        server.fault(FakeMastodon.STATUSES, 1, Fault.SERVER_ERROR);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeMastodon.TOKEN), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("HTTP 500"), e.message(Locale.ENGLISH));
        assertEquals(0, server.statuses.size());
    }

    @Test
    void tooManyRequestsIsTransientAndSaysWhenToRetry() {
        server.fault(FakeMastodon.STATUSES, 1, Fault.RATE_LIMITED);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeMastodon.TOKEN), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertEquals(0, server.statuses.size());
    }

    @Test
    void aRefusedTokenIsAnAuthFailureWithMastodonsOwnWords() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request("wrong-token-123"), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("The access token is invalid"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("The access token is invalid"), e.message(Locale.FRENCH));
        assertTrue(e.message(Locale.FRENCH).contains("Reconnectez le compte"), e.message(Locale.FRENCH));
        assertFalse(e.getMessage().contains("wrong-token-123"));
        assertEquals(0, server.statuses.size());
    }

    @Test
    void aServerThatNeverAnswersIsTransientWithinTheTimeout() {
        server.fault(FakeMastodon.STATUSES, 1, Fault.HANG);
        MastodonPlugin quick = new MastodonPlugin(Duration.ofSeconds(1), Duration.ofMillis(20));
        long start = System.nanoTime();
        PublishException e = assertThrows(PublishException.class,
                () -> quick.publish(request(FakeMastodon.TOKEN), new TestContext()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("did not answer within 1 s"), e.message(Locale.ENGLISH));
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
        assertTrue(e.message(Locale.FRENCH).contains("n’a pas répondu"), e.message(Locale.FRENCH));
        assertEquals(0, server.statuses.size());
        assertTrue(server.calls(FakeMastodon.STATUSES) <= 1, "sent at most once, not retried by the HTTP client");
    }

    @Test
    void testConnectionSaysWhoItIsConnectedAs() throws Exception {
        ChannelSettings settings = new ChannelSettings(Map.of("instance", server.url(), "token", FakeMastodon.TOKEN),
                Set.of("token"));
        String said = plugin.testConnection(settings, new TestContext()).get(Locale.ENGLISH);
        assertEquals("Connected as @boulangerie on 127.0.0.1", said);
        assertEquals(0, server.statuses.size(), "a connection test posts nothing");
    }

    @Test
    void aCancelledPublishPostsNothing() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeMastodon.TOKEN), new TestContext().cancelNow()));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(0, server.statuses.size());
    }

    @Test
    void aCancelMidThreadStopsAfterThePostsAlreadySent() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeMastodon.TOKEN), new TestContext().cancelAfter(2)));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(2, server.statuses.size());
    }

    @Test
    void missingSettingsAreReportedWithoutContactingAnything() {
        var problems = plugin.validate(ChannelSettings.of(Map.of("visibility", "everyone")));
        // The token is no longer required: Connect puts one in the secret store instead.
        assertEquals(Set.of("instance", "visibility"),
                problems.stream().map(p -> p.key()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void theTokenGoesOnlyInTheAuthorizationHeader() throws Exception {
        TestContext context = new TestContext();
        plugin.publish(request(FakeMastodon.TOKEN), context);
        assertTrue(server.requests.stream().noneMatch(r -> r.contains(FakeMastodon.TOKEN)));
        assertTrue(context.progressReports().stream().noneMatch(r -> r.contains(FakeMastodon.TOKEN)));
        assertTrue(context.journalMap().values().stream().noneMatch(v -> v.contains(FakeMastodon.TOKEN)));
        assertFalse(request(FakeMastodon.TOKEN).settings().toString().contains(FakeMastodon.TOKEN));
    }
}
