package org.cristal.publish.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.FileAssets;
import org.cristal.publish.Publications;
import org.cristal.publish.TestContext;
import org.cristal.publish.facebook.FakeGraph;
import org.cristal.publish.facebook.FakeGraph.GraphFault;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramPluginTest {
    private static final String MEDIA = "POST " + FakeGraph.V + FakeGraph.IG_ID + "/media";
    private static final String PUBLISH = "POST " + FakeGraph.V + FakeGraph.IG_ID + "/media_publish";

    private FakeGraph graph;
    @TempDir
    Path dir;
    private final InstagramPlugin plugin = new InstagramPlugin(Duration.ofSeconds(20), Duration.ofMillis(10),
            Duration.ofSeconds(5));

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
                FakeGraph.APP_SECRET, "account", FakeGraph.IG_ID, "pageToken", FakeGraph.PAGE_TOKEN),
                Set.of("appSecret", "pageToken"));
    }

    private PublishRequest levain(ChannelSettings settings) {
        return Publications.levain(settings);
    }

    private static String caption(PublishRequest r) {
        return String.join("\n\n", r.renditions().social().body().thread(Network.INSTAGRAM).stream()
                .map(Post::text).toList());
    }

    @Test
    void theImageGoesThroughThePageThenAContainerIsWaitedForAndPublished() throws Exception {
        graph.processingPolls = 3;
        PublishRequest request = levain(settings());
        TestContext context = new TestContext();
        PublishResult result = plugin.publish(request, context);

        assertEquals(1, graph.hiddenPhotos.size(), "the image is uploaded to the Page, unpublished");
        assertTrue(graph.hiddenPhotos.get(0).hasFile());
        assertEquals(0, graph.posts.size(), "nothing shows on the Page's feed");
        assertEquals(1, graph.containers.size());
        Map<String, String> container = graph.containers.get(0).fields();
        assertEquals(graph.url() + "/cdn/" + graph.hiddenPhotos.get(0).id() + "_n.jpg", container.get("image_url"),
                "Instagram fetches the Page's largest copy");
        assertEquals(caption(request), container.get("caption"));
        assertEquals("Une miche de pain au levain posée sur une planche en bois, farinée", container.get("alt_text"));
        assertEquals(1, graph.media.size(), "published once the container is FINISHED");
        assertEquals(graph.media.get(0).id(), result.remoteId());
        assertEquals("https://www.instagram.com/p/C" + result.remoteId() + "/", result.url());
        assertTrue(graph.calls("GET " + FakeGraph.V + graph.containers.get(0).id()) >= 4, "polled while IN_PROGRESS");
        assertEquals(graph.containers.get(0).id(), context.journalMap().get("container"));
    }

    /**
     * The levain story with {@code pictures} more pictures written in its body ({@code pain-1.jpg}, …),
     * after the hero image written once more (which the carousel shows once).
     */
    private PublishRequest levainWithPictures(int pictures, ChannelSettings settings) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path stories = Files.createDirectories(dir.resolve("stories"));
        Files.copy(Corpus.images().resolve("hero-levain.jpg"), images.resolve("hero-levain.jpg"));
        StringBuilder source = new StringBuilder(Files.readString(Corpus.story("boulangerie-levain")))
                .append("\n![La miche encore](../images/hero-levain.jpg)\n");
        for (int i = 1; i <= pictures; i++) {
            Files.copy(Corpus.images().resolve("hero-coffee.jpg"), images.resolve("pain-" + i + ".jpg"));
            source.append("\n![Pain numéro ").append(i).append("](../images/pain-").append(i).append(".jpg)\n");
        }
        StoryDocument doc = StoryDocument.parse("boulangerie-pains", source.toString());
        FileAssets assets = new FileAssets(stories, dir);
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        Renderers.All all = Renderers.renderAll(doc, Corpus.loadBrand("boulangerie-martin"),
                RenderOptions.at(at).withAssets(assets), Runnable::run).join();
        return new PublishRequest("entry-pains", "idem-pains", doc, 1, Corpus.loadBrand("boulangerie-martin"), all,
                assets, settings, at);
    }

    private List<FakeGraph.Posted> children() {
        return graph.containers.stream().filter(c -> "true".equals(c.fields().get("is_carousel_item"))).toList();
    }

    @Test
    void aStoryWithPicturesInItsBodyGoesOnceAsACarouselOfTheHeroThenTheBodyPicturesInOrder() throws Exception {
        ChannelSettings site = settings().with("imageHost", "site").with("siteUrl", "https://boulangerie-martin.fr");
        PublishRequest request = levainWithPictures(2, site);
        TestContext context = new TestContext();
        PublishResult result = plugin.publish(request, context);

        List<FakeGraph.Posted> children = children();
        assertEquals(List.of("https://boulangerie-martin.fr/images/hero-levain.jpg",
                "https://boulangerie-martin.fr/images/pain-1.jpg", "https://boulangerie-martin.fr/images/pain-2.jpg"),
                children.stream().map(c -> c.fields().get("image_url")).toList(), "hero first, each picture once");
        assertEquals(List.of("Une miche de pain au levain posée sur une planche en bois, farinée", "Pain numéro 1",
                "Pain numéro 2"), children.stream().map(c -> c.fields().get("alt_text")).toList());
        assertEquals(4, graph.containers.size(), "three pictures and the carousel");
        Map<String, String> carousel = graph.containers.get(3).fields();
        assertEquals("CAROUSEL", carousel.get("media_type"));
        assertEquals(String.join(",", children.stream().map(FakeGraph.Posted::id).toList()), carousel.get("children"));
        assertEquals(caption(request), carousel.get("caption"));
        assertEquals(1, graph.media.size(), "one post");
        assertEquals(graph.media.get(0).id(), result.remoteId());
        assertEquals(children.get(2).id(), context.journalMap().get("child.3"));
        assertEquals(graph.containers.get(3).id(), context.journalMap().get("container"));
        assertTrue(context.progressReports().stream().anyMatch(p -> p.endsWith("preparing picture 3 of 3")),
                context.progressReports().toString());
    }

    @Test
    void aRetryAfterTheLostAnswerOfACarouselsPublishReusesItsContainersAndPostsOnce() throws Exception {
        PublishRequest request = levainWithPictures(2, settings());
        graph.fault(PUBLISH, 1, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();
        assertEquals(PublishException.Kind.TRANSIENT,
                assertThrows(PublishException.class, () -> plugin.publish(request, context)).kind());

        PublishResult result = plugin.publish(request, context);
        assertEquals(1, graph.media.size(), "published once");
        assertEquals(graph.media.get(0).id(), result.remoteId());
        assertEquals(1, graph.calls(PUBLISH));
        assertEquals(4, graph.calls(MEDIA), "no picture nor carousel prepared twice");
        assertEquals(3, graph.hiddenPhotos.size(), "no picture uploaded twice");
    }

    @Test
    void aRetryAfterACarouselsFailedPublishReusesItsUploadsAndContainers() throws Exception {
        PublishRequest request = levainWithPictures(2, settings());
        graph.fault(PUBLISH, 1, Fault.SERVER_ERROR);
        TestContext context = new TestContext();
        assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(Optional.empty(), plugin.lookup(request, context));

        plugin.publish(request, context);
        assertEquals(1, graph.media.size());
        assertEquals(4, graph.calls(MEDIA));
        assertEquals(3, graph.hiddenPhotos.size());
    }

    @Test
    void elevenPicturesMakeACarouselOfTheFirstTenAndSaySo() throws Exception {
        ChannelSettings site = settings().with("imageHost", "site").with("siteUrl", "https://boulangerie-martin.fr");
        TestContext context = new TestContext();
        plugin.publish(levainWithPictures(10, site), context);

        List<String> urls = children().stream().map(c -> c.fields().get("image_url")).toList();
        assertEquals(10, urls.size(), "Instagram's limit");
        assertTrue(urls.get(0).endsWith("/hero-levain.jpg") && urls.get(9).endsWith("/pain-9.jpg"), urls.toString());
        assertEquals(1, graph.media.size());
        assertTrue(context.progressReports().contains(
                "0.0 Instagram takes at most 10 pictures in a post: the last picture of the story is left out."),
                context.progressReports().toString());
        assertEquals("Instagram prend au plus 10 images par publication\u00a0: les 2 dernières images de l’histoire "
                + "sont laissées de côté.", org.cristal.publish.spi.LocalText.fromBundle(PublishException.BUNDLE,
                "publish.instagram.carouselFull", 10, 2).get(Locale.FRENCH));
    }

    @Test
    void theCaptionKeepsItsHashtags() throws Exception {
        PublishRequest request = levain(settings());
        plugin.publish(request, new TestContext());
        String caption = graph.media.get(0).text();
        assertTrue(caption.matches("(?s).*#\\p{L}+.*"), "hashtags in the caption: " + caption);
    }

    @Test
    void withSiteTheImageIsTakenFromTheWebsite() throws Exception {
        ChannelSettings site = settings().with("imageHost", "site").with("siteUrl", "https://boulangerie-martin.fr/");
        plugin.publish(levain(site), new TestContext());
        assertEquals(0, graph.hiddenPhotos.size(), "nothing uploaded to the Page");
        assertEquals("https://boulangerie-martin.fr/images/hero-levain.jpg",
                graph.containers.get(0).fields().get("image_url"));
    }

    @Test
    void aStoryWithoutAPictureIsRefusedBeforeAnythingIsSent() {
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(
                Publications.request("osteo-samedi", "osteo-lumiere", settings()), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("need a picture"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("image principale"), e.message(Locale.FRENCH));
        assertEquals(0, graph.requests.size());
    }

    @Test
    void aRetryAfterTheLostAnswerOfThePublishFindsTheMediaInsteadOfPostingTwice() throws Exception {
        PublishRequest request = levain(settings());
        graph.fault(PUBLISH, 1, Fault.DROP_AFTER_WORK);
        TestContext context = new TestContext();
        PublishException lost = assertThrows(PublishException.class, () -> plugin.publish(request, context));
        assertEquals(PublishException.Kind.TRANSIENT, lost.kind());
        assertEquals(1, graph.media.size());

        Optional<PublishResult> found = plugin.lookup(request, context);
        assertEquals(graph.media.get(0).id(), found.orElseThrow().remoteId());
        plugin.publish(request, context);
        assertEquals(1, graph.media.size(), "published once");
        assertEquals(1, graph.calls(PUBLISH));
    }

    @Test
    void aRetryAfterAFailedPublishReusesTheImageAndTheContainer() throws Exception {
        PublishRequest request = levain(settings());
        graph.fault(PUBLISH, 1, Fault.SERVER_ERROR);
        TestContext context = new TestContext();
        assertEquals(PublishException.Kind.TRANSIENT,
                assertThrows(PublishException.class, () -> plugin.publish(request, context)).kind());
        assertEquals(Optional.empty(), plugin.lookup(request, context));
        plugin.publish(request, context);
        assertEquals(1, graph.hiddenPhotos.size(), "the image is not uploaded again");
        assertEquals(1, graph.calls(MEDIA), "nor a second container made");
        assertEquals(1, graph.media.size());
    }

    @Test
    void anImageOfTheWrongShapeSaysWhichShapesInstagramTakes() {
        graph.graphFault(MEDIA, 1, GraphFault.ASPECT_RATIO);
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(settings()),
                new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("4:5") && e.message(Locale.ENGLISH).contains("1.91:1"),
                e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).contains("Recadrez"), e.message(Locale.FRENCH));
    }

    @Test
    void anImageInstagramCannotFetchSaysWhereItMustBe() {
        graph.graphFault(MEDIA, 1, GraphFault.UNFETCHABLE);
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(settings()
                .with("imageHost", "site").with("siteUrl", "https://boulangerie-martin.fr")), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("could not fetch the image"), e.message(Locale.ENGLISH));
    }

    @Test
    void aContainerInErrorSaysWhatInstagramRefused() {
        graph.containersFail = true;
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(settings()),
                new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("only JPEG"), e.message(Locale.ENGLISH));
        assertEquals(0, graph.calls(PUBLISH), "nothing published");
    }

    @Test
    void anExpiredTokenAsksToReconnect() {
        graph.graphFault(MEDIA, 1, GraphFault.EXPIRED_TOKEN);
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(settings()),
                new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("Instagram no longer accepts"), e.message(Locale.ENGLISH));
    }

    @Test
    void aRateLimitWaitsAsLongAsMetaEstimates() {
        graph.graphFault(MEDIA, 1, GraphFault.BUSINESS_RATE_LIMIT);
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(levain(settings()),
                new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Optional.of(Duration.ofMinutes(7)), e.retryAfter());
    }

    @Test
    void cancellingWhileInstagramProcessesStopsBeforePublishing() throws Exception {
        graph.processingPolls = 1_000_000;
        TestContext context = new TestContext();
        java.util.concurrent.CompletableFuture<PublishResult> sending = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return plugin.publish(levain(settings()), context);
                    } catch (PublishException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        while (graph.containers.isEmpty() || graph.calls("GET " + FakeGraph.V + graph.containers.get(0).id()) < 2) {
            assertFalse(sending.isDone(), "still waiting for Instagram");
            Thread.onSpinWait();
        }
        context.cancelNow();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> sending.get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(PublishException.Kind.CANCELLED, ((PublishException) e.getCause()).kind());
        assertEquals(0, graph.calls(PUBLISH));
        assertEquals(graph.containers.get(0).id(), context.journalMap().get("container"),
                "the container is kept for when the user sends it again");
    }

    @Test
    void aContainerStillProcessingAfterTheWaitIsRetriedLater() {
        graph.processingPolls = 1_000_000;
        InstagramPlugin impatient = new InstagramPlugin(Duration.ofSeconds(20), Duration.ofMillis(5),
                Duration.ofMillis(60));
        PublishException e = assertThrows(PublishException.class, () -> impatient.publish(levain(settings()),
                new TestContext()));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("still processing"), e.message(Locale.ENGLISH));
    }

    @Test
    void connectListsOnlyPagesWithAnInstagramAccountNamedByTheirHandle() throws Exception {
        Connected c = plugin.oauth().orElseThrow().connected(justConnected(), new TestContext());
        assertEquals("account", c.targetKey());
        assertEquals(List.of("@boulangerie.martin (Boulangerie Martin)"),
                c.targets().stream().map(Connected.Target::name).toList());
        assertEquals(FakeGraph.IG_ID, c.targets().get(0).id());
        assertEquals(Map.of("pageToken", FakeGraph.PAGE_TOKEN), c.targets().get(0).secrets());
        assertEquals(FakeGraph.LONG_TOKEN, c.accessToken());
    }

    @Test
    void connectWithNoLinkedInstagramAccountSaysHowToLinkOne() {
        graph.instagramLinked = false;
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.oauth().orElseThrow().connected(justConnected(), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("link it to your Facebook Page"), e.message(Locale.ENGLISH));
        assertFalse(e.message(Locale.FRENCH).isBlank());
    }

    @Test
    void testingTheConnectionNamesTheAccount() throws Exception {
        assertEquals("Connected as @boulangerie.martin on Instagram",
                plugin.testConnection(settings(), new TestContext()).get(Locale.ENGLISH));
    }

    private ChannelSettings justConnected() {
        return ChannelSettings.of(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID))
                .withSecret("appSecret", FakeGraph.APP_SECRET)
                .withSecret(OAuthConnect.ACCESS_TOKEN, FakeGraph.SHORT_TOKEN);
    }

    @Test
    void resultsReadTheMediasLikesAndComments() throws Exception {
        PublishResult posted = plugin.publish(levain(settings()), new TestContext());
        graph.likes.put(posted.remoteId(), 31);
        List<org.cristal.publish.spi.ResultsReader.Report> reports = plugin.results().orElseThrow().counts(settings(),
                List.of(new org.cristal.publish.spi.ResultsReader.Published(posted.remoteId(), posted.url(),
                        posted.publishedAt(), 1)), new TestContext());
        assertEquals(Map.of("likes", 31L, "comments", 2L), reports.get(0).counts());
    }

    @Test
    void resultsWithAnExpiredTokenAskToReconnect() {
        graph.graphFault("GET " + FakeGraph.V + "42", 1, GraphFault.EXPIRED_TOKEN);
        PublishException e = assertThrows(PublishException.class, () -> plugin.results().orElseThrow().counts(
                settings(), List.of(new org.cristal.publish.spi.ResultsReader.Published("42", "",
                        java.time.Instant.now(), 1)), new TestContext()));
        assertEquals(PublishException.Kind.AUTH, e.kind());
    }

    @Test
    void takingTheImageFromTheWebsiteNeedsItsAddress() {
        List<org.cristal.publish.spi.SettingProblem> problems = plugin.validate(settings().with("imageHost", "site"));
        assertEquals(List.of("siteUrl"), problems.stream().map(org.cristal.publish.spi.SettingProblem::key).toList());
        assertTrue(problems.get(0).message().get(Locale.FRENCH).contains("adresse"), problems.get(0).message().get(Locale.FRENCH));
        assertEquals(List.of(), plugin.validate(settings().with("imageHost", "site").with("siteUrl", "https://a.fr")));
    }
}
