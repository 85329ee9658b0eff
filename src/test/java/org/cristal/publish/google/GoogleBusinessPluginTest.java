package org.cristal.publish.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import org.cristal.story.StoryFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleBusinessPluginTest {
    private FakeBusinessProfile server;
    /** Generous, for a machine busy with other builds. */
    private final GoogleBusinessPlugin plugin = new GoogleBusinessPlugin(Duration.ofSeconds(20));

    @BeforeEach
    void start() {
        server = new FakeBusinessProfile();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static StoryDocument story(String front) {
        String source = "---\ntitle: \"Le pain de Noël\"\nbrand: boulangerie-martin\nlang: fr\n"
                + "summary: \"Notre pain de Noël aux fruits confits est prêt : venez le goûter dès samedi.\"\n"
                + "image: ../images/hero-levain.jpg\nimage_alt: \"Une miche de pain\"\n" + front
                + "\n---\n\nUn pain aux fruits confits, cuit au feu de bois.\n";
        try {
            return StoryDocument.parse("pain-de-noel-" + Integer.toHexString(front.hashCode()), source);
        } catch (StoryFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static String cta(String label, String url) {
        return "cta:\n  label: \"" + label + "\"\n  url: \"" + url + "\"\n";
    }

    private Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("clientId", "4242-desktop.apps.googleusercontent.com");
        s.put("clientSecret", "GOCSPX-notReallySecret77");
        s.put("location", FakeBusinessProfile.LOCATION);
        s.put("api", server.url());
        s.put(OAuthConnect.ACCESS_TOKEN, FakeBusinessProfile.TOKEN);
        return s;
    }

    private PublishRequest request(StoryDocument doc, Map<String, String> settings) {
        return SocialFixtures.request(doc, Network.GOOGLE, 0, "idem-g1", settings,
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    private PublishRequest request(String front) {
        return request(story(front), settings());
    }

    private JsonNode sent() {
        assertEquals(1, server.posts.size(), "one post created");
        return server.posts.get(0).request();
    }

    @Test
    void aWhatsNewGoesInTheStorysLanguageWithALearnMoreButtonCarryingTheLink() throws Exception {
        PublishResult result = plugin.publish(request(cta("En savoir plus", "https://boulangerie-martin.example/noel")),
                new TestContext());

        JsonNode post = sent();
        assertEquals("STANDARD", post.path("topicType").asText());
        assertEquals("fr", post.path("languageCode").asText());
        assertTrue(post.path("summary").asText().startsWith("Notre pain de Noël"), post.toString());
        assertFalse(post.path("summary").asText().contains("http"), "the link is on the button: " + post);
        assertEquals("LEARN_MORE", post.path("callToAction").path("actionType").asText());
        String url = post.path("callToAction").path("url").asText();
        assertTrue(url.startsWith("https://boulangerie-martin.example/noel?utm_source=google&utm_medium=social"
                + "&utm_campaign="), "tagged like the other networks' links, as the brand kit asks: " + url);
        assertEquals(server.posts.get(0).name(), result.remoteId());
        assertTrue(result.url().startsWith("https://local.google.com/place?"), result.url());
    }

    @Test
    void anOfferGoesWithItsCouponDatesTermsAndItsLinkToRedeemOnline() throws Exception {
        plugin.publish(request(cta("Commander ma bûche", "https://boulangerie-martin.example/commande")
                + "channels:\n  google:\n    type: offer\n    title: \"-10 % sur la bûche\"\n"
                + "    start: 2026-12-01\n    end: 2026-12-24\n    coupon: NOEL10\n    terms: \"Une par client\""),
                new TestContext());

        JsonNode post = sent();
        assertEquals("OFFER", post.path("topicType").asText());
        assertEquals("-10 % sur la bûche", post.path("event").path("title").asText());
        JsonNode schedule = post.path("event").path("schedule");
        assertEquals(2026, schedule.path("startDate").path("year").asInt());
        assertEquals(12, schedule.path("startDate").path("month").asInt());
        assertEquals(1, schedule.path("startDate").path("day").asInt());
        assertEquals(24, schedule.path("endDate").path("day").asInt());
        assertFalse(schedule.has("startTime") || schedule.has("endTime"), "whole days: dates alone " + schedule);
        assertEquals("NOEL10", post.path("offer").path("couponCode").asText());
        assertEquals("Une par client", post.path("offer").path("termsConditions").asText());
        assertTrue(post.path("offer").path("redeemOnlineUrl").asText().startsWith(
                "https://boulangerie-martin.example/commande?utm_source=google"), post.toString());
    }

    @Test
    void anEventGoesWithItsTitleAndTimes() throws Exception {
        plugin.publish(request(cta("Je m’inscris", "https://boulangerie-martin.example/atelier")
                + "channels:\n  google:\n    type: event\n    title: Atelier pain au levain\n"
                + "    start: 2026-12-12T14:30\n    end: 2026-12-12 17h"), new TestContext());

        JsonNode post = sent();
        assertEquals("EVENT", post.path("topicType").asText());
        assertEquals("Atelier pain au levain", post.path("event").path("title").asText());
        assertEquals(14, post.path("event").path("schedule").path("startTime").path("hours").asInt());
        assertEquals(30, post.path("event").path("schedule").path("startTime").path("minutes").asInt());
        assertEquals(17, post.path("event").path("schedule").path("endTime").path("hours").asInt());
        assertEquals("SIGN_UP", post.path("callToAction").path("actionType").asText());
    }

    @Test
    void aCallButtonGoesWithoutALinkAndGoogleDialsTheListingsNumber() throws Exception {
        plugin.publish(request(cta("Appelez-nous", "tel:+33478123456")), new TestContext());

        JsonNode cta = sent().path("callToAction");
        assertEquals("CALL", cta.path("actionType").asText());
        assertFalse(cta.has("url"), cta.toString());
    }

    @Test
    void withoutTheAddressOfTheImagesOnlineThePostGoesWithoutPhotoAndSaysSo() throws Exception {
        TestContext context = new TestContext();
        plugin.publish(request(cta("Réserver", "https://boulangerie-martin.example/reservation")), context);

        assertFalse(sent().has("media"), "Google cannot fetch a picture from the laptop");
        assertTrue(context.progressReports().stream().anyMatch(m -> m.contains("without photo")),
                context.progressReports().toString());
    }

    @Test
    void withTheAddressOfTheImagesOnlineGoogleFetchesTheStoryPhoto() throws Exception {
        Map<String, String> settings = settings();
        settings.put("imageUrlBase", "https://boulangerie-martin.example/images/");
        plugin.publish(request(story(cta("Réserver", "https://boulangerie-martin.example/r")), settings),
                new TestContext());

        JsonNode media = sent().path("media").get(0);
        assertEquals("PHOTO", media.path("mediaFormat").asText());
        assertEquals("https://boulangerie-martin.example/images/hero-levain.jpg", media.path("sourceUrl").asText());
    }

    @Test
    void aRetryAfterALostAnswerFindsThePostInsteadOfPostingTwice() throws Exception {
        PublishRequest request = request(cta("Réserver", "https://boulangerie-martin.example/reservation"));
        server.fault(FakeBusinessProfile.POSTS, 1, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();

        PublishException lost = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, lost.kind());
        assertEquals(1, server.posts.size(), "Google did create the post");

        PublishResult again = plugin.publish(request, context);

        assertEquals(1, server.posts.size(), "posted once");
        assertEquals(server.posts.get(0).name(), again.remoteId());
        assertEquals(1, server.calls(FakeBusinessProfile.POSTS));
    }

    @Test
    void lookupFindsAPostWhoseAnswerWasLostAndNothingBeforeItWasSent() throws Exception {
        PublishRequest request = request(cta("Réserver", "https://boulangerie-martin.example/reservation"));
        assertEquals(Optional.empty(), plugin.lookup(request, new TestContext()));
        server.fault(FakeBusinessProfile.POSTS, 1, Fault.DROP_AFTER_WORK);
        assertThrows(PublishException.class, () -> plugin.publish(request, new TestContext()));

        Optional<PublishResult> found = plugin.lookup(request, new TestContext());

        assertEquals(server.posts.get(0).name(), found.orElseThrow().remoteId());
    }

    @Test
    void anExpiredGrantAsksToReconnectWithoutShowingTheToken() {
        Map<String, String> settings = settings();
        settings.put(OAuthConnect.ACCESS_TOKEN, "ya29.expired-token-4411");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(story(""), settings), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("Reconnectez le compte"), e.message(Locale.FRENCH));
        assertFalse(e.message(Locale.ENGLISH).contains("expired-token-4411"));
        assertEquals(0, server.posts.size());
    }

    @Test
    void anAccountNeverConnectedAsksToConnect() {
        Map<String, String> settings = settings();
        settings.remove(OAuthConnect.ACCESS_TOKEN);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(story(""), settings), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("Press Connect"), e.message(Locale.ENGLISH));
    }

    @Test
    void googlesRateLimitIsTransientAndSaysWhenToRetry() {
        server.fault(FakeBusinessProfile.POSTS, 1, Fault.RATE_LIMITED);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());

        server.failNextPost(FakeBusinessProfile.Problem.QUOTA);
        PublishException quota = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, quota.kind());
        assertEquals(Duration.ofSeconds(30), quota.retryAfter().orElseThrow());
        assertEquals(0, server.posts.size());
    }

    @Test
    void aServerErrorIsTransient() {
        server.fault(FakeBusinessProfile.POSTS, 1, Fault.SERVER_ERROR);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
    }

    @Test
    void anApiNotEnabledSaysWhereToEnableItAndIsNotAReconnect() {
        server.failNextPost(FakeBusinessProfile.Problem.API_DISABLED);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("console.cloud.google.com"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("ne sont pas activées"), e.message(Locale.FRENCH));
    }

    @Test
    void anAccountThatDoesNotManageTheListingIsToldSo() {
        server.failNextPost(FakeBusinessProfile.Problem.NOT_MANAGER);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("not an owner or manager"), e.message(Locale.ENGLISH));
    }

    @Test
    void aPhotoGoogleRefusesIsNamedWithGooglesReasonAndItsRules() {
        server.failNextPost(FakeBusinessProfile.Problem.MEDIA_TOO_SMALL);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("refused the post’s photo"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.ENGLISH).contains("Minimum size is 250x250"), e.message(Locale.ENGLISH));
    }

    @Test
    void aListingThatIsGoneAsksToChooseTheBusinessAgain() {
        server.failNextPost(FakeBusinessProfile.Problem.LOCATION_GONE);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(""), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("choisissez l’établissement"), e.message(Locale.FRENCH));
    }

    @Test
    void aPostGoogleRejectsForItsContentIsAPermanentFailureThatSaysWhy() {
        StoryDocument doc = story("channels:\n  google:\n    text: \"Commandez votre bûche au 04 78 12 34 56.\"");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(doc, settings()), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("phone number"), e.message(Locale.ENGLISH));
    }

    @Test
    void anEventWithoutDatesIsRefusedBeforeAnythingIsSent() {
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(request(
                "channels:\n  google:\n    type: event\n    title: Atelier"), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("An event on Google needs a title, a start and an end"),
                e.message(Locale.ENGLISH));
        assertEquals(0, server.calls(FakeBusinessProfile.POSTS));
    }

    @Test
    void itIsGooglesNetworkWithItsSecretsMaskedAndItsTextsTranslated() {
        assertEquals(Optional.of(Network.GOOGLE), plugin.network());
        assertEquals(Set.of(org.cristal.story.Channel.SOCIAL), plugin.renditions());
        for (var spec : plugin.settings()) {
            assertFalse(spec.help().get(Locale.ENGLISH).equals(spec.help().get(Locale.FRENCH)), spec.key());
            assertEquals(spec.key().equals("clientSecret"), spec.secret(), spec.key());
        }
        assertTrue(plugin.settings().stream().filter(s -> s.key().equals("clientId")).findFirst().orElseThrow()
                .help().get(Locale.ENGLISH).contains("Desktop app"));
        assertTrue(plugin.icon().startsWith("fth-"));
    }

    @Test
    void testingTheConnectionNamesTheListingAndWarnsAboutPhotos() throws Exception {
        String said = plugin.testConnection(request("").settings(), new TestContext()).get(Locale.ENGLISH);

        assertTrue(said.contains("“Boulangerie Martin”"), said);
        assertTrue(said.contains("without photo"), said);
    }
}
