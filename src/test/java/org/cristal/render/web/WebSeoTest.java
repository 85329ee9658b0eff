package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.json.Json;
import javax.json.JsonObject;
import javax.json.JsonReader;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search-engine rules of the web page: title, description, outline, structured data. */
class WebSeoTest {
    private static Rendition<WebPage> render(StoryDocument doc, Brand brand) {
        return new WebRenderer().render(doc, brand, RenderFixtures.options());
    }

    private static Rendition<WebPage> render(String markdown) {
        return render(RenderFixtures.markdown(markdown), Brand.DEFAULT);
    }

    private static Rendition<WebPage> corpus(String story) {
        StoryDocument doc = Corpus.document(story);
        return render(doc, RenderFixtures.brandOf(doc));
    }

    private static Optional<Finding> finding(Rendition<?> r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    private static JsonObject jsonLd(Rendition<WebPage> r) {
        Document d = Jsoup.parse(r.body().html());
        List<Element> blocks = d.select("script");
        assertEquals(1, blocks.size(), "one script element, the JSON-LD block");
        assertEquals("application/ld+json", blocks.get(0).attr("type"));
        try (JsonReader reader = Json.createReader(new StringReader(blocks.get(0).data()))) {
            return reader.readObject();
        }
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void titleOverSixtyCharactersIsAFindingAndTheBrandIsDroppedFirst() {
        String title = "Seventy characters of title is more than any search result will ever show";
        Rendition<WebPage> r = render("---\ntitle: " + title + "\nsummary: S\n---\n\nText.\n");
        assertEquals(title, Jsoup.parse(r.body().html()).title());
        Finding f = finding(r, "web.title.long").orElseThrow();
        assertEquals(List.of(title.length(), 60), f.args());
        assertTrue(f.message(Locale.ENGLISH).contains("channels.web.title"), f.message(Locale.ENGLISH));
    }

    @Test
    void webTitleOverrideBecomesThePageTitleButNotTheHeading() {
        Rendition<WebPage> r = render("---\ntitle: A long and winding title that goes on for far too many words\n"
                + "summary: S\nchannels:\n  web:\n    title: Winding title | Cristal\n---\n\nText.\n");
        Document d = Jsoup.parse(r.body().html());
        assertEquals("Winding title | Cristal", d.title());
        assertEquals("A long and winding title that goes on for far too many words", d.selectFirst("h1").text());
        assertTrue(finding(r, "web.title.long").isEmpty());
    }

    @Test
    void shortTitleKeepsTheBrandName() {
        Document d = Jsoup.parse(render("---\ntitle: Bread at dawn\nsummary: S\n---\n\nText.\n").body().html());
        assertEquals("Bread at dawn — Cristal", d.title());
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 119, 157, 200})
    void summaryOutsideOneHundredTwentyToOneHundredFiftySixCharactersIsNoted(int length) {
        String summary = "word ".repeat(length).substring(0, length).strip() + "x".repeat(length - ("word ".repeat(length)
                .substring(0, length).strip().length()));
        Rendition<WebPage> r = render("---\ntitle: T\nsummary: " + yaml(summary) + "\n---\n\nText.\n");
        Finding f = finding(r, "web.description.length").orElseThrow();
        assertEquals(List.of(length, 120, 156), f.args());
        assertEquals(Severity.INFO, f.severity());
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 140, 156})
    void summaryWithinTheRangeIsNotNoted(int length) {
        String summary = "a".repeat(length);
        assertTrue(finding(render("---\ntitle: T\nsummary: " + summary + "\n---\n\nText.\n"), "web.description.length")
                .isEmpty());
    }

    @Test
    void headingThatSkipsALevelIsAWarningOnItsLine() {
        Rendition<WebPage> r = render("---\ntitle: T\nsummary: S\n---\n\nIntro.\n\n## Part\n\nText.\n\n#### Detail\n\n"
                + "Text.\n\n### Fine\n");
        List<Finding> jumps = r.findings().stream().filter(f -> f.code().equals("web.heading.skipped")).toList();
        assertEquals(1, jumps.size(), jumps.toString());
        assertEquals(12, jumps.get(0).line());
        assertEquals(List.of(2, 4), jumps.get(0).args());
        assertEquals(Severity.WARNING, jumps.get(0).severity());
    }

    @Test
    void bodyStartingAtLevelThreeSkipsTheLevelBelowTheTitle() {
        Finding f = finding(render("---\ntitle: T\nsummary: S\n---\n\n### Too deep\n"), "web.heading.skipped")
                .orElseThrow();
        assertEquals(List.of(1, 3), f.args());
        assertEquals(6, f.line());
    }

