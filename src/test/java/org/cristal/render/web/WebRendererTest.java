package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.GoldenFiles;
import org.cristal.render.common.InertHtml;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebRendererTest {
    private final WebRenderer renderer = new WebRenderer();

    private Rendition<WebPage> render(String story) {
        StoryDocument doc = Corpus.document(story);
        return renderer.render(doc, RenderFixtures.brandOf(doc), RenderFixtures.options());
    }

    private static Rendition<WebPage> render(StoryDocument doc, Brand brand, RenderOptions options) {
        return new WebRenderer().render(doc, brand, options);
    }

    private static Document parse(Rendition<WebPage> r) {
        return Jsoup.parse(r.body().html());
    }

    private static String meta(Document d, String attribute, String name) {
        Element e = d.selectFirst("meta[" + attribute + "=" + name + "]");
        return e == null ? null : e.attr("content");
    }

    private static Optional<Finding> finding(Rendition<?> r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila"})
    void pageMatchesItsGoldenFile(String story) {
        GoldenFiles.assertMatches("web/" + story + ".html", render(story).body().html());
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila", "edge-cases", "velo-atelier-solidaire"})
    void pageParsesAsHtml5WithoutASingleError(String story) {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document d = Jsoup.parse(render(story).body().html(), "", parser);
        assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList());
        assertEquals("html", d.documentType().name());
    }

    @Test
    void mergeTagsReadAsTheirFallbackOnTheWebPage() {
        String html = render("nimbus-tax-season").body().html();
        assertTrue(html.contains("Hi there,"), "the greeting uses the fallback");
        assertFalse(html.contains("{{"), "no merge tag left on the page");
    }

    @Test
    void pageHasLanguageCharsetViewportTitleAndOneH1() {
        Document d = parse(render("boulangerie-levain"));
        assertEquals("fr", d.selectFirst("html").attr("lang"));
        assertNotNull(d.selectFirst("meta[charset=utf-8]"));
        assertTrue(meta(d, "name", "viewport").contains("width=device-width"));
        // "title — brand" would pass 60 characters: the title goes alone, the brand is what readers lose.
        assertEquals("Quarante ans de levain, et toujours la même main", d.title());
        assertEquals(1, d.select("h1").size());
        assertEquals("Quarante ans de levain, et toujours la même main", d.selectFirst("h1").text());
    }

    @Test
    void storyWithoutLanguageIsEnglish() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: Hello\n---\n\nText.\n");
        assertEquals("en", parse(render(doc, Brand.DEFAULT, RenderFixtures.options())).selectFirst("html").attr("lang"));
    }

    @Test
    void canonicalAndLinkPreviewTagsPointAtTheBrandWebsite() {
        Document d = parse(render("coffee-huila"));
        assertEquals("https://harborpine.example/coffee-huila", d.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://harborpine.example/coffee-huila", meta(d, "property", "og:url"));
        assertEquals("article", meta(d, "property", "og:type"));
        assertEquals("From one farm in Huila to your morning cup", meta(d, "property", "og:title"));
        assertTrue(meta(d, "property", "og:description").startsWith("We buy all our washed Colombian"));
        assertEquals("https://harborpine.example/images/hero-coffee.jpg", meta(d, "property", "og:image"));
        assertEquals("summary_large_image", meta(d, "name", "twitter:card"));
        assertEquals("@harborpine", meta(d, "name", "twitter:site"));
    }

    @Test
    void brandWithoutWebsiteGivesNoCanonicalAndASmallCardWithoutHero() {
        Document d = parse(render(Corpus.document("osteo-samedi"), Brand.DEFAULT, RenderFixtures.options()));
        assertNull(d.selectFirst("link[rel=canonical]"));
        assertNull(meta(d, "property", "og:url"));
        assertNull(meta(d, "property", "og:image"));
        assertEquals("summary", meta(d, "name", "twitter:card"));
    }

    @Test
    void heroImageIsCopiedWithItsSizeAndAltText() throws Exception {
        Rendition<WebPage> r = render("boulangerie-levain");
        byte[] original = Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg"));
        assertArrayEquals(original, r.body().files().get("images/hero-levain.jpg"));
        Element img = parse(r).selectFirst("figure.hero img");
        assertEquals("images/hero-levain.jpg", img.attr("src"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(original));
        assertEquals(Integer.toString(image.getWidth()), img.attr("width"));
        assertEquals(Integer.toString(image.getHeight()), img.attr("height"));
        assertEquals("Une miche de pain au levain posée sur une planche en bois, farinée", img.attr("alt"));
    }

    @Test
    void brandLogoAndNameLeadTheHeader() {
        Rendition<WebPage> r = render("velo-atelier-solidaire");
        Element brand = parse(r).selectFirst("header a.brand");
        assertEquals("https://velorouge.example", brand.attr("href"));
        assertEquals("images/logo-velo.png", brand.selectFirst("img").attr("src"));
        assertEquals("Atelier Vélo Rouge", brand.text());
        assertTrue(r.body().files().containsKey("images/logo-velo.png"));
    }

    @Test
    void brandColoursAndFontsBecomeCssVariables() {
        String css = parse(render("boulangerie-levain")).selectFirst("style").data();
        assertTrue(css.contains("--primary:#7A4B2A"), css);
        assertTrue(css.contains("--background:#FFFCF7"));
        assertTrue(css.matches("(?s).*--font-heading:[^;]*Georgia[^;]*serif;.*"), "serif stack for headings");
        assertTrue(css.matches("(?s).*--font-body:system-ui[^;]*sans-serif;.*"), "sans stack for the body");
    }

    @Test
    void hostileBrandColourOrFontCannotEscapeTheStyleSheet() {
        Brand bad = new Brand("x", "X", "", "", "", new Brand.Colors("red;}</style><script>alert(1)</script>", null,
                null, null, null), new Brand.Fonts("Evil\"}</style><script>", "serif"), null, null,
                java.util.Map.of(), java.util.Map.of());
        Rendition<WebPage> r = render(Corpus.document("osteo-samedi"), bad, RenderFixtures.options());
        InertHtml.assertInert(r.body().html(), false);
        assertTrue(r.body().html().contains("--primary:" + Brand.Colors.DEFAULT.primary()));
    }

    @Test
    void contentSecurityPolicyForbidsScriptsAndRemoteImagesUnlessAllowed() {
        String csp = meta(parse(render("coffee-huila")), "http-equiv", "Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertFalse(csp.contains("script-src"), csp);
        assertFalse(csp.contains("https:"), csp);
        StoryDocument doc = Corpus.document("coffee-huila");
        Document allowed = parse(render(doc, RenderFixtures.brandOf(doc),
                RenderFixtures.options().withRemoteImages(true)));
        assertTrue(meta(allowed, "http-equiv", "Content-Security-Policy").contains("img-src 'self' data: https:"));
    }

    @Test
    void remoteBodyImageIsShownOnlyWhenRemoteContentIsAllowed() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\n---\n\n![A cup](https://cdn.example/cup.jpg)\n");
        Rendition<WebPage> blocked = render(doc, Brand.DEFAULT, RenderFixtures.options());
        assertNull(parse(blocked).selectFirst(".story-body img"));
        assertTrue(parse(blocked).selectFirst(".story-body").text().contains("A cup"));
        assertEquals(5, finding(blocked, "image.remoteBlocked").orElseThrow().line());
        Rendition<WebPage> allowed = render(doc, Brand.DEFAULT, RenderFixtures.options().withRemoteImages(true));
        assertEquals("https://cdn.example/cup.jpg", parse(allowed).selectFirst(".story-body img").attr("src"));
    }

    @Test
    void bodyImageIsCopiedAndItsReferenceRewritten(@TempDir Path dir) throws Exception {
        Files.copy(Corpus.images().resolve("lowres-photo.jpg"), dir.resolve("Photo Été.jpg"));
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\nsummary: S\n---\n\n![Summer](Photo%20%C3%89t%C3%A9.jpg)\n");
        RenderOptions options = RenderFixtures.options().withAssets(new FileAssets(dir, dir));
        Rendition<WebPage> r = render(doc, Brand.DEFAULT, options);
        Element img = parse(r).selectFirst(".story-body img");
        assertEquals("images/photo-ete.jpg", img.attr("src"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("Photo Été.jpg")), r.body().files().get("images/photo-ete.jpg"));
        assertFalse(img.attr("width").isEmpty());
        assertEquals(List.of(), r.findings().stream().filter(f -> f.code().startsWith("image.")).toList());
    }

    @Test
    void missingBodyImageBecomesAVisiblePlaceholderWithAWarningOnItsLine() {
        Rendition<WebPage> r = render("edge-cases");
        Element placeholder = parse(r).selectFirst(".story-body .img-missing");
        assertEquals("A photo of the roaster nobody uploaded", placeholder.text());
        Finding f = finding(r, "image.notFound").orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Corpus.lineOf("edge-cases", "missing.png"), f.line());
    }

    @Test
    void ctaIsAButtonLinkWithItsLabelEscaped() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\ncta:\n  label: \"Save <10%> & more\"\n"
                + "  url: \"https://shop.example/sale?a=1&b=2\"\n---\n\nText.\n");
        Rendition<WebPage> r = render(doc, Brand.DEFAULT, RenderFixtures.options());
        Element button = parse(r).selectFirst("a.button");
        assertEquals("Save <10%> & more", button.text());
        assertEquals("https://shop.example/sale?a=1&b=2", button.attr("href"));
        assertTrue(r.body().html().contains("Save &lt;10%&gt; &amp; more"));
    }

    @Test
    void unsafeCtaUrlIsAnErrorAndGivesNoButton() {
        Rendition<WebPage> r = render("../bad/xss");
        assertEquals(Severity.ERROR, finding(r, "cta.url.unsafe").orElseThrow().severity());
        assertNull(parse(r).selectFirst("a.button"));
        assertTrue(r.hasErrors());
    }

    @Test
    void hostileStoryIsInertAndItsTitleIsShownAsText() {
        Rendition<WebPage> r = render("../bad/xss");
        InertHtml.assertInert(r.body().html(), false);
        Document d = parse(r);
        assertEquals("<script>alert(document.cookie)</script> Winter roast notes", d.selectFirst("h1").text());
        assertTrue(d.title().startsWith("<script>alert(document.cookie)</script>"));
        assertEquals("<img src=x onerror=alert(document.domain)> Three cups from the winter roast.",
                meta(d, "name", "description"));
        assertTrue(finding(r, "link.removed").isPresent());
    }

    @Test
    void longDescriptionIsCutAtAWordBoundary() {
        String summary = "Our bakery has fed the neighbourhood since 1985 with bread made the slow way, from flour "
                + "milled twenty kilometres away, and this story tells how the sourdough starter is fed every single "
                + "morning at four.";
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\nsummary: \"" + summary + "\"\n---\n\nText.\n");
        String description = meta(parse(render(doc, Brand.DEFAULT, RenderFixtures.options())), "name", "description");
        assertTrue(description.length() <= WebRenderer.DESCRIPTION_MAX, description);
        assertTrue(description.endsWith("…"));
        String kept = description.substring(0, description.length() - 1);
        assertTrue(summary.startsWith(kept) && summary.charAt(kept.length()) == ' ', description);
    }

    @Test
    void storyWithoutSummaryTakesItsDescriptionFromTheFirstParagraph() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\n---\n\n## Heading\n\nThe first paragraph.\n");
        Rendition<WebPage> r = render(doc, Brand.DEFAULT, RenderFixtures.options());
        assertEquals("The first paragraph.", meta(parse(r), "name", "description"));
        assertEquals(Severity.INFO, finding(r, "web.summary.missing").orElseThrow().severity());
    }

    @Test
    void plainHttpLinkIsNotedWithItsLine() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\nsummary: S\n---\n\nSee [the map](http://maps.example/x).\n");
        Finding f = finding(render(doc, Brand.DEFAULT, RenderFixtures.options()), "link.notHttps").orElseThrow();
        assertEquals(6, f.line());
        assertEquals(List.of("http://maps.example/x"), f.args());
    }

    @Test
    void bodyLevelOneHeadingsMoveDownSoTheTitleStaysTheOnlyH1() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\nsummary: S\n---\n\nIntro.\n\n# Part one\n\n## Detail\n");
        Document d = parse(render(doc, Brand.DEFAULT, RenderFixtures.options()));
        assertEquals(List.of("T"), d.select("h1").eachText());
        assertEquals(List.of("Part one"), d.select("h2").eachText());
        assertEquals(List.of("Detail"), d.select("h3").eachText());
    }

    @Test
    void linkWithoutAHostKeepsItsTextButIsNoLink() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: T\nsummary: S\n---\n\nSee https:// and "
                + "[the shop](https://shop.example/).\n");
        Document d = parse(render(doc, Brand.DEFAULT, RenderFixtures.options()));
        assertEquals(List.of("https://shop.example/"), d.select(".story-body a").eachAttr("href"));
        assertTrue(d.selectFirst(".story-body").text().contains("See https:// and the shop"));
    }

    @Test
    void pageIsDeterministic() {
        assertEquals(render("coffee-huila").body().html(), render("coffee-huila").body().html());
    }
}
