package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Cta;
import org.cristal.story.Rendition;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;
import org.cristal.support.Corpus;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hyphenation, justification, headings kept with their text, and tables that stay on the paper. */
class BrochureTypographyTest {
    private static final char SHY = Hyphenation.SOFT_HYPHEN;

    @Test
    void frenchAndEnglishWordsBreakWhereTheirPatternsSay() {
        Hyphenation fr = Hyphenation.of("fr").orElseThrow();
        Hyphenation en = Hyphenation.of("en-GB").orElseThrow();
        assertEquals("bou-lan-ge-rie fer-men-ta-tion, l’ate-lier", shown(fr, "boulangerie fermentation, l’atelier"));
        assertEquals("ty-pog-ra-phy and in-for-ma-tion", shown(en, "typography and information"));
        assertEquals("peut-être", shown(fr, "peut-être"), "short parts of a compound stay whole");
        assertTrue(Hyphenation.of("de").isEmpty(), "no patterns shipped: no hyphenation");
    }

    @Test
    void addressesEmailsNumbersAndAcronymsAreNeverHyphenated() {
        Hyphenation en = Hyphenation.of("en").orElseThrow();
        for (String whole : List.of("https://boulangerie-martin.example/reservation", "contact@harborpine.example",
                "harborpine.example", "$5.80", "1,850", "v2.0.1", "UNESCO", "McDonald", "(see: information/technology)")) {
            assertEquals(whole, en.hyphenate(whole));
        }
    }

    @Test
    void softHyphensGoIntoParagraphTextButNeverIntoLinksCodeOrHeadings() {
        String body = "## Information about fermentation\n\nA paragraph about the temperature of fermentation, "
                + "with [our reservation page](https://example.org/reservation-information) and "
                + "`configuration.temperature` in code.\n\n```\nfermentation temperature configuration\n```\n";
        Story s = new Story("t", "Title", "", body, List.of(), "en", "", "", "", Optional.empty(), Status.DRAFT,
                Map.of(), Map.of(), 1);
        StoryDocument doc = StoryDocument.of(s);
        Document html = new BrochurePage(doc, Brand.DEFAULT, Brochures.options(), new Sheet(PaperSize.A4, 0),
                new ArrayList<>()).build();
        Element story = html.selectFirst("div.story");
        assertTrue(story.hasClass("hyphenated"));
        String paragraph = story.selectFirst("p").wholeText();
        assertTrue(paragraph.contains("fer" + SHY + "men" + SHY + "ta" + SHY + "tion"), paragraph.replace(SHY, '='));
        for (Element whole : story.select("h2, a, code, pre, .link-url")) {
            assertFalse(whole.wholeText().indexOf(SHY) >= 0, whole.outerHtml());
        }
        assertEquals("https://example.org/reservation-information", story.selectFirst("a").attr("href"));
    }

    @Test
    void storyWithoutADeclaredLanguageIsNeitherHyphenatedNorJustified() {
        Story s = new Story("t", "Title", "", "A paragraph about fermentation temperature.", List.of(), "", "", "",
                "", Optional.empty(), Status.DRAFT, Map.of(), Map.of(), 1);
        Document html = new BrochurePage(StoryDocument.of(s), Brand.DEFAULT, Brochures.options(),
                new Sheet(PaperSize.A4, 0), new ArrayList<>()).build();
        assertFalse(html.selectFirst("div.story").hasClass("hyphenated"));
        assertFalse(html.selectFirst("div.story").wholeText().indexOf(SHY) >= 0);
    }

