package org.cristal.publish.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.cristal.story.StoryDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlueskyPluginTest {
    private static final String ALT = "Une miche de pain au levain posée sur une planche en bois, farinée";

    private FakeBluesky server;
    /** Generous, for a machine busy with other builds; the timeout test uses its own short one. */
    private final BlueskyPlugin plugin = new BlueskyPlugin(Duration.ofSeconds(20));

    @BeforeEach
    void start() {
        server = new FakeBluesky();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> settings(String password) {
        return Map.of("service", server.url(), "handle", "@" + FakeBluesky.HANDLE, "appPassword", password);
    }

    private PublishRequest longStory(String password) {
        return SocialFixtures.request(SocialFixtures.longStory("boulangerie-levain", 700), Network.BLUESKY, 0,
                "idem-77", settings(password), Set.of("appPassword"));
    }

    private PublishRequest request(StoryDocument doc) {
        return SocialFixtures.request(doc, Network.BLUESKY, 0, "idem-78", settings(FakeBluesky.PASSWORD),
                Set.of("appPassword"));
    }

    private static List<String> expectedThread(PublishRequest r) {
        return r.renditions().social().body().thread(Network.BLUESKY).stream().map(Post::text).toList();
    }

    private List<String> texts() {
        return server.posts.stream().map(FakeBluesky.Stored::text).toList();
    }

    private void assertContinuousThread() {
        FakeBluesky.Stored root = server.posts.get(0);
        assertNull(root.parentUri());
        for (int i = 1; i < server.posts.size(); i++) {
            assertEquals(root.uri(), server.posts.get(i).rootUri(), "root of post " + (i + 1));
            assertEquals(server.posts.get(i - 1).uri(), server.posts.get(i).parentUri(), "parent of post " + (i + 1));
            assertEquals(server.posts.get(i - 1).cid(),
                    server.posts.get(i).record().path("reply").path("parent").path("cid").asText());
        }
    }

    @Test
    void aLongStoryBecomesAThreadOfRepliesWithTheImageAndItsAltOnTheFirstPost() throws Exception {
        PublishRequest request = longStory(FakeBluesky.PASSWORD);
        List<String> thread = expectedThread(request);
        assertTrue(thread.size() >= 3, "the fixture should make a thread: " + thread);

        PublishResult result = plugin.publish(request, new TestContext());

        assertEquals(thread, texts());
        for (int i = 0; i < thread.size(); i++) {
            assertTrue(thread.get(i).endsWith((i + 1) + "/" + thread.size()), thread.get(i));
        }
        assertContinuousThread();
        assertEquals(1, server.blobs.size());
        assertEquals("image/jpeg", server.blobs.get(0).mimeType());
        JsonNode embed = server.posts.get(0).record().path("embed");
        assertEquals("app.bsky.embed.images", embed.path("$type").asText());
        assertEquals(ALT, embed.path("images").get(0).path("alt").asText());
        assertEquals(server.blobs.get(0).cid(), embed.path("images").get(0).path("image").path("ref").path("$link").asText());
        assertFalse(server.posts.get(1).record().has("embed"));
        server.posts.forEach(p -> assertEquals("fr", p.record().path("langs").get(0).asText()));
        assertEquals(server.posts.get(0).uri(), result.remoteId());
        assertEquals("https://bsky.app/profile/" + FakeBluesky.HANDLE + "/post/" + server.posts.get(0).rkey(),
                result.url());
        List<String> keys = server.posts.stream().map(FakeBluesky.Stored::rkey).toList();
        assertEquals(keys.stream().sorted().toList(), keys, "record keys sort in thread order");
        assertEquals(thread.size(), result.items());
    }

    @Test
    void linksAndHashtagsAreFacetsCountedInUtf8BytesAfterAccentsAndEmoji() throws Exception {
        StoryDocument doc = StoryDocument.parse("fete-du-pain", """
                ---
                title: "Fête du pain"
                lang: fr
                summary: "La fête du pain revient."
                tags: [levain, pâtisserie]
                cta:
                  label: "Réserver"
                  url: "https://boulangerie-martin.example/reservation"
                channels:
                  bluesky:
                    text: "Crème brûlée, pain doré et café ☕🥐 — à très vite !"
                ---
                Le pain.
                """);
        plugin.publish(request(doc), new TestContext());

        assertEquals(1, server.posts.size());
        JsonNode record = server.posts.get(0).record();
        String text = record.path("text").asText();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> covered = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            int start = facet.path("index").path("byteStart").asInt();
            int end = facet.path("index").path("byteEnd").asInt();
            String slice = new String(Arrays.copyOfRange(bytes, start, end), StandardCharsets.UTF_8);
            covered.add(slice);
            JsonNode feature = facet.path("features").get(0);
            if (feature.path("$type").asText().endsWith("#link")) {
                assertEquals(slice, feature.path("uri").asText());
                assertNotEquals(text.indexOf(slice), start, "a char offset would be wrong here");
            } else {
                assertEquals("app.bsky.richtext.facet#tag", feature.path("$type").asText());
                assertEquals(slice, "#" + feature.path("tag").asText());
            }
        }
        assertTrue(covered.stream().anyMatch(s -> s.startsWith("https://boulangerie-martin.example/reservation")),
                covered.toString());
        List<String> hashtags = Arrays.stream(text.split("\\s+")).filter(w -> w.startsWith("#")).toList();
        assertFalse(hashtags.isEmpty(), text);
        assertTrue(covered.containsAll(hashtags), covered + " " + hashtags);
    }

    @Test
    void withoutAnImageTheLinkShowsAsACard() throws Exception {
        PublishRequest request = SocialFixtures.request("nimbus-tax-season", Network.BLUESKY, 0, "idem-79",
                settings(FakeBluesky.PASSWORD), Set.of("appPassword"));
        plugin.publish(request, new TestContext());
        assertTrue(server.blobs.isEmpty());
        JsonNode embed = server.posts.get(0).record().path("embed");
        assertEquals("app.bsky.embed.external", embed.path("$type").asText());
        assertTrue(embed.path("external").path("uri").asText().startsWith("https://"), embed.toString());
        assertEquals(request.story().story().title(), embed.path("external").path("title").asText());
    }

    @Test
    void anAnswerLostAfterPostTwoIsFoundUnderItsRecordKeyAndTheThreadGoesOn() throws Exception {
        PublishRequest request = longStory(FakeBluesky.PASSWORD);
        server.fault(FakeBluesky.CREATE, 2, Fault.DROP_AFTER_WORK);

        plugin.publish(request, new TestContext());

        assertEquals(expectedThread(request), texts(), "each post once");
        assertContinuousThread();
        assertEquals(1, server.calls("GET /xrpc/com.atproto.repo.getRecord"));
    }

    @Test
    void aConnectionDroppedAfterPostTwoResumesTheThreadWithoutADuplicate() throws Exception {
        PublishRequest request = longStory(FakeBluesky.PASSWORD);
        server.fault(FakeBluesky.CREATE, 2, Fault.DROP_AFTER_WORK);
        // The look-up fails too: this attempt cannot tell whether post 2 is up, and gives up for now.
        server.fault("GET /xrpc/com.atproto.repo.getRecord", 1, Fault.SERVER_ERROR);
        TestContext context = new TestContext();

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(2, server.posts.size(), "the PDS did create post 2");

        plugin.publish(request, context);

        assertEquals(expectedThread(request), texts(), "each post once");
        assertContinuousThread();
        assertEquals(1, server.blobs.size(), "the image is uploaded once");
    }

    @Test
    void aPublishRepeatedWithTheJournalLostStillPostsNothingTwice() throws Exception {
        PublishRequest request = longStory(FakeBluesky.PASSWORD);
        plugin.publish(request, new TestContext());
        int posted = server.posts.size();

        PublishResult again = plugin.publish(request, new TestContext());

        assertEquals(posted, server.posts.size());
        assertEquals(server.posts.get(0).uri(), again.remoteId());
    }

    @Test
    void lookupFindsAThreadThatWentThroughAndNotOneCutShort() throws Exception {
        PublishRequest request = longStory(FakeBluesky.PASSWORD);
        assertTrue(plugin.lookup(request, new TestContext()).isEmpty());
        server.fault(FakeBluesky.CREATE, 2, Fault.SERVER_ERROR);
        assertThrows(PublishException.class, () -> plugin.publish(request, new TestContext()));
        assertTrue(plugin.lookup(request, new TestContext()).isEmpty(), "only post 1 is up");

        plugin.publish(request, new TestContext());

        PublishResult found = plugin.lookup(request, new TestContext()).orElseThrow();
        assertEquals(server.posts.get(0).uri(), found.remoteId());
        assertEquals(expectedThread(request), texts());
    }

    @Test
    void aServerErrorIsTransient() {
        server.fault(FakeBluesky.CREATE, 1, Fault.SERVER_ERROR);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(longStory(FakeBluesky.PASSWORD), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(0, server.posts.size());
    }

    @Test
    void tooManyRequestsIsTransientAndSaysWhenToRetry() {
        server.fault(FakeBluesky.CREATE, 1, Fault.RATE_LIMITED);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(longStory(FakeBluesky.PASSWORD), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertEquals(0, server.posts.size());
    }

    @Test
    void aWrongAppPasswordIsAnAuthFailureWithBlueskysOwnWords() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(longStory("zzzz-yyyy-xxxx-wwww"), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("Invalid identifier or password"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("Invalid identifier or password"), e.message(Locale.FRENCH));
        assertTrue(e.message(Locale.FRENCH).contains("Reconnectez le compte"), e.message(Locale.FRENCH));
        assertFalse(e.getMessage().contains("zzzz-yyyy-xxxx-wwww"));
        assertEquals(0, server.posts.size());
    }

    @Test
    void aServerThatNeverAnswersIsTransientWithinTheTimeout() {
        server.fault(FakeBluesky.CREATE, 1, Fault.HANG);
        BlueskyPlugin quick = new BlueskyPlugin(Duration.ofSeconds(1));
        long start = System.nanoTime();
        PublishException e = assertThrows(PublishException.class,
                () -> quick.publish(longStory(FakeBluesky.PASSWORD), new TestContext()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("did not answer within 1 s"), e.message(Locale.ENGLISH));
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
        assertEquals(0, server.posts.size());
    }

    @Test
    void testConnectionSaysWhoItIsConnectedAs() throws Exception {
        String said = plugin.testConnection(new ChannelSettings(settings(FakeBluesky.PASSWORD), Set.of("appPassword")),
                new TestContext()).get(Locale.FRENCH);
        assertEquals("Connecté en tant que @" + FakeBluesky.HANDLE + " sur 127.0.0.1", said);
        assertEquals(0, server.posts.size());
    }

    @Test
    void aCancelMidThreadStopsAfterThePostsAlreadySent() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(longStory(FakeBluesky.PASSWORD), new TestContext().cancelAfter(2)));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(2, server.posts.size());
    }

    @Test
    void missingSettingsAreReportedAndTheServerHasADefault() {
        var problems = plugin.validate(ChannelSettings.of(Map.of()));
        assertEquals(Set.of("handle", "appPassword"),
                problems.stream().map(p -> p.key()).collect(Collectors.toSet()));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void thePasswordAndTokenNeverLeaveTheirPlaces() throws Exception {
        TestContext context = new TestContext();
        plugin.publish(longStory(FakeBluesky.PASSWORD), context);
        assertTrue(server.requests.stream().noneMatch(r -> r.contains(FakeBluesky.PASSWORD) || r.contains(FakeBluesky.JWT)));
        assertTrue(server.authorizations.stream().allMatch(a -> a.equals("Bearer " + FakeBluesky.JWT)));
        assertTrue(context.journalMap().values().stream().noneMatch(v -> v.contains(FakeBluesky.JWT)));
        assertTrue(context.progressReports().stream().noneMatch(r -> r.contains(FakeBluesky.PASSWORD)));
    }
}
