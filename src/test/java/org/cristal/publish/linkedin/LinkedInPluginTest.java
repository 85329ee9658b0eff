package org.cristal.publish.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.TestContext;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.publish.social.SocialFixtures;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.story.Network;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkedInPluginTest {
    private static final String ME = "urn:li:person:" + FakeLinkedIn.SUB;
    private FakeLinkedIn server;
    /** Generous, for a machine busy with other builds. */
    private final LinkedInPlugin plugin = new LinkedInPlugin(Duration.ofSeconds(20));

    @BeforeEach
    void start() {
        server = new FakeLinkedIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> settings(String author) {
        Map<String, String> s = new HashMap<>(Map.of("api", server.url(), "clientId", "86ab4xq0cristal",
                "clientSecret", "WPL_AP1.secret.7d3e9f", OAuthConnect.ACCESS_TOKEN, FakeLinkedIn.TOKEN));
        if (!author.isEmpty()) {
            s.put("author", author);
        }
        return s;
    }

    private PublishRequest request(StoryDocument doc, Map<String, String> settings) {
        return SocialFixtures.request(doc, Network.LINKEDIN, 0, "idem-li", settings,
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    private PublishRequest levain(String author) {
        return request(Corpus.document("boulangerie-levain"), settings(author));
    }

    private static String rendered(PublishRequest r) {
        return r.renditions().social().body().thread(Network.LINKEDIN).get(0).text();
    }

    private static StoryDocument story(String frontMatter) throws Exception {
        return StoryDocument.parse("essai", "---\ntitle: \"Pain du samedi\"\nlang: fr\n" + frontMatter
                + "---\n\nLe pain du samedi sort du four à 7 h.\n");
    }

    @Test
    void aProfilePostCarriesTheLinkAsAnArticleWhoseCardShowsTheTitleSummaryAndUploadedImage() throws Exception {
        PublishRequest request = levain(ME);

        PublishResult result = plugin.publish(request, new TestContext());

        assertEquals(1, server.posts.size());
        FakeLinkedIn.Post post = server.posts.get(0);
        assertEquals(ME, post.author());
        assertEquals(rendered(request), post.shown(), "the post reads on LinkedIn as the preview shows it");
        assertTrue(post.article().path("source").asText().startsWith("https://boulangerie-martin.example/reservation"),
                post.article().toString());
        assertTrue(post.article().path("source").asText().contains("utm_source=linkedin"), "the tagged link");
        assertEquals(request.story().story().title(), post.article().path("title").asText());
        assertEquals(request.story().description(), post.article().path("description").asText());
        assertEquals(1, server.images.size());
        String image = server.images.keySet().iterator().next();
        assertEquals(image, post.article().path("thumbnail").asText());
        assertEquals("PUBLIC", post.request().path("visibility").asText());
        assertEquals("PUBLISHED", post.request().path("lifecycleState").asText());
        assertEquals(post.urn(), result.remoteId());
        assertEquals("https://www.linkedin.com/feed/update/" + post.urn() + "/", result.url());
    }

    @Test
    void withoutAnAuthorSetThePostGoesToTheConnectedMember() throws Exception {
        plugin.publish(levain(""), new TestContext());

        assertEquals(ME, server.posts.get(0).author());
    }

    @Test
    void aPagePostGoesOutUnderTheOrganisationAndTheTestSaysWhichPage() throws Exception {
        PublishRequest request = levain(FakeLinkedIn.ORG);

        plugin.publish(request, new TestContext());

        assertEquals(FakeLinkedIn.ORG, server.posts.get(0).author());
        String said = plugin.testConnection(request.settings(), new TestContext()).get(Locale.ENGLISH);
        assertTrue(said.contains(FakeLinkedIn.NAME) && said.contains(FakeLinkedIn.ORG_NAME), said);
    }

    @Test
    void withoutALinkTheImageGoesAsAPictureWithItsAltText() throws Exception {
        StoryDocument doc = story("summary: \"Le pain du samedi.\"\nimage: ../images/hero-levain.jpg\n"
                + "image_alt: \"Une miche farinée\"\n");
        PublishRequest request = request(doc, settings(ME));
        assertTrue(LittleText.lastLink(rendered(request)).isEmpty(), "the fixture has no link: " + rendered(request));

        plugin.publish(request, new TestContext());

        FakeLinkedIn.Post post = server.posts.get(0);
        assertTrue(post.article().isMissingNode(), "no article without a link");
        assertEquals(server.images.keySet().iterator().next(), post.media().path("id").asText());
        assertEquals("Une miche farinée", post.media().path("altText").asText());
    }

    @Test
    void parenthesesBracketsMentionsHashtagsUnderscoresAndStarsComeOutAsWritten() throws Exception {
        String text = "Pain (au levain) [bio] pour @Jean_Pierre : *frais* ~ 4 h | <promo> {offre} \\\\ 50 % "
                + "#levain #pain_bio";
        StoryDocument doc = story("channels:\n  linkedin:\n    text: \"" + text + "\"\n");
        PublishRequest request = request(doc, settings(ME));
        String written = rendered(request);
        assertTrue(written.contains("(au levain) [bio]") && written.contains("#pain_bio"), written);

        plugin.publish(request, new TestContext());

        FakeLinkedIn.Post post = server.posts.get(0);
        assertEquals(written, post.shown(), "LinkedIn shows the text whole, nothing cut at a parenthesis");
        assertTrue(post.commentary().contains("{hashtag|\\#|levain}"), "a clickable hashtag: " + post.commentary());
        assertTrue(post.commentary().contains("{hashtag|\\#|pain\\_bio}"), post.commentary());
        assertTrue(post.commentary().contains("\\@Jean\\_Pierre"), "a plain @, not a broken mention");
    }

    @Test
    void theImageIsUploadedOnceAcrossARetry() throws Exception {
        server.fault(FakeLinkedIn.POSTS, 1, Fault.SERVER_ERROR);
        PublishRequest request = levain(ME);
        TestContext context = new TestContext();

        PublishException first = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, first.kind());
        plugin.publish(request, context);

        assertEquals(1, server.calls(FakeLinkedIn.INIT), "one upload slot asked for");
        assertEquals(1, server.images.size(), "the bytes sent once");
        assertEquals(1, server.posts.size());
        assertEquals(server.images.keySet().iterator().next(), server.posts.get(0).article().path("thumbnail").asText());
    }

    @Test
    void aRetryAfterALostAnswerFindsThePostInsteadOfPostingAgain() throws Exception {
        server.fault(FakeLinkedIn.POSTS, 1, Fault.DROP_AFTER_WORK);
        PublishRequest request = levain(FakeLinkedIn.ORG);
        TestContext context = new TestContext();

        PublishException lost = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, lost.kind());
        Optional<PublishResult> found = plugin.lookup(request, context);
        PublishResult again = plugin.publish(request, new TestContextSharing(context));

        assertEquals(1, server.posts.size(), "posted once");
        assertEquals(server.posts.get(0).urn(), found.orElseThrow().remoteId());
        assertEquals(server.posts.get(0).urn(), again.remoteId());
    }

    @Test
    void publishingAgainAfterALostAnswerLooksFirstAndPostsOnce() throws Exception {
        server.fault(FakeLinkedIn.POSTS, 1, Fault.DROP_AFTER_WORK);
        PublishRequest request = levain(ME);
        TestContext context = new TestContext();
        assertThrows(PublishException.class, () -> plugin.publish(request, context));

        PublishResult result = plugin.publish(request, context);

        assertEquals(1, server.posts.size());
        assertEquals(server.posts.get(0).urn(), result.remoteId());
    }

    @Test
    void aLostAnswerOnAProfileLinkedInWillNotLetUsReadStopsAndAsksTheUserToLook() throws Exception {
        server.memberPostsReadable = false;
        server.fault(FakeLinkedIn.POSTS, 1, Fault.DROP_AFTER_WORK);
        PublishRequest request = levain(ME);
        TestContext context = new TestContext();
        assertThrows(PublishException.class, () -> plugin.publish(request, context));

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, context));

        assertEquals(PublishException.Kind.PERMANENT, e.kind(), "never a second post on a guess");
        assertTrue(e.message(Locale.ENGLISH).contains("Look at your profile on LinkedIn"), e.getMessage());
        assertTrue(e.message(Locale.FRENCH).contains("Regardez votre profil"), e.message(Locale.FRENCH));
        assertEquals(1, server.posts.size());
    }

    @Test
    void lookupIsSureNothingWentOutWhenNoAttemptReachedTheSending() throws Exception {
        assertEquals(Optional.empty(), plugin.lookup(levain(ME), new TestContext()));
        assertFalse(server.requests.contains("GET /rest/posts"), "nothing to ask LinkedIn");
    }

    @Test
    void anExpiredOrRevokedTokenAsksToReconnect() {
        Map<String, String> s = settings(ME);
        s.put(OAuthConnect.ACCESS_TOKEN, "AQXexpired-token-0451");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(Corpus.document("boulangerie-levain"), s), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("Reconnect the account"), e.getMessage());
        assertTrue(e.message(Locale.FRENCH).contains("Reconnectez le compte"), e.message(Locale.FRENCH));
        assertTrue(server.posts.isEmpty());
    }

    @Test
    void anAccountNeverConnectedAsksToConnectInsteadOfNamingAnInternalSetting() {
        Map<String, String> s = settings(ME);
        s.remove(OAuthConnect.ACCESS_TOKEN);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(Corpus.document("boulangerie-levain"), s), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertEquals("This LinkedIn account is not connected. Press Connect in its settings.", e.message(Locale.ENGLISH));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void aMissingProductIsNamedForAProfileAndForAPage() {
        server.forbidPosts = true;
        PublishException member = assertThrows(PublishException.class,
                () -> plugin.publish(levain(ME), new TestContext()));
        PublishException page = assertThrows(PublishException.class,
                () -> plugin.publish(levain(FakeLinkedIn.ORG), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, member.kind());
        assertTrue(member.message(Locale.ENGLISH).contains("“Share on LinkedIn” product"), member.getMessage());
        assertTrue(page.message(Locale.ENGLISH).contains("“Community Management API” product"), page.getMessage());
        assertTrue(page.message(Locale.FRENCH).contains("administrateur de la page"), page.message(Locale.FRENCH));
    }

    @Test
    void aSpentDailyQuotaWaitsUntilLinkedInResetsItAtMidnightUtc() {
        server.quotaSpent = true;
        Instant evening = Instant.parse("2026-03-14T21:00:00Z");
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(ME),
                new TestContext().clock(Clock.fixed(evening, ZoneOffset.UTC))));

        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofHours(3).plusMinutes(1), e.retryAfter().orElseThrow());
        assertTrue(e.message(Locale.ENGLISH).contains("daily limit"), e.getMessage());
        assertTrue(server.posts.isEmpty());
    }

    @Test
    void aRateLimitWithRetryAfterWaitsThatLong() {
        server.fault(FakeLinkedIn.POSTS, 1, Fault.RATE_LIMITED);
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(ME), new TestContext()));

        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void anImageLinkedInRefusesStopsWithASentenceNamingItAndPostsNothing() {
        server.refuseImage = true;
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(ME), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("LinkedIn refused the image hero-levain.jpg"), e.getMessage());
        assertTrue(e.message(Locale.ENGLISH).contains("JPG, PNG or GIF"), e.getMessage());
        assertTrue(e.message(Locale.FRENCH).startsWith("LinkedIn a refusé l’image hero-levain.jpg"),
                e.message(Locale.FRENCH));
        assertTrue(server.posts.isEmpty());
    }

    @Test
    void aRetiredApiVersionSaysSoInsteadOfAnHttpCode() {
        server.retiredVersion = LinkedInPlugin.DEFAULT_VERSION;
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(ME), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("no longer supports API version " + LinkedInPlugin.DEFAULT_VERSION),
                e.getMessage());
    }

    @Test
    void everyVersionedCallCarriesTheVersionAndProtocolHeaders() throws Exception {
        Map<String, String> s = settings(ME);
        s.put("version", "2026xx");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(Corpus.document("boulangerie-levain"), s), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind(), "the fake refuses a malformed version");
        plugin.publish(levain(ME), new TestContext());
        assertEquals(1, server.posts.size(), "and accepts the headers the plugin sends");
    }

    /** A context over the same journal, as the outbox gives a later attempt. */
    private static final class TestContextSharing extends TestContext {
        TestContextSharing(TestContext first) {
            journalMap().putAll(first.journalMap());
        }
    }

    @Test
    void theThreadOfATooLongTextIsRefusedRatherThanHalfPosted() throws Exception {
        String text = "Un très long texte. ".repeat(200);
        StoryDocument doc = story("channels:\n  linkedin:\n    text: \"" + text + "\"\n");
        PublishRequest request = request(doc, settings(ME));
        List<?> thread = request.renditions().social().body().thread(Network.LINKEDIN);
        assertTrue(thread.size() >= 2, "the renderer cuts it into a thread: " + thread.size());

        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request, new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("longer than 3,000 characters"), e.getMessage());
        assertTrue(server.posts.isEmpty());
    }
}
