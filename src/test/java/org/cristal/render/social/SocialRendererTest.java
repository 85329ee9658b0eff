package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.SocialPosts;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class SocialRendererTest {
    private static final RenderOptions OPTIONS = RenderOptions.at(Instant.parse("2026-01-15T10:00:00Z"));
    private final SocialRenderer renderer = new SocialRenderer();

    private Rendition<SocialPosts> render(String story) {
        StoryDocument doc = Corpus.document(story);
        return renderer.render(doc, Corpus.loadBrand(doc.story().brand()), OPTIONS);
    }

    private Rendition<SocialPosts> render(String source, Brand brand) {
        return render(source, brand, OPTIONS);
    }

    private Rendition<SocialPosts> render(String source, Brand brand, RenderOptions options) {
        try {
            return renderer.render(StoryDocument.parse("spring-menu", source), brand, options);
        } catch (StoryFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static Brand brand(String website, Map<String, String> utm) {
        return new Brand("cafe", "Café", "", website, "", null, null, null, null, Map.of(), utm);
    }

    private static String text(Rendition<SocialPosts> r, Network n) {
        return r.body().thread(n).stream().map(Post::text).collect(Collectors.joining("\n---\n"));
    }

    private static List<String> codes(Rendition<SocialPosts> r, Severity severity) {
        return r.findings().stream().filter(f -> f.severity() == severity).map(Finding::code).toList();
    }

    @Test
    void xPostIsTheSummaryThenTheLinkInOnePost() {
        Rendition<SocialPosts> r = render("coffee-huila");
        List<Post> thread = r.body().thread(Network.X);
        assertEquals(1, thread.size());
        String text = thread.get(0).text();
        assertTrue(text.startsWith("We buy all our washed Colombian from a single family farm."), text);
        assertTrue(text.contains("\n\nhttps://harborpine.example/shop/huila-2026?"), text);
        assertEquals(280, thread.get(0).limit());
        assertEquals(PostLength.of(Network.X, text), thread.get(0).length());
    }

    @Test
    void ctaLinkIsTaggedWithUtmPerNetwork() {
        Rendition<SocialPosts> r = render("coffee-huila");
        for (Network n : Network.values()) {
            if (n == Network.INSTAGRAM || n == Network.GOOGLE) {
                // No link in the text: Instagram's is dead text, Google's goes on the post's button.
                continue;
            }
            assertTrue(text(r, n).contains("https://harborpine.example/shop/huila-2026?utm_source=" + n.id()
                    + "&utm_medium=social&utm_campaign=coffee-huila"), text(r, n));
        }
    }

    @Test
    void utmKeepsTheLinksOwnQueryAndFragment() {
        String source = """
                ---
                title: Spring menu
                summary: Our spring menu is here.
                cta:
                  label: See it
                  url: "https://cafe.example/menu?lang=fr&utm_source=flyer#spring"
                ---
                Body.
                """;
        Rendition<SocialPosts> r = render(source, brand("https://cafe.example", Map.of("source", "cristal")));
        assertTrue(text(r, Network.MASTODON).contains(
                "https://cafe.example/menu?lang=fr&utm_source=flyer&utm_medium=social&utm_campaign=spring-menu#spring"),
                text(r, Network.MASTODON));
    }

    @Test
    void linkIsLeftUntaggedWhenTheBrandHasNoUtmDefaults() {
        Rendition<SocialPosts> r = render("nimbus-tax-season");
        String text = text(r, Network.MASTODON);
        assertTrue(text.contains("https://nimbus-accounting.example/book"), text);
        assertFalse(text.contains("utm_"), text);
    }

    @Test
    void withoutCtaTheLinkIsTheStoryPageOnTheBrandWebsite() {
        Rendition<SocialPosts> r = render("edge-cases");
        assertTrue(text(r, Network.BLUESKY).contains(
                "https://harborpine.example/edge-cases?utm_source=bluesky&utm_medium=social&utm_campaign=edge-cases"),
                text(r, Network.BLUESKY));
        assertFalse(codes(r, Severity.INFO).contains("social.link.missing"));
    }

    @Test
    void storyWithoutCtaOrWebsiteIsPostedWithoutLinkAndSaysSo() {
        String source = "---\ntitle: Spring menu\nsummary: Our spring menu is here.\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        assertEquals("Our spring menu is here.", r.body().thread(Network.X).get(0).text());
        assertTrue(codes(r, Severity.INFO).contains("social.link.missing"));
    }

    @Test
    void unsafeCtaGivesAnErrorAndNoLink() {
        String source = """
                ---
                title: Spring menu
                summary: Our spring menu is here.
                cta:
                  label: Click
                  url: "javascript:alert('cta')"
                ---
                Body.
                """;
        Rendition<SocialPosts> r = render(source, brand("https://cafe.example", Map.of()));
        assertTrue(r.hasErrors());
        assertEquals(List.of("social.cta.unsafe"), codes(r, Severity.ERROR));
        for (Network n : Network.values()) {
            assertFalse(text(r, n).contains("javascript:"), text(r, n));
            assertFalse(text(r, n).contains("cafe.example"), "no fallback link either: " + text(r, n));
        }
    }

    @Test
    void tweetOverrideIsUsedForXWithTheLinkAfterIt() {
        Rendition<SocialPosts> r = render("nimbus-tax-season");
        List<Post> thread = r.body().thread(Network.X);
        assertEquals(1, thread.size());
        assertTrue(thread.get(0).text().startsWith("Freelancers: tax season doesn't have to mean 2 a.m. panic. "
                + "Our 5-step checklist gets you filed in one afternoon 👇\n\nhttps://nimbus-accounting.example/book"),
                thread.get(0).text());
        assertTrue(text(r, Network.MASTODON).startsWith("A five-step checklist for freelancers"),
                "the tweet text is for X only");
    }

    @Test
    void socialOverrideAppliesToEveryNetworkUnlessOneHasItsOwn() {
        String source = """
                ---
                title: Spring menu
                summary: Our spring menu is here.
                channels:
                  social:
                    text: "Spring is on the menu: wild garlic, morels, rhubarb."
                  bluesky:
                    text: "Bluesky friends, spring is on the menu."
                ---
                Body.
                """;
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        for (Network n : List.of(Network.X, Network.MASTODON, Network.LINKEDIN, Network.INSTAGRAM)) {
            assertEquals("Spring is on the menu: wild garlic, morels, rhubarb.", text(r, n));
        }
        assertEquals("Bluesky friends, spring is on the menu.", text(r, Network.BLUESKY));
    }

    @Test
    void overrideWithItsOwnLinkGetsNoSecondLink() {
        String source = """
                ---
                title: Spring menu
                summary: Our spring menu is here.
                cta: { label: Book, url: "https://cafe.example/book" }
                channels:
                  x:
                    text: "Spring menu, book at https://cafe.example/spring now"
                ---
                Body.
                """;
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        assertEquals("Spring menu, book at https://cafe.example/spring now", text(r, Network.X));
    }

    @Test
    void longOverrideBecomesANumberedThread() {
        String override = "Sentence number one tells a little more about the harvest at the farm. ".repeat(8).strip();
        String source = "---\ntitle: Spring menu\nchannels:\n  tweet:\n    text: \"" + override + "\"\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("https://cafe.example", Map.of()));
        List<Post> thread = r.body().thread(Network.X);
        assertEquals(3, thread.size());
        for (int i = 0; i < thread.size(); i++) {
            Post p = thread.get(i);
            assertTrue(p.text().endsWith(" " + (i + 1) + "/3"), p.text());
            assertFalse(p.overLimit(), p.text());
        }
        assertTrue(thread.get(2).text().contains("https://cafe.example/spring-menu"));
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("social.thread")
                && f.severity() == Severity.INFO && f.args().equals(List.of("X", 3))));
    }

    @Test
    void hashtagsOnXAreCamelCaseWithoutAccents() {
        Rendition<SocialPosts> r = render("velo-atelier-solidaire");
        assertTrue(text(r, Network.X).endsWith("\n\n#Velo #Reparation"), text(r, Network.X));
        assertTrue(text(r, Network.MASTODON).endsWith("\n\n#Vélo #Réparation #Solidaire #Mobilité"),
                text(r, Network.MASTODON));
        assertTrue(text(r, Network.BLUESKY).endsWith("\n\n#Velo #Reparation #Solidaire"), text(r, Network.BLUESKY));
    }

    @Test
    void hashtagsThatWouldOverflowThePostAreDroppedAndReported() {
        String summary = "A".repeat(200) + " tail.";
        String source = "---\ntitle: Spring menu\nsummary: " + summary
                + "\ntags: [spring, wild-garlic]\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("", Map.of()),
                OPTIONS.withLimit(Network.MASTODON, 215));
        assertEquals(1, r.body().thread(Network.MASTODON).size());
        assertEquals(summary + "\n\n#Spring", text(r, Network.MASTODON));
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("social.hashtags.dropped")
                && f.args().equals(List.of("Mastodon", 1))));
    }

    @Test
    void mastodonInstanceLimitIsHonoured() {
        String summary = "Sentence number one tells a little more about the harvest at the farm. ".repeat(10).strip();
        String source = "---\ntitle: Spring menu\nsummary: " + summary + "\n---\nBody.\n";
        Rendition<SocialPosts> byDefault = render(source, brand("", Map.of()));
        Rendition<SocialPosts> bigInstance = render(source, brand("", Map.of()),
                OPTIONS.withLimit(Network.MASTODON, 1000));
        assertEquals(2, byDefault.body().thread(Network.MASTODON).size());
        assertEquals(1, bigInstance.body().thread(Network.MASTODON).size());
        assertEquals(1000, bigInstance.body().thread(Network.MASTODON).get(0).limit());
    }

    @Test
    void mergeTagsShowTheirFallbackAndAreWarnedAbout() {
        Rendition<SocialPosts> r = render("nimbus-tax-season");
        for (Network n : Network.values()) {
            assertFalse(text(r, n).contains("{{"), text(r, n));
        }
        assertTrue(text(r, Network.MASTODON).contains("how we help you file on time"), text(r, Network.MASTODON));
        assertTrue(text(r, Network.LINKEDIN).contains("Your business deserves an accountant"));
        assertEquals(List.of("social.mergeTags"), codes(r, Severity.WARNING));
    }

    @Test
    void xPostFromAStoryWithMergeTagsIsWarnedAbout() {
        String source = "---\ntitle: Hello\nsummary: \"Hi {{first_name|friend}}, spring is here.\"\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        assertEquals("Hi friend, spring is here.", text(r, Network.X));
        assertTrue(codes(r, Severity.WARNING).contains("social.mergeTags"));
    }

    @Test
    void linkedInPostCarriesTitleSummaryKeyPassagesAndLink() {
        Rendition<SocialPosts> r = render("boulangerie-levain");
        String text = text(r, Network.LINKEDIN);
        assertTrue(text.startsWith("Quarante ans de levain, et toujours la même main\n\nDepuis 1985,"), text);
        assertTrue(text.contains("Chaque matin, à 4 heures, Jean-Pierre pousse la porte du fournil"), text);
        assertTrue(text.contains("trois effets que vous sentez dès la première bouchée :\n• une croûte plus épaisse"),
                "a list keeps the sentence that announces it: " + text);
        assertTrue(text.contains("Réserver ma miche pour samedi → https://boulangerie-martin.example/reservation?"
                + "utm_source=linkedin"), text);
        assertFalse(text.contains("## "), "no Markdown markup: " + text);
        assertFalse(text.contains("**"), "no Markdown markup: " + text);
        assertEquals(1, r.body().thread(Network.LINKEDIN).size());
        assertTrue(text.length() > 3 * text(r, Network.X).length());
    }

    @Test
    void everyCorpusStoryRendersForEveryNetworkWithinItsLimits() {
        for (var file : Corpus.storyFiles()) {
            String name = file.getFileName().toString().replace(".md", "");
            Rendition<SocialPosts> r = render(name);
            for (Network n : Network.values()) {
                List<Post> thread = r.body().thread(n);
                assertFalse(thread.isEmpty(), name + " " + n);
                for (Post p : thread) {
                    assertEquals(PostLength.of(n, p.text()), p.length(), name + " " + n);
                    assertTrue(p.length() <= n.defaultLimit(), name + " " + n + ": " + p.text());
                }
            }
            assertFalse(r.findings().stream().anyMatch(f -> f.code().equals("social.post.tooLong")), name);
        }
    }

    @Test
    void storyWithNothingToSayGivesNoPostsAndAWarning() {
        StoryDocument empty = StoryDocument.of(Story.of("", "", ""));
        Rendition<SocialPosts> r = renderer.render(empty, brand("", Map.of()), OPTIONS);
        for (Network n : Network.values()) {
            assertTrue(r.body().thread(n).isEmpty(), n + ": " + text(r, n));
        }
        assertTrue(codes(r, Severity.WARNING).contains("social.empty"));
    }

    @Test
    void renderingTwiceGivesTheSameResult() {
        assertEquals(render("coffee-huila"), render("coffee-huila"));
    }

    @Test
    void linkLongerThanATinyInstanceLimitStaysWholeInItsOwnPostWithAFinding() {
        // A reviewer saw ".../atelier-so" / "lidaire" at a Mastodon limit of 40.
        StoryDocument doc = Corpus.document("velo-atelier-solidaire");
        Rendition<SocialPosts> r = renderer.render(doc, Corpus.loadBrand(doc.story().brand()),
                OPTIONS.withLimit(Network.MASTODON, 40));
        List<Post> thread = r.body().thread(Network.MASTODON);
        // The brand has no UTM defaults; .example is no real domain, so the link counts in full (43).
        String link = "https://velorouge.example/atelier-solidaire";
        List<Post> withLink = thread.stream().filter(p -> p.text().contains("https://")).toList();
        assertEquals(1, withLink.size(), text(r, Network.MASTODON));
        assertTrue(withLink.get(0).text().matches("\\Q" + link + "\\E \\d+/" + thread.size()), withLink.get(0).text());
        for (Post p : thread) {
            assertFalse(p.text().contains("lidaire") && !p.text().contains("https://"), "link cut: " + p.text());
            if (p != withLink.get(0)) {
                assertFalse(p.overLimit(), p.text());
            }
        }
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("social.link.overLimit")
                && f.severity() == Severity.WARNING && f.args().get(0).equals("Mastodon")), r.findings().toString());
    }

    @Test
    void instagramCaptionHasNoLinkAndTellsWhereTheLinkGoes() {
        Rendition<SocialPosts> r = render("coffee-huila");
        List<Post> caption = r.body().thread(Network.INSTAGRAM);
        assertEquals(1, caption.size());
        assertEquals(2200, caption.get(0).limit());
        String text = caption.get(0).text();
        assertTrue(text.startsWith("We buy all our washed Colombian from a single family farm."), text);
        assertFalse(text.contains("http"), text);
        assertTrue(text.contains("\n\n#"), "hashtags close the caption: " + text);
        Finding f = r.findings().stream().filter(x -> x.code().equals("social.instagram.linkInBio")).findFirst()
                .orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("Instagram", "https://harborpine.example/shop/huila-2026?utm_source=instagram"
                + "&utm_medium=social&utm_campaign=coffee-huila"), f.args());
    }

    @Test
    void instagramCaptionWithALinkIsKeptInFullAndWarnedAboutAsNotClickable() {
        String url = "https://cafe.com/menu/printemps-2026-avec-les-morilles-et-la-rhubarbe";
        String source = "---\ntitle: Spring menu\nchannels:\n  instagram:\n    text: \"Our spring menu: " + url
                + "\"\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("https://cafe.com", Map.of()));
        Post caption = r.body().thread(Network.INSTAGRAM).get(0);
        assertEquals("Our spring menu: " + url, caption.text());
        assertEquals(caption.text().length(), caption.length(), "not shortened to 23 as on X or Mastodon");
        assertTrue(PostLength.of(Network.MASTODON, caption.text()) < caption.length());
        assertTrue(codes(r, Severity.WARNING).contains("social.instagram.linkNotClickable"));
        assertFalse(r.findings().stream().anyMatch(f -> f.code().equals("social.instagram.linkInBio")));
    }

    @Test
    void instagramCaptionOverItsLimitIsCutAfterASentenceWithAWarning() {
        String text = "Sentence number one tells a little more about the harvest at the farm. ".repeat(40).strip();
        String source = "---\ntitle: Spring menu\nchannels:\n  instagram:\n    text: \"" + text + "\"\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        List<Post> caption = r.body().thread(Network.INSTAGRAM);
        assertEquals(1, caption.size(), "no thread on Instagram");
        assertFalse(caption.get(0).overLimit());
        assertTrue(caption.get(0).length() > 2000, "filled: " + caption.get(0).length());
        assertTrue(caption.get(0).text().endsWith("at the farm. …"), caption.get(0).text());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("social.caption.truncated")
                && f.severity() == Severity.WARNING && f.args().equals(List.of("Instagram", 2200))));
    }

    @Test
    void instagramCaptionWithMoreThanThirtyHashtagsIsAnError() {
        StringBuilder tags = new StringBuilder("Spring is here!");
        for (int i = 1; i <= 31; i++) {
            tags.append(" #tag").append((char) ('a' + i % 26)).append(i);
        }
        String source = "---\ntitle: Spring menu\nchannels:\n  instagram:\n    text: \"" + tags + "\"\n---\nBody.\n";
        Rendition<SocialPosts> r = render(source, brand("", Map.of()));
        Finding f = r.findings().stream().filter(x -> x.code().equals("social.hashtags.tooMany")).findFirst()
                .orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("Instagram", 31, 30), f.args());
        String thirty = source.replace(" #tagf31", "");
        assertFalse(render(thirty, brand("", Map.of())).findings().stream()
                .anyMatch(x -> x.code().equals("social.hashtags.tooMany")));
    }

    private Rendition<SocialPosts> renderWithImage(String image, java.nio.file.Path folder) {
        String source = "---\ntitle: Spring menu\nsummary: Our spring menu is here.\nimage: " + image
                + "\nimage_alt: A plate\ncta: { label: Book, url: \"https://cafe.example/book\" }\n---\nBody.\n";
        return render(source, brand("", Map.of()),
                OPTIONS.withAssets(new org.cristal.library.FileAssets(folder, folder.getParent())));
    }

    private static java.util.Optional<Finding> finding(Rendition<SocialPosts> r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    @Test
    void linkPreviewImageUnderTheMinimumIsAWarning() {
        Rendition<SocialPosts> r = renderWithImage("../images/lowres-photo.jpg", Corpus.stories());
        Finding f = finding(r, "social.image.tooSmall").orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of(240, 160, 600, 315), f.args());
        assertEquals("The story image is 240×160 px, under the 600×315 px networks need for a large link preview;"
                + " they show a small thumbnail or none.", f.message(java.util.Locale.ENGLISH));
    }

    @Test
    void linkPreviewImageUnderTheRecommendedSizeIsANote(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path stories = java.nio.file.Files.createDirectories(dir.resolve("stories"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(800, 420,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", stories.resolve("plate.png").toFile());
        Rendition<SocialPosts> r = renderWithImage("plate.png", stories);
        Finding f = finding(r, "social.image.small").orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of(800, 420, 1200, 630), f.args());
        assertTrue(finding(r, "social.image.tooSmall").isEmpty());
    }

    @Test
    void aPictureInstagramWouldRefuseForItsShapeIsAWarning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path stories = java.nio.file.Files.createDirectories(dir.resolve("stories"));
        for (String[] size : new String[][] {{"phone", "1200", "1600"}, {"portrait", "1080", "1350"},
                {"wide", "1910", "1000"}}) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(Integer.parseInt(size[1]),
                    Integer.parseInt(size[2]), java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                    stories.resolve(size[0] + ".png").toFile());
        }
        Finding f = finding(renderWithImage("phone.png", stories), "social.instagram.imageShape").orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("Instagram", 1200, 1600), f.args());
        assertEquals("Instagram: the story image is 1200×1600 px; Instagram takes pictures from 4:5 (portrait) to "
                + "1.91:1 (landscape) and refuses the post otherwise. Crop the image.", f.message(java.util.Locale.ENGLISH));
        assertTrue(finding(renderWithImage("portrait.png", stories), "social.instagram.imageShape").isEmpty(), "4:5 is fine");
        assertTrue(finding(renderWithImage("wide.png", stories), "social.instagram.imageShape").isEmpty(), "1.91:1 is fine");
    }

    @Test
    void aPictureInTheTextThatInstagramWouldRefuseIsNamedWithItsLineAndBeyondTenTheRestAreSaidLeftOut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path stories = java.nio.file.Files.createDirectories(dir.resolve("stories"));
        StringBuilder body = new StringBuilder("Our bakes.\n\n![The counter](phone.png)\n\n![The counter again](phone.png)\n");
        for (int i = 0; i < 11; i++) {
            // Each picture its own file; all square, which Instagram takes.
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(100 + i, 100 + i,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", stories.resolve("p" + i + ".png").toFile());
            body.append("\n![Loaf ").append(i).append("](p").append(i).append(".png)\n");
        }
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1200, 1600,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", stories.resolve("phone.png").toFile());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1080, 1350,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", stories.resolve("hero.png").toFile());
        String source = "---\ntitle: Spring menu\nsummary: Our spring menu is here.\nimage: hero.png\n"
                + "image_alt: A plate\ncta: { label: Book, url: \"https://cafe.example/book\" }\n---\n" + body;

        Rendition<SocialPosts> r = render(source, brand("", Map.of()),
                OPTIONS.withAssets(new org.cristal.library.FileAssets(stories, stories.getParent())));

        assertTrue(finding(r, "social.instagram.imageShape").isEmpty(), "the 4:5 hero is fine");
        List<Finding> shapes = r.findings().stream().filter(f -> f.code().equals("social.instagram.pictureShape")).toList();
        assertEquals(1, shapes.size(), "the tall picture, once, though the text shows it twice: " + shapes);
        assertEquals(List.of("Instagram", "phone.png", 1200, 1600), shapes.get(0).args());
        assertEquals(10, shapes.get(0).line(), "the line of the picture in the story file, to go to it");
        assertEquals("Instagram: the picture “phone.png” is 1200×1600 px; Instagram takes pictures from 4:5 (portrait)"
                + " to 1.91:1 (landscape) and refuses the whole post otherwise. Crop it.",
                shapes.get(0).message(java.util.Locale.ENGLISH));
        Finding full = finding(r, "social.instagram.carouselFull").orElseThrow();
        assertEquals(Severity.INFO, full.severity());
        assertEquals(List.of("Instagram", 13, 10, 3), full.args(), "hero + tall picture + 11 loaves");
    }

    @Test
    void corpusHeroImagesAreLargeEnoughForLinkPreviews() {
        for (String story : List.of("coffee-huila", "boulangerie-levain", "velo-atelier-solidaire")) {
            StoryDocument doc = Corpus.document(story);
            Rendition<SocialPosts> r = renderer.render(doc, Corpus.loadBrand(doc.story().brand()),
                    org.cristal.render.common.RenderFixtures.options());
            assertTrue(finding(r, "social.image.small").isEmpty() && finding(r, "social.image.tooSmall").isEmpty(),
                    story + " " + r.findings());
        }
    }
}