    @Test
    void bodyUsingLevelOneIsCountedAsThePageShowsIt() {
        // # Part → h2, ### Sub → h4: a jump on the page, found at the Markdown line.
        Rendition<WebPage> r = render("---\ntitle: T\nsummary: S\n---\n\n# Part\n\n### Sub\n");
        assertEquals(List.of(2, 4), finding(r, "web.heading.skipped").orElseThrow().args());
        assertEquals(1, Jsoup.parse(r.body().html()).select("h1").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila", "edge-cases", "nimbus-tax-season", "osteo-samedi",
            "velo-atelier-solidaire"})
    void corpusPagesHaveOneH1AndADescriptionForSearch(String story) {
        Document d = Jsoup.parse(corpus(story).body().html());
        assertEquals(1, d.select("h1").size());
        String description = d.selectFirst("meta[name=description]").attr("content");
        assertTrue(description.length() <= 156, description);
        assertFalse(d.title().isBlank());
        assertTrue(d.title().length() <= 60 || corpus(story).findings().stream()
                .anyMatch(f -> f.code().equals("web.title.long")), d.title());
    }

    @Test
    void articleStructuredDataNamesTheBrandTheDateTheImageAndTheAddress() {
        JsonObject a = jsonLd(corpus("coffee-huila"));
        assertEquals("https://schema.org", a.getString("@context"));
        assertEquals("Article", a.getString("@type"));
        assertEquals("From one farm in Huila to your morning cup", a.getString("headline"));
        assertTrue(a.getString("description").startsWith("We buy all our washed Colombian"));
        assertEquals("en", a.getString("inLanguage"));
        assertEquals("2026-03-14T09:30:00Z", a.getString("datePublished"));
        assertEquals("https://harborpine.example/coffee-huila", a.getString("url"));
        JsonObject image = a.getJsonObject("image");
        assertEquals("https://harborpine.example/images/hero-coffee.jpg", image.getString("url"));
        assertEquals(2400, image.getInt("width"));
        assertEquals(1350, image.getInt("height"));
        JsonObject publisher = a.getJsonObject("publisher");
        assertEquals("Organization", publisher.getString("@type"));
        assertEquals("Harbor & Pine Coffee Roasters", publisher.getString("name"));
        assertEquals("https://harborpine.example/images/logo-harbor.png", publisher.getJsonObject("logo").getString("url"));
        assertEquals("Harbor & Pine Coffee Roasters", a.getJsonObject("author").getString("name"));
    }

    @Test
    void publishedDateFollowsTheRenderZone() {
        StoryDocument doc = Corpus.document("boulangerie-levain");
        Rendition<WebPage> r = new WebRenderer().render(doc, RenderFixtures.brandOf(doc),
                RenderFixtures.options().withZone(java.time.ZoneId.of("Europe/Paris")));
        assertEquals("2026-03-14T10:30:00+01:00", jsonLd(r).getString("datePublished"));
        Document d = Jsoup.parse(r.body().html());
        assertEquals("2026-03-14T10:30:00+01:00", d.selectFirst("meta[property=article:published_time]").attr("content"));
        assertEquals("fr_FR", d.selectFirst("meta[property=og:locale]").attr("content"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"</script><script>alert(1)</script>", "<!-- <script>", "Quote \" and \\ backslash",
            "Line\u2028separator", "A & B > C", "</SCRIPT >x", "Emoji 👩‍👩‍👧 and \"quotes\""})
    void hostileTitleStaysInsideItsJsonString(String title) {
        Rendition<WebPage> r = render("---\ntitle: " + yaml(title) + "\nsummary: " + yaml(title) + "\n---\n\nText.\n");
        JsonObject a = jsonLd(r);
        // Front-matter text is one line on every channel: a line separator reads as a space.
        String shown = title.replace('\u2028', ' ');
        assertEquals(shown, a.getString("headline"));
        assertEquals(shown, a.getString("description"));
        InertHtml.assertInert(r.body().html(), false);
        assertEquals(List.of(), new NuHtmlChecker().errors(r.body().html()));
    }

    @Test
    void jsonLdEscapesLineSeparatorsAndLoneSurrogates() {
        String json = JsonLd.article(new JsonLd.Article("a\u2028b\ud800c</script>", "", "en", "2026-03-14T09:30:00Z",
                "", "", "", "", 0, 0, "", 0, 0, "", List.of()));
        assertFalse(json.contains("\u2028") || json.contains("<"), json);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            assertEquals("a\u2028b\ufffdc</script>", reader.readObject().getString("headline"));
        }
    }

    @Test
    void imageDimensionsAreTheFileSizesOnEveryImage() {
        Document d = Jsoup.parse(corpus("velo-atelier-solidaire").body().html());
        for (Element img : d.select("img")) {
            assertNotNull(img.attributes().get("alt"), img.toString());
            assertTrue(img.attr("width").matches("[1-9][0-9]*"), img.toString());
            assertTrue(img.attr("height").matches("[1-9][0-9]*"), img.toString());
        }
        assertFalse(d.select("img").isEmpty());
    }
}
