package org.cristal.publish.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.webpost.WebFixtures;
import org.cristal.render.web.NuHtmlChecker;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class StaticSitePluginTest {
    private static final Instant LATER = Instant.parse("2026-04-02T08:00:00Z");
    private final StaticSitePlugin plugin = new StaticSitePlugin();

    private static ChannelSettings settings(Path dir) {
        return ChannelSettings.of(Map.of("folder", dir.toString(), "title", "Le journal du fournil",
                "baseUrl", "https://journal.example/"));
    }

    private static TestContext at(Instant t) {
        return new TestContext().clock(java.time.Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void aStoryBecomesAPageWithItsImagesAndTheSiteFiles(@TempDir Path dir) throws Exception {
        PublishResult result = plugin.publish(WebFixtures.request("boulangerie-levain", settings(dir)),
                at(WebFixtures.NOW));

        assertEquals("https://journal.example/boulangerie-levain", result.url());
        Document page = Jsoup.parse(dir.resolve("boulangerie-levain.html").toFile());
        assertEquals("Quarante ans de levain, et toujours la même main", page.selectFirst("h1").text());
        String hero = page.selectFirst(".hero img").attr("src");
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")),
                Files.readAllBytes(dir.resolve(hero)));
        for (String f : List.of("index.html", "sitemap.xml", "feed.xml", "atom.xml", ".cristal-site.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void theIndexListsStoriesNewestFirstInTheBrandsStyleAndIsValidHtml(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("coffee-huila", settings(dir)), at(WebFixtures.NOW));
        plugin.publish(WebFixtures.request("boulangerie-levain", LATER, settings(dir)), at(LATER));

        String html = Files.readString(dir.resolve("index.html"));
        assertEquals(List.of(), new NuHtmlChecker().errors(html));
        Document index = Jsoup.parse(html);
        assertEquals("Le journal du fournil", index.title());
        assertEquals("Le journal du fournil", index.selectFirst("main h1").text());
        List<Element> items = index.select(".story-list > li");
        assertEquals(2, items.size());
        assertEquals("Quarante ans de levain, et toujours la même main", items.get(0).selectFirst("h2 a").text());
        assertEquals("boulangerie-levain.html", items.get(0).selectFirst("h2 a").attr("href"));
        assertEquals("2026-04-02", items.get(0).selectFirst("time").attr("datetime"));
        assertEquals("2 avril 2026", items.get(0).selectFirst("time").text());
        assertTrue(items.get(0).text().contains("Depuis 1985, notre levain naturel"));
        assertEquals("coffee-huila.html", items.get(1).selectFirst("h2 a").attr("href"));
        assertEquals("en", items.get(1).selectFirst("article").attr("lang"));
        // The brand's header, footer and colours come from the story pages.
        assertTrue(index.selectFirst("header.site-header").text().contains("Boulangerie Martin"));
        assertTrue(index.select("style").html().contains("--primary:"));
        assertEquals(0, index.select("meta[property^=og:], script, link[rel=canonical]").size());
    }

    @Test
    void theFeedsAndSitemapListEveryStoryWithItsAddressAndDates(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("coffee-huila", settings(dir)), at(WebFixtures.NOW));
        plugin.publish(WebFixtures.request("boulangerie-levain", LATER, settings(dir)), at(LATER));

        org.w3c.dom.Document rss = xml(dir.resolve("feed.xml"));
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        NodeList items = rss.getElementsByTagName("item");
        assertEquals(2, items.getLength());
        org.w3c.dom.Element first = (org.w3c.dom.Element) items.item(0);
        assertEquals("https://journal.example/boulangerie-levain", text(first, "link"));
        assertEquals("Thu, 02 Apr 2026 08:00:00 +0000", text(first, "pubDate"));
        assertEquals("https://journal.example/coffee-huila", text((org.w3c.dom.Element) items.item(1), "link"));
        assertEquals("Sat, 14 Mar 2026 09:30:00 +0000", text((org.w3c.dom.Element) items.item(1), "pubDate"));

        org.w3c.dom.Document atom = xml(dir.resolve("atom.xml"));
        assertEquals(SiteFeeds.ATOM_NS, atom.getDocumentElement().getNamespaceURI());
        NodeList entries = atom.getElementsByTagNameNS(SiteFeeds.ATOM_NS, "entry");
        assertEquals(2, entries.getLength());
        org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(0);
        assertEquals("https://journal.example/boulangerie-levain",
                ((org.w3c.dom.Element) entry.getElementsByTagNameNS(SiteFeeds.ATOM_NS, "link").item(0))
                        .getAttribute("href"));
        assertEquals("2026-04-02T08:00:00Z", entry.getElementsByTagNameNS(SiteFeeds.ATOM_NS, "published")
                .item(0).getTextContent());
        assertEquals("2026-04-02T08:00:00Z", atom.getDocumentElement()
                .getElementsByTagNameNS(SiteFeeds.ATOM_NS, "updated").item(0).getTextContent());

        org.w3c.dom.Document sitemap = xml(dir.resolve("sitemap.xml"));
        NodeList locs = sitemap.getElementsByTagNameNS(SiteFeeds.SITEMAP_NS, "loc");
        assertEquals(List.of("https://journal.example/", "https://journal.example/boulangerie-levain",
                "https://journal.example/coffee-huila"), texts(locs));
    }

    @Test
    void publishingAgainRewritesNothing(@TempDir Path dir) throws Exception {
        PublishRequest request = WebFixtures.request("boulangerie-levain", settings(dir));
        plugin.publish(request, at(WebFixtures.NOW));
        Map<Path, byte[]> before = snapshot(dir);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (Path p : before.keySet()) {
            Files.setLastModifiedTime(p, old);
        }

        PublishResult again = plugin.publish(request, at(LATER));

        assertEquals(0, again.items());
        Map<Path, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet());
        for (Path p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p.toString());
            assertEquals(old, Files.getLastModifiedTime(p), p + " was rewritten");
        }
    }

    @Test
    void aNewTitleKeepsTheAddressAndTheFirstDate(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("boulangerie-levain", settings(dir)), at(WebFixtures.NOW));
        String source = Files.readString(Corpus.story("boulangerie-levain")).replace(
                "title: \"Quarante ans de levain, et toujours la même main\"", "title: \"Quarante ans de levain\"");
        StoryDocument renamed = StoryDocument.parse("boulangerie-levain", source);

        PublishResult result = plugin.publish(WebFixtures.request(renamed, LATER, settings(dir)), at(LATER));

        assertEquals("https://journal.example/boulangerie-levain", result.url());
        Document index = Jsoup.parse(dir.resolve("index.html").toFile());
        assertEquals(List.of("Quarante ans de levain"), index.select(".story-list h2").eachText());
        assertEquals("2026-03-14", index.selectFirst(".story-list time").attr("datetime"));
        org.w3c.dom.Document atom = xml(dir.resolve("atom.xml"));
        assertEquals("2026-04-02T08:00:00Z", atom.getElementsByTagNameNS(SiteFeeds.ATOM_NS, "entry").item(0)
                .getChildNodes().getLength() > 0 ? ((org.w3c.dom.Element) atom
                .getElementsByTagNameNS(SiteFeeds.ATOM_NS, "entry").item(0))
                .getElementsByTagNameNS(SiteFeeds.ATOM_NS, "updated").item(0).getTextContent() : "");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("index.html")).count());
        }
    }

    @Test
    void twoStoriesWithDifferentImagesOfTheSameNameKeepTheirOwn(@TempDir Path dir, @TempDir Path src)
            throws Exception {
        Path site = dir.resolve("site");
        Files.copy(Corpus.images().resolve("hero-levain.jpg"), src.resolve("hero.jpg"));
        PublishRequest a = WebFixtures.request(StoryDocument.parse("first",
                "---\ntitle: First\nimage: hero.jpg\nimage_alt: Bread\n---\n\nText.\n"), WebFixtures.NOW,
                settings(site));
        PublishRequest aWithAssets = withAssets(a, src);
        plugin.publish(aWithAssets, at(WebFixtures.NOW));
        Files.copy(Corpus.images().resolve("hero-coffee.jpg"), src.resolve("hero.jpg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PublishRequest b = withAssets(WebFixtures.request(StoryDocument.parse("second",
                "---\ntitle: Second\nimage: hero.jpg\nimage_alt: Coffee\n---\n\nText.\n"), LATER, settings(site)),
                src);
        plugin.publish(b, at(LATER));

        String firstHero = Jsoup.parse(site.resolve("first.html").toFile()).selectFirst(".hero img").attr("src");
        String secondHero = Jsoup.parse(site.resolve("second.html").toFile()).selectFirst(".hero img").attr("src");
        assertNotEquals(firstHero, secondHero);
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")),
                Files.readAllBytes(site.resolve(firstHero)));
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-coffee.jpg")),
                Files.readAllBytes(site.resolve(secondHero)));
    }

    private static PublishRequest withAssets(PublishRequest r, Path src) {
        org.cristal.library.FileAssets assets = new org.cristal.library.FileAssets(src, src);
        org.cristal.render.RenderOptions options = org.cristal.render.RenderOptions.at(r.scheduledAt())
                .withAssets(assets);
        var all = org.cristal.render.Renderers.renderAll(r.story(), r.brand(), options, Runnable::run).join();
        return new PublishRequest(r.entryId(), r.idempotencyKey(), r.story(), r.revision(), r.brand(), all, assets,
                r.settings(), r.scheduledAt());
    }

    @Test
    void theIndexShowsTheSummaryAsThePageDoesWithMergeTagsReadAsTheirFallback(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("nimbus-tax-season", settings(dir)), new TestContext());
        String summary = Jsoup.parse(dir.resolve("index.html").toFile()).selectFirst(".story-list article p:not(.meta)")
                .text();
        assertEquals("A five-step checklist for freelancers, and how we help you file on time without the stress.",
                summary);
    }

    @Test
    void theSitesFilesAreReadableByTheWebServer(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("boulangerie-levain", settings(dir)), new TestContext());
        for (String f : List.of("index.html", "boulangerie-levain.html", "images/hero-levain.jpg", "feed.xml")) {
            assertTrue(Files.getPosixFilePermissions(dir.resolve(f))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), f);
        }
    }

    @Test
    void aStoryAtAnAddressAnotherHoldsIsRefusedAndTheOtherKept(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request(StoryDocument.parse("pain", "---\ntitle: Le pain\n---\n\nA.\n"),
                WebFixtures.NOW, settings(dir)), new TestContext());
        // Same slug, other story (ids are slugged, and long ones cut at 60 characters).
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(WebFixtures.request(
                StoryDocument.parse("Pain", "---\ntitle: Autre pain\n---\n\nB.\n"), LATER, settings(dir)),
                at(LATER)));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("already taken on this site by “Le pain”"),
                e.message(Locale.ENGLISH));
        assertEquals("Le pain", Jsoup.parse(dir.resolve("pain.html").toFile()).selectFirst("h1").text());
        assertThrows(PublishException.class, () -> plugin.publish(WebFixtures.request(StoryDocument.parse("index",
                "---\ntitle: Index\n---\n\nC.\n"), LATER, settings(dir)), at(LATER)));
        assertEquals("Le journal du fournil", Jsoup.parse(dir.resolve("index.html").toFile()).title());
    }

    @Test
    void lookupFindsAStoryAlreadyOnTheSite(@TempDir Path dir) throws Exception {
        PublishRequest request = WebFixtures.request("boulangerie-levain", settings(dir));
        assertTrue(plugin.lookup(request, new TestContext()).isEmpty());
        plugin.publish(request, at(WebFixtures.NOW));
        assertEquals("https://journal.example/boulangerie-levain",
                plugin.lookup(request, new TestContext()).orElseThrow().url());
        // An edited story whose new version never reached the site is not there yet.
        PublishRequest edited = WebFixtures.request("boulangerie-levain", LATER, settings(dir));
        assertTrue(plugin.lookup(edited, new TestContext()).isEmpty());
    }

    @Test
    void withoutABaseUrlTheResultIsThePagesFile(@TempDir Path dir) throws Exception {
        PublishResult r = plugin.publish(WebFixtures.request("coffee-huila",
                ChannelSettings.of(Map.of("folder", dir.toString()))), new TestContext());
        assertEquals(dir.resolve("coffee-huila.html").toUri().toString(), r.url());
        // The brand's own website still gives the feeds absolute links.
        assertTrue(Files.readString(dir.resolve("feed.xml")).contains("<title>Harbor &amp; Pine"));
    }

    @Test
    void aFolderThatIsAFileIsRefusedWithAMessageInBothLanguages(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(
                WebFixtures.request("coffee-huila", ChannelSettings.of(Map.of("folder", file.toString()))),
                new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("Cannot write the site in"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).startsWith("Impossible d’écrire le site"), e.message(Locale.FRENCH));
    }

    @Test
    void cancellingBeforeStartingWritesNothing(@TempDir Path dir) {
        PublishException e = assertThrows(PublishException.class, () -> plugin.publish(
                WebFixtures.request("coffee-huila", settings(dir.resolve("site"))), new TestContext().cancelNow()));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertFalse(Files.exists(dir.resolve("site/index.html")));
    }

    @Test
    void settingsWithoutAFolderAreReported() {
        assertEquals(List.of("folder"), plugin.validate(ChannelSettings.of(Map.of("title", "T"))).stream()
                .map(p -> p.key()).toList());
        assertEquals(List.of("baseUrl"), plugin.validate(ChannelSettings.of(Map.of("folder", "/tmp/x",
                "baseUrl", "journal.example"))).stream().map(p -> p.key()).toList());
    }

    @Test
    void testConnectionSaysWhereTheSiteIs(@TempDir Path dir) throws Exception {
        plugin.publish(WebFixtures.request("coffee-huila", settings(dir)), new TestContext());
        String said = plugin.testConnection(settings(dir), new TestContext()).get(Locale.FRENCH);
        assertTrue(said.contains(dir.toString()) && said.contains("1\u00a0histoires"), said);
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(org.w3c.dom.Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(p, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
