package org.cristal.publish.ghost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GhostPluginTest {
    private final FakeGhost ghost = new FakeGhost();
    private final GhostPlugin plugin = new GhostPlugin(Duration.ofMillis(800));
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(ghost);
        ghost.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings() {
        return WebFixtures.settings(Map.of("adminUrl", server.url() + "/ghost/", "adminApiKey", FakeGhost.KEY,
                "status", "published"), "adminApiKey");
    }

    private PublishRequest coffee() {
        return WebFixtures.request("coffee-huila", settings());
    }

    @Test
    void aStoryBecomesOnePostWithItsHtmlExcerptTagsAndFeatureImage() throws Exception {
        PublishResult result = plugin.publish(coffee(), new TestContext());

        assertEquals(1, ghost.posts.size());
        JsonNode post = ghost.posts.values().iterator().next();
        assertEquals(post.path("id").asText(), result.remoteId());
        assertEquals(server.url() + "/coffee-huila/", result.url());
        assertEquals("From one farm in Huila to your morning cup", post.path("title").asText());
        assertEquals("published", post.path("status").asText());
        assertEquals("coffee-huila", post.path("slug").asText());
        assertTrue(post.path("custom_excerpt").asText().startsWith("We buy all our washed Colombian"));
        String html = post.path("html").asText();
        assertFalse(html.isEmpty() || html.contains("<head") || html.contains("<h1"), html);
        assertEquals(List.of("coffee", "direct-trade", "colombia", "roasting"), tagNames(post));
        String image = post.path("feature_image").asText();
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-coffee.jpg")), ghost.images.get(image));
        assertEquals("image/jpeg", ghost.imageTypes.get(image));
        assertEquals("Ripe red coffee cherries on a branch, a hillside farm in the background",
                post.path("feature_image_alt").asText());
        assertEquals("v5.0", server.received().get(0).header("Accept-Version"));
    }

    @Test
    void mergeTagsInTheSummaryReadAsTheirFallbackInTheExcerpt() throws Exception {
        plugin.publish(WebFixtures.request("nimbus-tax-season", settings()), new TestContext());
        assertEquals("A five-step checklist for freelancers, and how we help you file on time without the stress.",
                ghost.posts.values().iterator().next().path("custom_excerpt").asText());
    }

    private static List<String> tagNames(JsonNode post) {
        return StreamSupport.stream(post.path("tags").spliterator(), false).map(t -> t.path("name").asText())
                .toList();
    }

    @Test
    void theTokenIsAFiveMinuteHs256JwtForTheAdminAudience() throws Exception {
        Instant now = Instant.parse("2026-03-14T09:30:00Z");
        String[] parts = GhostToken.create(FakeGhost.KEY, now).split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.path("alg").asText());
        assertEquals(FakeGhost.KEY_ID, header.path("kid").asText());
        assertEquals("/admin/", claims.path("aud").asText());
        assertEquals(now.getEpochSecond(), claims.path("iat").asLong());
        assertEquals(now.getEpochSecond() + 300, claims.path("exp").asLong());
        assertFalse(String.join(".", parts).contains(FakeGhost.KEY_SECRET));
    }

    @Test
    void publishingAgainAfterALostOutcomeUpdatesTheSamePost() throws Exception {
        plugin.publish(coffee(), new TestContext());
        assertTrue(plugin.lookup(coffee(), new TestContext()).isPresent());
        PublishResult again = plugin.publish(coffee(), new TestContext());

        assertEquals(1, ghost.posts.size());
        assertEquals(1, server.received("POST", "/ghost/api/admin/posts/").size());
        assertEquals(1, server.received("PUT", "/ghost/api/admin/posts/" + again.remoteId() + "/").size());
    }

    @Test
    void lookupTellsThisPublicationFromAnEarlierOneAndKeepsTheUsersFooterCode() throws Exception {
        PublishRequest first = coffee();
        plugin.publish(first, new TestContext());
        assertTrue(plugin.lookup(first, new TestContext()).isPresent());
        JsonNode post = ghost.posts.values().iterator().next();
        ((com.fasterxml.jackson.databind.node.ObjectNode) post).put("codeinjection_foot",
                "<script src=\"/stats.js\"></script>\n" + post.path("codeinjection_foot").asText());
        PublishRequest later = new PublishRequest("entry-2", "key-2", first.story(), 2, first.brand(),
                first.renditions(), first.assets(), first.settings(), first.scheduledAt());
        assertTrue(plugin.lookup(later, new TestContext()).isEmpty());

        plugin.publish(later, new TestContext());

        assertEquals(1, ghost.posts.size());
        assertTrue(plugin.lookup(later, new TestContext()).isPresent());
        assertEquals("<script src=\"/stats.js\"></script>\n<!-- cristal:key-2 -->\n",
                ghost.posts.values().iterator().next().path("codeinjection_foot").asText());
    }

    @Test
    void aKeyWithTheWrongSecretIsAnAuthFailureInBothLanguages() {
        String wrong = FakeGhost.KEY_ID + ":" + "00".repeat(32);
        ChannelSettings settings = settings().with("adminApiKey", wrong);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(WebFixtures.request("coffee-huila", settings), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("Ghost refused the account’s credentials (HTTP 401)"));
        assertTrue(e.message(Locale.ENGLISH).contains("invalid signature"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).startsWith("Ghost a refusé les identifiants du compte (HTTP 401)"));
        for (String text : List.of(e.message(Locale.ENGLISH), e.message(Locale.FRENCH), e.toString(),
                settings.toString())) {
            assertFalse(text.contains("00000000"), text);
        }
        assertEquals(0, ghost.posts.size());
    }

    @Test
    void testConnectionNamesTheSiteAndProvesTheKey() throws Exception {
        assertEquals("Connected to “Le journal du fournil” (Ghost 5.96).",
                plugin.testConnection(settings(), new TestContext()).get(Locale.ENGLISH));
        ChannelSettings wrong = settings().with("adminApiKey", FakeGhost.KEY_ID + ":" + "11".repeat(32));
        assertEquals(PublishException.Kind.AUTH, assertThrows(PublishException.class,
                () -> plugin.testConnection(wrong, new TestContext())).kind());
    }

    @Test
    void serverErrorsRateLimitsDropsAndStallsMayPass() {
        server.faultOn("POST", "/ghost/api/admin/posts/",
                new LoopbackServer.Respond(FakeGhost.error(500, "InternalServerError", "Database is down")));
        assertEquals(PublishException.Kind.TRANSIENT, failure().kind());
        server.faultOn("POST", "/ghost/api/admin/images/upload/", new LoopbackServer.Respond(
                new Answer(429, "application/json", "{}".getBytes(), Map.of("Retry-After", "30"))));
        PublishException limited = failure();
        assertEquals(PublishException.Kind.TRANSIENT, limited.kind());
        assertEquals(Duration.ofSeconds(30), limited.retryAfter().orElseThrow());
        server.faultOn("POST", "/ghost/api/admin/images/upload/", new LoopbackServer.Drop());
        assertEquals(PublishException.Kind.TRANSIENT, failure().kind());
        server.faultOn("POST", "/ghost/api/admin/posts/", new LoopbackServer.Stall());
        PublishException slow = failure();
        assertEquals(PublishException.Kind.TRANSIENT, slow.kind());
        assertTrue(slow.message(Locale.FRENCH).contains("n’a pas répondu en"), slow.message(Locale.FRENCH));
        // The stalled create may have gone through on a real server; here it did not.
        assertEquals(0, ghost.posts.size());
    }

    @Test
    void aValidationErrorIsPermanentWithGhostsWords() {
        server.faultOn("POST", "/ghost/api/admin/posts/", new LoopbackServer.Respond(
                FakeGhost.error(422, "ValidationError", "Value in [posts.title] exceeds maximum length of 255.")));
        PublishException e = failure();
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("exceeds maximum length"), e.message(Locale.ENGLISH));
    }

    @Test
    void settingsAreCheckedWithoutContactingGhost() {
        assertEquals(List.of("adminUrl", "adminApiKey"),
                plugin.validate(ChannelSettings.of(Map.of())).stream().map(p -> p.key()).toList());
        assertEquals(List.of("adminApiKey"), plugin.validate(settings().with("adminApiKey", "not-a-key")).stream()
                .map(p -> p.key()).toList());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void cancellingStopsBeforeThePost() {
        assertEquals(PublishException.Kind.CANCELLED, assertThrows(PublishException.class,
                () -> plugin.publish(coffee(), new TestContext().cancelAfter(1))).kind());
        assertEquals(0, ghost.posts.size());
    }

    private PublishException failure() {
        return assertThrows(PublishException.class, () -> plugin.publish(coffee(), new TestContext()));
    }
}
