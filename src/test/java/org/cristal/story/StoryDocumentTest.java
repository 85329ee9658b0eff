package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryDocumentTest {

    @Test
    void hostileHtmlInTheBodyIsInert() {
        StoryDocument doc = Corpus.document("../bad/xss");
        for (String html : List.of(doc.bodyHtml(), doc.bodyHtmlWithRemoteImages())) {
            Document d = Jsoup.parseBodyFragment(html);
            assertTrue(d.select("script, iframe, object, embed, form, input, svg, meta, style").isEmpty(), html);
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler in " + e);
                    assertFalse(a.getKey().equals("style"), "style attribute in " + e);
                    String v = a.getValue().toLowerCase().strip();
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("file:"),
                            "unsafe URL in " + e);
                });
            }
        }
        assertTrue(doc.bodyHtml().contains("javascript link"), "link text stays readable");
    }

    @Test
    void storyHtmlCannotBorrowTheOutputsOwnClasses() throws Exception {
        StoryDocument doc = StoryDocument.parse("x",
                "<a class=\"button cta\" href=\"https://evil.example\">Win</a> <span class=\"task-done\">x</span>\n");
        assertFalse(doc.bodyHtml().contains("button"), doc.bodyHtml());
        assertTrue(doc.bodyHtml().contains("class=\"task-done\""), "our own Markdown classes stay");
    }

    @Test
    void remoteImagesAreLeftOutUnlessAskedFor() {
        StoryDocument doc = Corpus.document("../bad/xss");
        assertFalse(doc.bodyHtml().contains("tracker.example"));
        assertTrue(doc.bodyHtml().contains("tracking pixel"), "alt text is kept in place of the image");
        assertTrue(doc.bodyHtmlWithRemoteImages().contains("https://tracker.example/pixel.gif"));
    }

    @Test
    void taskListsBecomeCharactersNotFormControls() {
        StoryDocument doc = Corpus.document("edge-cases");
        assertTrue(doc.bodyHtml().contains("☐"));
        assertTrue(doc.bodyHtml().contains("☑"));
        assertFalse(doc.bodyHtml().contains("<input"));
    }

    @Test
    void imagesAndLinksCarryTheirFileLines() {
        StoryDocument doc = Corpus.document("edge-cases");
        ImageRef missing = doc.images().get(0);
        assertEquals("../images/missing.png", missing.src());
        assertEquals(Corpus.lineOf("edge-cases", "missing.png"), missing.line());
        LinkRef titled = doc.links().stream().filter(l -> l.url().equals("https://example.com/brew-guide"))
                .findFirst().orElseThrow();
        assertEquals(Corpus.lineOf("edge-cases", "https://example.com/brew-guide"), titled.line());
    }

    @Test
    void headingThatRepeatsTheTitleIsNotRenderedTwice() throws Exception {
        StoryDocument doc = StoryDocument.parse("x", "# Pain du jour\n\nBon pain.\n");
        assertEquals("Pain du jour", doc.story().title());
        assertFalse(doc.bodyHtml().contains("<h1"));
        assertTrue(doc.bodyHtml().contains("Bon pain."));
    }

    @Test
    void tablesFootnotesAndStrikethroughAreRendered() {
        assertTrue(Corpus.document("velo-atelier-solidaire").bodyHtml().contains("<table>"));
        assertTrue(Corpus.document("nimbus-tax-season").bodyHtml().contains("footnote"));
        assertTrue(Corpus.document("edge-cases").bodyHtml().contains("<del>struck out</del>"));
    }

    @Test
    void footnoteMarkersStayOutOfTheTextBlocks() {
        StoryDocument doc = Corpus.document("nimbus-tax-season");
        assertTrue(doc.blocks().stream().anyMatch(b -> b.text().endsWith("anything over $75.")));
        assertTrue(doc.blocks().stream().noneMatch(b -> b.text().contains("threshold depends")));
        assertTrue(doc.bodyHtml().contains("threshold depends"), "the footnote stays in the HTML");
    }

    @Test
    void descriptionFallsBackToTheFirstParagraph() throws Exception {
        StoryDocument doc = StoryDocument.parse("x", "---\ntitle: T\n---\n\nFirst words here.\n\nSecond.\n");
        assertEquals("First words here.", doc.description());
    }

    @Test
    void wordsAreCountedLikeAWriterWould() throws Exception {
        assertEquals(5, StoryDocument.parse("x", "---\ntitle: T\n---\nL'atelier ouvre le mercredi soir.\n")
                .wordCount());
    }

    @Test
    void hostileLargeInputsParseQuicklyWithoutCrashing(@TempDir Path dir) throws Exception {
        Corpus.hostileInputs(dir);
        for (String name : List.of("one-line-5mb.md", "nested-quotes.md", "nested-lists.md", "many-links.md",
                "emphasis-storm.md", "huge-table.md")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            StoryDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> StoryDocument.of(StoryParser.parse(name, bytes)), name);
            assertFalse(doc.bodyHtml().isEmpty(), name);
            assertTrue(doc.bodyHtml().length() < 2_000_000, name + " is cut down for rendering");
        }
    }

    @Test
    void aSchemeWithoutAnAddressIsTextNotALinkForEveryChannel() throws Exception {
        StoryDocument doc = StoryDocument.parse("x", "Voir https:// et https://boulangerie.example/pain ici.\n");
        assertFalse(doc.bodyHtml().contains("href=\"https://\""), doc.bodyHtml());
        assertTrue(doc.bodyHtml().contains("Voir https:// et"), doc.bodyHtml());
        assertTrue(doc.bodyHtml().contains("href=\"https://boulangerie.example/pain\""), doc.bodyHtml());
    }
}
