package org.cristal.publish.wordpress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.WebFixtures;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WordPressPluginTest {
    private final FakeWordPress wordpress = new FakeWordPress();
    private final WordPressPlugin plugin = new WordPressPlugin(Duration.ofMillis(800));
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(wordpress);
        wordpress.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings() {
        return WebFixtures.settings(Map.of("site", server.url() + "/", "user", FakeWordPress.USER,
                "applicationPassword", FakeWordPress.PASSWORD, "status", "publish"), "applicationPassword");
    }

    private PublishRequest levain() {
        return WebFixtures.request("boulangerie-levain", settings());
    }

    @Test
    void aStoryBecomesOnePostWithItsBodyExcerptTagsAndFeaturedImage() throws Exception {
        wordpress.tag("pain");
        PublishResult result = plugin.publish(levain(), new TestContext());

        assertEquals(1, wordpress.posts.size());
        JsonNode post = wordpress.posts.values().iterator().next();
        assertEquals(post.path("id").asText(), result.remoteId());
        assertEquals(server.url() + "/boulangerie-levain/", result.url());
        assertEquals("Quarante ans de levain, et toujours la même main", post.path("title").path("raw").asText());
        assertEquals("publish", post.path("status").asText());
        assertEquals("boulangerie-levain", post.path("slug").asText());
        assertTrue(post.path("excerpt").path("raw").asText().startsWith("Depuis 1985, notre levain naturel"));
        String content = post.path("content").path("raw").asText();
        assertTrue(content.contains("<h2>Pourquoi le levain change tout</h2>"), content);
        assertTrue(content.contains("Réserver ma miche pour samedi"), "the call to action goes with the body");
        assertFalse(content.contains("<head") || content.contains("<h1") || content.contains("<html"),
                "the article body only: the blog's theme makes the page");
        // Tags by id: the existing one reused, the others created once.
        List<String> tagNames = StreamSupport.stream(post.path("tags").spliterator(), false)
                .map(id -> wordpress.tags.get(id.asLong()).path("name").asText()).toList();
        assertEquals(List.of("levain", "artisanat", "pain", "quartier"), tagNames);
        assertEquals(4, wordpress.tags.size());
        // The hero is the featured image, uploaded as bytes, with its alternative text.
        long featured = post.path("featured_media").asLong();
        assertEquals("Une miche de pain au levain posée sur une planche en bois, farinée",
                wordpress.media.get(featured).path("alt_text").asText());
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")),
                wordpress.mediaBytes.get(featured));
        LoopbackServer.Received upload = server.received("POST", "/wp-json/wp/v2/media").get(0);
        assertEquals("attachment; filename=\"hero-levain.jpg\"", upload.header("Content-Disposition"));
        assertEquals("image/jpeg", upload.header("Content-Type"));
    }

    @Test
    void publishingAgainAfterALostOutcomeUpdatesTheSamePost() throws Exception {
        plugin.publish(levain(), new TestContext());
        // As after a crash: a fresh context, nothing remembered but what WordPress has.
        PublishRequest again = levain();
        assertTrue(plugin.lookup(again, new TestContext()).isPresent());
        PublishResult second = plugin.publish(again, new TestContext());

        assertEquals(1, wordpress.posts.size());
        assertEquals(1, server.received("POST", "/wp-json/wp/v2/posts").size());
        assertEquals(1, server.received("POST", "/wp-json/wp/v2/posts/" + second.remoteId()).size());
        assertEquals(4, wordpress.tags.size());
    }

    @Test
    void lookupTellsThisPublicationFromAnEarlierOneOfTheSameStory() throws Exception {
        PublishRequest first = levain();
        plugin.publish(first, new TestContext());
        assertTrue(plugin.lookup(first, new TestContext()).isPresent());
        // The story published again later (a new outbox entry): the post is there, this publication is not.
        PublishRequest later = new PublishRequest("entry-2", "key-2", first.story(), 2, first.brand(),
                first.renditions(), first.assets(), first.settings(), first.scheduledAt());
        assertTrue(plugin.lookup(later, new TestContext()).isEmpty());
        plugin.publish(later, new TestContext());
        assertEquals(1, wordpress.posts.size());
        assertTrue(plugin.lookup(later, new TestContext()).isPresent());
    }

    @Test
    void bodyImagesAreUploadedAndTheirAddressesRewritten() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("wp-body");
        Files.copy(Corpus.images().resolve("lowres-photo.jpg"), dir.resolve("photo.jpg"));
        org.cristal.story.StoryDocument doc = org.cristal.story.StoryDocument.parse("photo-story",
                "---\ntitle: A photo\nsummary: One.\n---\n\n![The shop](photo.jpg)\n");
        var assets = new org.cristal.library.FileAssets(dir, dir);
        var options = org.cristal.render.RenderOptions.at(WebFixtures.NOW).withAssets(assets);
        var all = org.cristal.render.Renderers.renderAll(doc, org.cristal.story.Brand.DEFAULT, options,
                Runnable::run).join();
        plugin.publish(new PublishRequest("e", "k", doc, 1, org.cristal.story.Brand.DEFAULT, all, assets,
                settings(), WebFixtures.NOW), new TestContext());

        String content = wordpress.posts.values().iterator().next().path("content").path("raw").asText();
        assertEquals(server.url() + "/wp-content/uploads/2026/03/photo.jpg",
                Jsoup.parseBodyFragment(content).selectFirst("img").attr("src"));
    }

    @Test
    void wrongPasswordIsAnAuthFailureInBothLanguagesWithoutTheSecret() {
        ChannelSettings wrong = settings().with("applicationPassword", "wrong-secret-1234");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(WebFixtures.request("boulangerie-levain", wrong), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("WordPress refused the account’s credentials (HTTP 401)"),
                e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.ENGLISH).contains("invalid application password"));
        assertTrue(e.message(Locale.FRENCH).startsWith("WordPress a refusé les identifiants du compte (HTTP 401)"));
        for (String text : List.of(e.message(Locale.ENGLISH), e.message(Locale.FRENCH), e.toString(),
                wrong.toString())) {
            assertFalse(text.contains("wrong-secret-1234"), text);
        }
        assertEquals(0, wordpress.posts.size());
    }

    @Test
    void serverErrorsRateLimitsAndDropsMayPassAndPostNothing() {
        server.fault(new LoopbackServer.Respond(Answer.json(500, "{\"code\":\"internal\",\"message\":\"boom\"}")));
        assertEquals(PublishException.Kind.TRANSIENT, failure().kind());

        server.fault(new LoopbackServer.Respond(new Answer(429, "application/json", "{}".getBytes(),
                Map.of("Retry-After", "120"))));
        PublishException limited = failure();
        assertEquals(PublishException.Kind.TRANSIENT, limited.kind());
        assertEquals(Duration.ofSeconds(120), limited.retryAfter().orElseThrow());
        assertTrue(limited.message(Locale.FRENCH).contains("demande d’attendre"));

        // A dropped GET is retried once by the JDK's client; a dropped upload is not.
        server.faultOn("POST", "/wp-json/wp/v2/media", new LoopbackServer.Drop());
        PublishException dropped = failure();
        assertEquals(PublishException.Kind.TRANSIENT, dropped.kind());
        assertTrue(dropped.message(Locale.ENGLISH).contains("WordPress at 127.0.0.1:"),
                dropped.message(Locale.ENGLISH));

        server.fault(new LoopbackServer.Stall());
        PublishException slow = failure();
        assertEquals(PublishException.Kind.TRANSIENT, slow.kind());
        assertTrue(slow.message(Locale.ENGLISH).contains("did not answer within"), slow.message(Locale.ENGLISH));

        assertEquals(0, wordpress.posts.size());
    }

    @Test
    void aRetryAfterTheUploadsSucceededDoesNotUploadAgain() throws Exception {
        TestContext context = new TestContext();
        server.faultOn("POST", "/wp-json/wp/v2/posts",
                new LoopbackServer.Respond(Answer.json(503, "{\"code\":\"busy\",\"message\":\"busy\"}")));
        assertEquals(PublishException.Kind.TRANSIENT,
                assertThrows(PublishException.class, () -> plugin.publish(levain(), context)).kind());

        plugin.publish(levain(), context);

        assertEquals(1, wordpress.media.size());
        assertEquals(1, wordpress.posts.size());
    }

    @Test
    void testConnectionSaysWhoItIsConnectedAs() throws Exception {
        assertEquals("Connected to 127.0.0.1 as Marie Martin.",
                plugin.testConnection(settings(), new TestContext()).get(Locale.ENGLISH));
        assertEquals("edit", FakeWordPress.query(server.received().get(0).query()).get("context"));
    }

    @Test
    void anUnknownCategoryIsRefusedAndAKnownOneIsUsed() throws Exception {
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(
                WebFixtures.request("boulangerie-levain", settings().with("category", "Actualités")),
                new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("pas de catégorie «\u00a0Actualités\u00a0»"), e.message(Locale.FRENCH));
        long id = wordpress.category("Actualités");
        plugin.publish(WebFixtures.request("boulangerie-levain", settings().with("category", "actualités")),
                new TestContext());
        assertEquals(id, wordpress.posts.values().iterator().next().path("categories").get(0).asLong());
    }

    @Test
    void aPageThatIsNotTheApiIsAClearPermanentFailure() {
        server.faultOn("GET", "/wp-json/wp/v2/posts", new LoopbackServer.Respond(new Answer(200, "text/html",
                "<html><body>Welcome</body></html>".getBytes(), Map.of())));
        PublishException e = failure();
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("Check the server address."), e.message(Locale.ENGLISH));
    }

    @Test
    void aSiteThatMovedIsNotFollowedButNamed() {
        // Followed, the POST would turn into a GET and the password would go to the new host.
        server.faultOn("GET", "/wp-json/wp/v2/posts", new LoopbackServer.Respond(new Answer(301, "text/html",
                new byte[0], Map.of("Location", "https://blog.example/wp-json/wp/v2/posts?slug=x"))));
        PublishException e = failure();
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("has moved to https://blog.example/wp-json/wp/v2/posts."),
                e.message(Locale.ENGLISH));
        assertEquals(1, server.received().size());
    }

    @Test
    void cancellingStopsBeforeThePost() {
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(levain(), new TestContext().cancelAfter(1)));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(0, wordpress.posts.size());
    }

    @Test
    void missingSettingsAreReported() {
        assertEquals(List.of("site", "user", "applicationPassword"),
                plugin.validate(ChannelSettings.of(Map.of())).stream().map(p -> p.key()).toList());
        assertEquals(List.of("status"), plugin.validate(settings().with("status", "scheduled")).stream()
                .map(p -> p.key()).toList());
    }

    private PublishException failure() {
        return assertThrows(PublishException.class, () -> plugin.publish(levain(), new TestContext()));
    }
}
