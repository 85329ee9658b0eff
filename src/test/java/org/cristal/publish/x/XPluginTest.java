package org.cristal.publish.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

class XPluginTest {
    private FakeX server;
    /** Generous, for a machine busy with other builds; the timeout test uses its own short one. */
    private final XPlugin plugin = new XPlugin(Duration.ofSeconds(20));

    @BeforeEach
    void start() {
        server = new FakeX();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PublishRequest request(String token) {
        return SocialFixtures.request(SocialFixtures.longStory("boulangerie-levain", 500), Network.X, 0, "idem-5",
                Map.of("api", server.url(), "token", token), Set.of("token"));
    }

    private static List<String> expectedThread(PublishRequest r) {
        return r.renditions().social().body().thread(Network.X).stream().map(Post::text).toList();
    }

    private List<String> texts() {
        return server.tweets.stream().map(FakeX.Tweet::text).toList();
    }

    private void assertContinuousThread() {
        assertNull(server.tweets.get(0).inReplyTo());
        for (int i = 1; i < server.tweets.size(); i++) {
            assertEquals(server.tweets.get(i - 1).id(), server.tweets.get(i).inReplyTo(), "post " + (i + 1));
        }
    }

    @Test
    void aLongStoryBecomesAThreadOfRepliesWithTextAndLinkOnly() throws Exception {
        PublishRequest request = request(FakeX.TOKEN);
        List<String> thread = expectedThread(request);
        assertTrue(thread.size() >= 3, "the fixture should make a thread: " + thread);

        PublishResult result = plugin.publish(request, new TestContext());

        assertEquals(thread, texts());
        for (int i = 0; i < thread.size(); i++) {
            assertTrue(thread.get(i).endsWith((i + 1) + "/" + thread.size()), thread.get(i));
        }
        assertContinuousThread();
        assertTrue(texts().stream().anyMatch(t -> t.contains("https://boulangerie-martin.example/")));
        assertEquals(server.tweets.get(0).id(), result.remoteId());
        assertEquals("https://x.com/i/web/status/" + result.remoteId(), result.url());
        assertEquals(thread.size(), result.items());
    }

    @Test
    void aConnectionDroppedAfterPostTwoResumesTheThreadWithoutADuplicate() throws Exception {
        PublishRequest request = request(FakeX.TOKEN);
        server.fault(FakeX.TWEETS, 2, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(2, server.tweets.size(), "X did create post 2");

        plugin.publish(request, context);

        assertEquals(expectedThread(request), texts(), "each post once");
        assertContinuousThread();
    }

    @Test
    void aTextThisAccountAlreadyPostedIsRefusedWithAClearMessage() throws Exception {
        PublishRequest request = request(FakeX.TOKEN);
        plugin.publish(request, new TestContext());
        int posted = server.tweets.size();
        // Another outbox entry for the same story: X refuses its first post as a duplicate.
        PublishRequest again = new PublishRequest("entry-2", "idem-6", request.story(), 1, request.brand(),
                request.renditions(), request.assets(), request.settings(), request.scheduledAt());

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(again, new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("Modifiez le texte"), e.message(Locale.FRENCH));
        assertEquals(posted, server.tweets.size());
    }

    @Test
    void aServerErrorIsTransient() {
        server.fault(FakeX.TWEETS, 1, Fault.SERVER_ERROR);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeX.TOKEN), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(0, server.tweets.size());
    }

    @Test
    void tooManyRequestsIsTransientAndSaysWhenToRetry() {
        server.fault(FakeX.TWEETS, 1, Fault.RATE_LIMITED);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeX.TOKEN), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertEquals(0, server.tweets.size());
    }

    @Test
    void aRefusedTokenIsAnAuthFailureWithXsOwnWords() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request("expired-token-xyz"), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("“Unauthorized”"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("Unauthorized"), e.message(Locale.FRENCH));
        assertTrue(e.message(Locale.FRENCH).contains("Reconnectez le compte"), e.message(Locale.FRENCH));
        assertFalse(e.getMessage().contains("expired-token-xyz"));
        assertEquals(0, server.tweets.size());
    }

    @Test
    void aServerThatNeverAnswersIsTransientWithinTheTimeout() {
        server.fault(FakeX.TWEETS, 1, Fault.HANG);
        XPlugin quick = new XPlugin(Duration.ofSeconds(1));
        long start = System.nanoTime();
        PublishException e = assertThrows(PublishException.class,
                () -> quick.publish(request(FakeX.TOKEN), new TestContext()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("did not answer within 1 s"), e.message(Locale.ENGLISH));
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
        assertEquals(0, server.tweets.size());
    }

    @Test
    void testConnectionSaysWhoItIsConnectedAs() throws Exception {
        String said = plugin.testConnection(new ChannelSettings(Map.of("api", server.url(), "token", FakeX.TOKEN),
                Set.of("token")), new TestContext()).get(Locale.ENGLISH);
        assertEquals("Connected as @boulangerie on X", said);
        assertEquals(0, server.tweets.size());
    }

    @Test
    void aCancelMidThreadStopsAfterThePostsAlreadySent() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(FakeX.TOKEN), new TestContext().cancelAfter(2)));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(2, server.tweets.size());
    }

    @Test
    void anAccountWithNeitherAConnectNorATokenIsRefusedBeforeContactingX() {
        // No setting is required any more (Connect fills the token), but a publish still needs one.
        assertEquals(Set.of(), plugin.validate(ChannelSettings.of(Map.of())).stream().map(p -> p.key())
                .collect(Collectors.toSet()));
        org.cristal.publish.spi.PublishException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.cristal.publish.spi.PublishException.class, () -> plugin.testConnection(
                        ChannelSettings.of(Map.of("api", server.url())), new TestContext()));
        assertTrue(e.text().get(java.util.Locale.ENGLISH).contains("token"), e.text().toString());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void theTokenGoesOnlyInTheAuthorizationHeader() throws Exception {
        TestContext context = new TestContext();
        plugin.publish(request(FakeX.TOKEN), context);
        assertTrue(server.requests.stream().noneMatch(r -> r.contains(FakeX.TOKEN)));
        assertTrue(context.journalMap().values().stream().noneMatch(v -> v.contains(FakeX.TOKEN)));
    }
}
