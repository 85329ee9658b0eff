package org.cristal.publish.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.Publications;
import org.cristal.publish.TestContext;
import org.cristal.publish.facebook.FakeGraph.GraphFault;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacebookPagePluginTest {
    private FakeGraph graph;
    private final FacebookPagePlugin plugin = new FacebookPagePlugin(Duration.ofSeconds(20));

    @BeforeEach
    void start() {
        graph = new FakeGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private ChannelSettings settings() {
        return new ChannelSettings(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID, "appSecret",
                FakeGraph.APP_SECRET, "page", FakeGraph.PAGE_ID, "pageToken", FakeGraph.PAGE_TOKEN),
                Set.of("appSecret", "pageToken"));
    }

    /** The bakery's story: it has a hero image. */
    private PublishRequest withImage() {
        return Publications.levain(settings());
    }

    /** The osteopath's story: no image, a link to book. */
    private PublishRequest withoutImage() {
        return Publications.request("osteo-samedi", "osteo-lumiere", settings());
    }

    private static String facebookText(PublishRequest r) {
        return String.join("\n\n", r.renditions().social().body().thread(Network.FACEBOOK).stream()
                .map(Post::text).toList());
    }

    private static String feed(String page) {
        return "POST " + FakeGraph.V + page + "/feed";
    }

    @Test
    void aStoryWithoutImageBecomesALinkPostWhoseLinkFacebookPreviews() throws Exception {
        PublishRequest request = withoutImage();
        PublishResult result = plugin.publish(request, new TestContext());
        assertEquals(1, graph.posts.size());
        FakeGraph.Posted post = graph.posts.get(0);
        assertEquals(facebookText(request), post.fields().get("message"));
        String link = post.fields().get("link");
        assertTrue(link != null && link.startsWith("http") && post.text().contains(link),
                "the story's link goes as the preview card's link: " + post.fields());
        assertEquals(post.id(), result.remoteId());
        assertEquals(FakeGraph.permalink(post.id()), result.url(), "the result links to the post itself");
        assertEquals(List.of("Bearer " + FakeGraph.PAGE_TOKEN), graph.authorizations.stream().distinct().toList(),
                "posts as the Page, with its token");
    }

    @Test
    void aStoryWithAnImageBecomesAPhotoPostCaptionedWithTheTextAndLink() throws Exception {
        PublishRequest request = withImage();
        PublishResult result = plugin.publish(request, new TestContext());
        assertEquals(1, graph.posts.size());
        FakeGraph.Posted photo = graph.posts.get(0);
        assertTrue(photo.hasFile(), "the image's bytes are uploaded");
        assertEquals(facebookText(request), photo.fields().get("caption"));
        assertTrue(photo.text().contains("https://"), "the caption keeps the link: " + photo.text());
        assertEquals("Une miche de pain au levain posée sur une planche en bois, farinée",
                photo.fields().get("alt_text_custom"), "the alt text goes with the photo");
        assertEquals(photo.id(), result.remoteId());
        assertEquals(0, graph.calls(feed(FakeGraph.PAGE_ID)), "no separate link post");
    }

    @Test
    void theCaptionCarriesTheStorysHashtags() throws Exception {
        PublishRequest request = withImage();
        plugin.publish(request, new TestContext());
        String caption = graph.posts.get(0).text();
        assertTrue(caption.matches("(?s).*#\\p{L}+.*"), "hashtags in the caption: " + caption);
        long tags = caption.chars().filter(c -> c == '#').count();
        assertTrue(tags <= 3, "Facebook's budget of three hashtags: " + caption);
    }

    @Test
    void aRetryAfterALostAnswerFindsThePostInsteadOfPostingTwice() throws Exception {
        PublishRequest request = withoutImage();
        graph.fault(feed(FakeGraph.PAGE_ID), 1, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();
        PublishException lost = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, lost.kind());
        assertEquals(1, graph.posts.size(), "Facebook made the post; only its answer was lost");

        // What the outbox does next with a service that keeps no idempotency key: ask before sending again.
        Optional<PublishResult> found = plugin.lookup(request, context);
        assertTrue(found.isPresent(), "the post is found on the Page's feed");
        assertEquals(graph.posts.get(0).id(), found.get().remoteId());
        PublishResult again = plugin.publish(request, context);
        assertEquals(graph.posts.get(0).id(), again.remoteId());
        assertEquals(1, graph.posts.size(), "posted once");
        assertEquals(1, graph.calls(feed(FakeGraph.PAGE_ID)));
    }

    @Test
    void lookupFindsNothingWhenThePostNeverWentSoItIsSent() throws Exception {
        PublishRequest request = withoutImage();
        graph.fault(feed(FakeGraph.PAGE_ID), 1, Fault.DROP);
        TestContext context = new TestContext();
        assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(Optional.empty(), plugin.lookup(request, context));
        plugin.publish(request, context);
        assertEquals(1, graph.posts.size());
    }

    @Test
    void anExpiredTokenAsksToReconnect() {
        graph.graphFault(feed(FakeGraph.PAGE_ID), 1, GraphFault.EXPIRED_TOKEN);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(withoutImage(), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("Connect the account again"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("Connectez le compte"), e.message(Locale.FRENCH));
        assertFalse(e.message(Locale.ENGLISH).contains("Session has expired"), "Meta's own words are not needed here");
    }

    @Test
    void theAppRateLimitWaitsAndRetriesLater() {
        graph.graphFault(feed(FakeGraph.PAGE_ID), 1, GraphFault.APP_RATE_LIMIT);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(withoutImage(), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Optional.of(Duration.ofMinutes(10)), e.retryAfter(), "X-App-Usage gives no time: ten minutes");
        assertTrue(e.message(Locale.FRENCH).contains("10 min"), e.message(Locale.FRENCH));
        assertEquals(0, graph.posts.size());
    }

    @Test
    void thePageRateLimitWaitsAsLongAsMetaEstimates() {
        graph.graphFault(feed(FakeGraph.PAGE_ID), 1, GraphFault.BUSINESS_RATE_LIMIT);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(withoutImage(), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Optional.of(Duration.ofMinutes(7)), e.retryAfter(), "estimated_time_to_regain_access");
        assertTrue(e.message(Locale.ENGLISH).contains("about 7 min"), e.message(Locale.ENGLISH));
    }

    @Test
    void aServerErrorIsRetriedLater() {
        graph.fault(feed(FakeGraph.PAGE_ID), 1, Fault.SERVER_ERROR);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(withoutImage(), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
    }

    @Test
    void anUnconnectedAccountSaysToPressConnect() {
        ChannelSettings bare = ChannelSettings.of(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID));
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(
                Publications.request("osteo-samedi", "osteo-lumiere", bare), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("press Connect"), e.message(Locale.ENGLISH));
        assertEquals(0, graph.requests.size(), "nothing asked of Facebook");
    }

    @Test
    void connectTradesTheTokenForALongLivedOneAndListsThePagesWithTheirTokens() throws Exception {
        ChannelSettings justConnected = ChannelSettings.of(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID))
                .withSecret("appSecret", FakeGraph.APP_SECRET)
                .withSecret(OAuthConnect.ACCESS_TOKEN, FakeGraph.SHORT_TOKEN);
        Connected c = plugin.oauth().orElseThrow().connected(justConnected, new TestContext());
        assertEquals(FakeGraph.LONG_TOKEN, c.accessToken(), "the 60-day token replaces the short one");
        assertEquals(null, c.expiresAt(), "no expiry for the core to act on: Meta gives no refresh token, and the "
                + "Page token that posts does not expire, so posting never waits for a reconnection after 60 days");
        assertTrue(graph.requests.contains("GET " + FakeGraph.V + "oauth/access_token"), "traded with the app secret");
        assertEquals("page", c.targetKey());
        assertEquals(List.of("Boulangerie Martin", "Atelier Vélo Senlis"),
                c.targets().stream().map(Connected.Target::name).toList());
        assertEquals(Map.of("pageToken", FakeGraph.PAGE_TOKEN), c.targets().get(0).secrets());
        assertEquals(FakeGraph.PAGE_ID, c.targets().get(0).id());
        assertEquals("Claire Martin on Facebook", c.who().get(Locale.ENGLISH));
        assertFalse(c.toString().contains(FakeGraph.LONG_TOKEN) || c.toString().contains(FakeGraph.PAGE_TOKEN));
    }

    @Test
    void connectWithoutTheAppSecretSaysItIsMissing() {
        ChannelSettings noSecret = ChannelSettings.of(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID))
                .withSecret(OAuthConnect.ACCESS_TOKEN, FakeGraph.SHORT_TOKEN);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.oauth().orElseThrow().connected(noSecret, new TestContext()));
        assertTrue(e.message(Locale.ENGLISH).contains("appSecret"), e.message(Locale.ENGLISH));
    }

    @Test
    void connectGoesToFacebookLoginOnTheRegisteredLoopbackPort() throws Exception {
        OAuthSpec spec = plugin.oauth().orElseThrow().spec(ChannelSettings.of(Map.of("appId", FakeGraph.APP_ID)));
        assertEquals("https://www.facebook.com/v21.0/dialog/oauth", spec.authorizationEndpoint().toString());
        assertEquals("https://graph.facebook.com/v21.0/oauth/access_token", spec.tokenEndpoint().toString());
        assertEquals(FakeGraph.APP_ID, spec.clientId());
        assertTrue(spec.fixedPort() > 0, "Facebook matches the redirect URI exactly, port included");
        assertTrue(spec.scope().contains("pages_manage_posts"), spec.scope());
        assertTrue(plugin.settings().stream().filter(s -> s.key().equals("appId")).findFirst().orElseThrow().help()
                .get(Locale.ENGLISH).contains("http://127.0.0.1:" + spec.fixedPort() + "/callback"),
                "the help says which redirect URI to enter in the app");
    }

    @Test
    void testingTheConnectionNamesThePage() throws Exception {
        assertEquals("Connected to the Facebook Page “Boulangerie Martin”",
                plugin.testConnection(settings(), new TestContext()).get(Locale.ENGLISH));
    }

    @Test
    void resultsReadThePostsReactionsCommentsAndShares() throws Exception {
        PublishResult first = plugin.publish(withoutImage(), new TestContext());
        graph.likes.put(first.remoteId(), 12);
        List<org.cristal.publish.spi.ResultsReader.Report> reports = plugin.results().orElseThrow().counts(settings(),
                List.of(published(first.remoteId()), published(FakeGraph.PAGE_ID + "_404")), new TestContext());
        assertEquals(Map.of("likes", 12L, "comments", 2L, "reposts", 1L), reports.get(0).counts());
        assertEquals(org.cristal.publish.spi.ResultsReader.Kind.UNAVAILABLE, reports.get(1).kind(),
                "a deleted post is said to be gone");
    }

    @Test
    void resultsHoldTheRestOfTheRoundDuringARateLimit() throws Exception {
        PublishResult first = plugin.publish(withoutImage(), new TestContext());
        String read = "GET " + FakeGraph.V + first.remoteId();
        int before = graph.calls(read);
        graph.graphFault(read, before + 1, GraphFault.BUSINESS_RATE_LIMIT);
        Instant now = Instant.now();
        List<org.cristal.publish.spi.ResultsReader.Report> reports = plugin.results().orElseThrow().counts(settings(),
                List.of(published(first.remoteId()), published(first.remoteId())), new TestContext());
        for (org.cristal.publish.spi.ResultsReader.Report r : reports) {
            assertEquals(org.cristal.publish.spi.ResultsReader.Kind.WAIT, r.kind());
            assertTrue(!r.until().isBefore(now.plus(Duration.ofMinutes(7))), "" + r.until());
        }
        assertEquals(before + 1, graph.calls(read), "nothing more asked while held");
    }

    private static org.cristal.publish.spi.ResultsReader.Published published(String id) {
        return new org.cristal.publish.spi.ResultsReader.Published(id, "", Instant.now(), 1);
    }
}