    static Stream<Arguments> headingCases() {
        RenderOptions a4 = Brochures.options().withExactPaper(PaperSize.A4);
        RenderOptions a5 = Brochures.options().withExactPaper(PaperSize.A5);
        return Stream.of(
                Arguments.of("coffee-huila A4", Corpus.document("coffee-huila"), a4),
                Arguments.of("coffee-huila A5", Corpus.document("coffee-huila"), a5),
                Arguments.of("boulangerie-levain A5", Corpus.document("boulangerie-levain"), a5),
                Arguments.of("many headings A4", manyHeadings(), a4),
                Arguments.of("many headings A5", manyHeadings(), a5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headingCases")
    void noPageEndsWithAHeading(String name, StoryDocument doc, RenderOptions options) {
        Rendition<BrochurePdf> r = render(doc, options);
        List<String> headings = doc.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.HEADING)
                .map(b -> PdfReading.squeeze(b.text())).toList();
        List<List<PdfReading.Placed>> pages = PdfReading.placed(r.body().pdf());
        assertTrue(pages.size() >= 2, name + " should run over pages: " + pages.size());
        double pageHeightMm = BrochureRendererTest.pageSizes(r.body().pdf()).get(0).getHeight() * 25.4 / 72;
        for (int p = 0; p < pages.size() - 1; p++) {
            // The footer sits in the 21 mm bottom margin; the page's last line of text is just above it.
            String last = PdfReading.squeeze(lastLine(pages.get(p), pageHeightMm - 21));
            for (String heading : headings) {
                assertFalse(!last.isEmpty() && heading.endsWith(last),
                        name + ": page " + (p + 1) + " ends with the heading '" + heading + "'");
            }
        }
    }

    @Test
    void noTriFoldPanelEndsWithAHeading() {
        StoryDocument doc = manyHeadings();
        Rendition<BrochurePdf> r = render(doc, Brochures.options().withExactPaper(PaperSize.TRI_FOLD));
        List<String> headings = doc.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.HEADING)
                .map(b -> PdfReading.squeeze(b.text())).toList();
        List<List<PdfReading.Placed>> pages = PdfReading.placed(r.body().pdf());
        // The story fills the three inside panels and the flap, and goes on (an overflow warning).
        double[][] panels = {{1, 0, 100}, {1, 100, 200}, {1, 200, 297}, {0, 0, 97}};
        for (double[] panel : panels) {
            List<PdfReading.Placed> in = pages.get((int) panel[0]).stream()
                    .filter(c -> c.xMm() >= panel[1] && c.xMm() < panel[2]).toList();
            String last = PdfReading.squeeze(lastLine(in, 1_000));
            assertFalse(last.isEmpty(), "panel at " + panel[1] + " mm is used");
            for (String heading : headings) {
                assertFalse(heading.endsWith(last), "the panel at " + panel[1] + " mm ends with '" + heading + "'");
            }
        }
    }

    static Stream<Arguments> papers() {
        return Stream.of(Arguments.of(PaperSize.A4, 20.0), Arguments.of(PaperSize.A5, 12.0),
                Arguments.of(PaperSize.LETTER, 20.0));
    }

    @ParameterizedTest
    @MethodSource("papers")
    void wideTableOfLongWordsAndAUrlStaysInsideTheTextColumn(PaperSize paper, double marginMm) {
        Rendition<BrochurePdf> r = render(wideTable(), Brochures.options().withExactPaper(paper));
        double pt = 72 / 25.4;
        List<PdfReading.Glyph> glyphs = PdfReading.glyphs(r.body().pdf());
        assertFalse(glyphs.isEmpty());
        for (PdfReading.Glyph g : glyphs) {
            assertTrue(g.right() <= g.pageWidth() - (marginMm - 1) * pt,
                    paper + ": '" + g.unicode() + "' ends at " + g.right() / pt + " mm");
        }
        // Cells side by side share lines: read in drawing order, cell after cell.
        String text = PdfReading.squeeze(PdfReading.unhyphenated(PdfReading.drawnText(r.body().pdf())));
        for (String word : List.of("Internationalisation", "Electroencephalograph", "Deinstitutionalisation")) {
            assertTrue(text.contains(word), word + " is printed whole: " + text);
        }
    }

    @Test
    void wideTableOnTheTriFoldStaysInsideItsPanels() {
        Rendition<BrochurePdf> r = render(wideTable(), Brochures.options().withExactPaper(PaperSize.TRI_FOLD));
        double[][] panels = {{0, 97}, {97, 197}, {197, 297}, {0, 100}, {100, 200}, {200, 297}};
        List<List<PdfReading.Placed>> pages = PdfReading.placed(r.body().pdf());
        for (int side = 0; side < 2; side++) {
            for (PdfReading.Placed c : pages.get(side)) {
                if (c.unicode().isBlank()) {
                    continue;
                }
                boolean inside = false;
                for (int k = 3 * side; k < 3 * side + 3; k++) {
                    inside |= c.xMm() >= panels[k][0] + 1 && c.xMm() + c.widthMm() <= panels[k][1] - 1;
                }
                assertTrue(inside, "'" + c.unicode() + "' at " + c.xMm() + " mm crosses a fold");
            }
        }
    }

    private static String lastLine(List<PdfReading.Placed> page, double aboveMm) {
        TreeMap<Long, StringBuilder> lines = new TreeMap<>();
        for (PdfReading.Placed c : page) {
            if (c.yMm() < aboveMm) {
                lines.computeIfAbsent(Math.round(c.yMm()), k -> new StringBuilder()).append(c.unicode());
            }
        }
        return lines.isEmpty() ? "" : lines.lastEntry().getValue().toString();
    }

    private static String shown(Hyphenation h, String text) {
        return h.hyphenate(text).replace(SHY, '-');
    }

    /** Forty sections of uneven length, so headings fall at every height of a page. */
    static StoryDocument manyHeadings() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append("## Section ").append(i).append(": what we learnt\n\n");
            int sentences = 1 + (i * 7) % 9;
            for (int k = 0; k < sentences; k++) {
                body.append("Every morning the bakers check the dough, the oven and the flour before the shop opens. ");
            }
            body.append("\n\n");
        }
        return StoryDocument.of(new Story("many-headings", "Many headings", "", body.toString(), List.of(), "en", "",
                "", "", Optional.of(new Cta("Visit", "https://example.org")), Status.DRAFT, Map.of(), Map.of(), 1));
    }

    /** Six columns of long words, one cell with a long address. */
    static StoryDocument wideTable() {
        String body = "Our suppliers:\n\n"
                + "| Internationalisation | Characterisation | Responsibilities | Incomprehensibility | Telecommunications | Address |\n"
                + "|---|---|---|---|---|---|\n"
                + "| Counterrevolutionaries | Uncharacteristically | Disproportionately | Electroencephalograph | Institutionalisation "
                + "| https://suppliers.example/very/long/path/to/the/catalogue-of-organic-flours?season=2026 |\n"
                + "| Misunderstanding | Overcompensation | Interchangeability | Compartmentalisation | Deinstitutionalisation "
                + "| contact.supplies@suppliers.example |\n";
        return StoryDocument.of(new Story("wide-table", "A wide table", "", body, List.of(), "en", "", "", "",
                Optional.empty(), Status.DRAFT, Map.of(), Map.of(), 1));
    }
}
