package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.has;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Cta;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The A4 landscape tri-fold as a print shop and a reader meet it: panels, order, marks, archive format. */
class BrochureTriFoldTest {
    private static final double PT = 72 / 25.4;
    private static final Pattern MARKER = Pattern.compile("Part(\\d{3})");

    static RenderOptions triFold() {
        return Brochures.options().withPaper(PaperSize.TRI_FOLD);
    }

    @Test
    void triFoldIsOneSheetOfLandscapeA4PrintedOnBothSides() {
        Rendition<BrochurePdf> r = render(Corpus.document("boulangerie-levain"), triFold());
        assertEquals(2, r.body().pages());
        for (PDRectangle box : BrochureRendererTest.pageSizes(r.body().pdf())) {
            assertEquals(297 * PT, box.getWidth(), 0.5);
            assertEquals(210 * PT, box.getHeight(), 0.5);
        }
    }

    @Test
    void coverPanelIsOnTheRightOfTheOutsideAndTheBackPanelInTheMiddle() {
        StoryDocument doc = Corpus.document("boulangerie-levain");
        List<List<PdfReading.Placed>> pages = PdfReading.placed(render(doc, triFold()).body().pdf());
        String cover = panel(pages.get(0), 197, 297);
        String back = panel(pages.get(0), 97, 197);
        assertTrue(cover.contains(PdfReading.squeeze(doc.story().title())), cover);
        assertFalse(back.contains(PdfReading.squeeze(doc.story().title())), "the title is on the cover only");
        assertTrue(back.contains(PdfReading.squeeze("12 rue des Tanneurs")), "the brand's address: " + back);
        assertTrue(back.contains(PdfReading.squeeze(doc.story().cta().orElseThrow().label())), back);
        assertEquals("", panel(pages.get(0), 0, 97), "a short story leaves the flap blank");
        assertEquals(List.of(1, 4), finding(render(doc, triFold()), "brochure.trifold.underfilled").args(),
                "and says how little of the inside it fills");
        assertTrue(cover.contains(PdfReading.squeeze(doc.story().summary()).substring(0, 20)),
                "the summary is the cover's teaser: " + cover);
        String firstInside = PdfReading.squeeze(PdfReading.unhyphenated(PdfReading.lines(pages.get(1).stream()
                .filter(c -> c.xMm() < 100).toList())));
        assertTrue(firstInside.startsWith(PdfReading.squeeze(doc.blocks().get(0).text()).substring(0, 20)),
                "the inside opens with the story: " + firstInside);
    }

    @Test
    void qrCodeOnTheBackPanelLeadsToTheStoryPageTaggedForPrint() {
        BufferedImage outside = PdfReading.page(render(Corpus.document("boulangerie-levain"), triFold()).body().pdf(),
                0, 200);
        double pxPerMm = 200 / 25.4;
        BufferedImage back = outside.getSubimage((int) (97 * pxPerMm), 0, (int) (100 * pxPerMm), outside.getHeight());
        String url = PdfReading.qrCode(back).orElseThrow(() -> new AssertionError("no QR code on the back panel"));
        assertTrue(url.startsWith("https://boulangerie-martin.example/"), url);
        assertTrue(url.contains("utm_source=brochure") && url.contains("utm_medium=print"), url);
    }

    @Test
    void longestCorpusStoryPrintsWholeAcrossTheInsidePanels() {
        // coffee-huila (617 words), forced onto A4 so the brand's US address does not switch it to Letter.
        StoryDocument doc = Corpus.document("coffee-huila");
        Rendition<BrochurePdf> r = render(doc, Brochures.options().withExactPaper(PaperSize.TRI_FOLD));
        assertFalse(has(r, "brochure.trifold.overflow"), r.findings().toString());
        // Panel by panel, line by line: styled runs of one line are drawn apart, and panels share heights.
        List<List<PdfReading.Placed>> pages = PdfReading.placed(r.body().pdf());
        StringBuilder all = new StringBuilder();
        for (double[] panel : new double[][] {{1, 0, 100}, {1, 100, 200}, {1, 200, 297}, {0, 0, 97}}) {
            all.append(PdfReading.lines(pages.get((int) panel[0]).stream()
                    .filter(c -> c.xMm() >= panel[1] && c.xMm() < panel[2]).toList())).append('\n');
        }
        String text = all.toString();
        String printed = PdfReading.squeeze(text);
        String joined = PdfReading.squeeze(PdfReading.unhyphenated(text));
        List<String> missing = new ArrayList<>();
        for (TextBlock b : doc.blocks()) {
            for (String word : b.text().split("[\\s\\u00a0\\u202f]+")) {
                String w = PdfReading.squeeze(word);
                if (!word.isBlank() && !printed.contains(w) && !joined.contains(w)) {
                    missing.add(word);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void storyRunsThroughTheThreeInsidePanelsThenTheFlapAndSaysHowMuchIsLeftOut() {
        Rendition<BrochurePdf> r = render(longStory(80), Brochures.options());
        List<List<PdfReading.Placed>> pages = PdfReading.placed(r.body().pdf());
        List<Integer> inside1 = markers(panel(pages.get(1), 0, 100));
        List<Integer> inside2 = markers(panel(pages.get(1), 100, 200));
        List<Integer> inside3 = markers(panel(pages.get(1), 200, 297));
        List<Integer> flap = markers(panel(pages.get(0), 0, 97));
        List<Integer> order = new ArrayList<>();
        for (List<Integer> p : List.of(inside1, inside2, inside3, flap)) {
            assertFalse(p.isEmpty(), "every story panel is used: " + List.of(inside1, inside2, inside3, flap));
            order.addAll(p);
        }
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i + 1, order.get(i), "paragraphs in reading order: " + order);
        }
        var overflow = finding(r, "brochure.trifold.overflow");
        assertEquals(Severity.WARNING, overflow.severity());
        int leftOutParagraphs = 80 - order.size();
        assertTrue(leftOutParagraphs > 0);
        int words = ((Number) overflow.args().get(1)).intValue();
        // Each paragraph is 32 words, a chapter heading 2; the paragraph at the flap's foot may be split.
        int headings = 2 * (leftOutParagraphs / 10 + 1);
        assertTrue(words >= (leftOutParagraphs - 1) * 32 && words <= (leftOutParagraphs + 1) * 32 + headings,
                words + " words reported, " + leftOutParagraphs + " paragraphs left out");
    }

    @Test
    void coverTooFullForItsPanelSaysHowManyWordsDoNotFit() {
        Story s = Corpus.document("boulangerie-levain").story();
        String summary = "Notre levain est nourri chaque matin à quatre heures par Jean-Pierre. ".repeat(25);
        StoryDocument doc = StoryDocument.of(new Story(s.id(), s.title(), summary, s.body(), s.tags(), s.lang(),
                s.brand(), s.image(), s.imageAlt(), s.cta(), s.status(), s.channels(), s.extra(), s.bodyLine()));
        Rendition<BrochurePdf> r = render(doc, triFold());
        var overflow = finding(r, "brochure.trifold.coverOverflow");
        assertEquals(Severity.WARNING, overflow.severity());
        int words = ((Number) overflow.args().get(0)).intValue();
        assertTrue(words > 20 && words < 25 * 11, words + " words");
    }

    @Test
    void printReadyTriFoldHasBleedTrimBoxCropAndFoldMarks() throws IOException {
        byte[] pdf = render(Corpus.document("boulangerie-levain"), triFold().withPrintReady(true)).body().pdf();
        try (PDDocument doc = PdfReading.load(pdf)) {
            for (PDPage page : doc.getPages()) {
                assertEquals(303 * PT, page.getMediaBox().getWidth(), 0.5);
                assertEquals(216 * PT, page.getMediaBox().getHeight(), 0.5);
                assertEquals(3 * PT, page.getTrimBox().getLowerLeftX(), 0.5);
                assertEquals(297 * PT, page.getTrimBox().getWidth(), 0.5);
                assertEquals(page.getMediaBox().getWidth(), page.getBleedBox().getWidth(), 0.5);
            }
        }
        double pxPerMm = 300 / 25.4;
        // Fold lines on the outside at 97 and 197 mm from the trim, on the inside at 100 and 200: a mark in
        // the top bleed, nothing elsewhere in it but the crop marks at the corners.
        int[][] folds = {{97, 197}, {100, 200}};
        for (int side = 0; side < 2; side++) {
            BufferedImage image = PdfReading.page(pdf, side, 300);
            int y = (int) (0.8 * pxPerMm);
            for (int fold : folds[side]) {
                assertTrue(darkAround(image, (int) ((3 + fold) * pxPerMm), y), "fold mark at " + fold + " mm");
            }
            for (int free : new int[] {50, 150, 250}) {
                assertFalse(darkAround(image, (int) ((3 + free) * pxPerMm), y), "no mark at " + free + " mm");
            }
        }
    }

    @Test
    void usBrandGetsTheLetterTriFold() {
        Rendition<BrochurePdf> r = render(Corpus.document("coffee-huila"), triFold());
        for (PDRectangle box : BrochureRendererTest.pageSizes(r.body().pdf())) {
            assertEquals(11 * 72, box.getWidth(), 0.5);
            assertEquals(8.5 * 72, box.getHeight(), 0.5);
        }
        assertEquals(List.of("Letter tri-fold", "A4 tri-fold"), finding(r, "brochure.paper.northAmerican").args());
    }

    @ParameterizedTest
    @MethodSource("org.cristal.render.brochure.BrochureRendererTest#corpusStories")
    void everyCorpusTriFoldPassesVeraPdfAsPdfA2bAndDoesNotClaimToBeTagged(String name) throws IOException {
        byte[] pdf = render(Corpus.document(name), triFold().withPrintReady(true)).body().pdf();
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_B), name);
        try (PDDocument doc = PdfReading.load(pdf)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
            assertFalse(xmp.contains("pdfuaid"), "an untagged file must not claim PDF/UA");
            assertNull(doc.getDocumentCatalog().getStructureTreeRoot());
        }
    }

    @Test
    void storyFrontMatterChoosesTheTriFoldOverTheDefaultPaper() {
        StoryDocument doc = withBrochure(Corpus.document("boulangerie-levain").story(), "layout", "tri-fold");
        Rendition<BrochurePdf> r = render(doc, Brochures.options());
        assertEquals(297 * PT, BrochureRendererTest.pageSizes(r.body().pdf()).get(0).getWidth(), 0.5);
    }

    /** A story of numbered paragraphs, "Part001 …", each 32 words, a chapter heading every ten. */
    static StoryDocument longStory(int paragraphs) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= paragraphs; i++) {
            if (i % 10 == 1) {
                body.append("## Chapter ").append(i / 10 + 1).append("\n\n");
            }
            body.append(String.format("Part%03d", i)).append(" of the story tells how the bakers rise before dawn, "
                    + "shape the loaves by hand and bake them in the old wood oven that has warmed the street for forty "
                    + "years.\n\n");
        }
        Story s = new Story("long-tri-fold", "A long story", "", body.toString(), List.of(), "en", "", "", "",
                Optional.of(new Cta("Visit", "https://example.org/visit")), Status.DRAFT,
                Map.of("brochure", Map.of("paper", "tri-fold")), Map.of(), 1);
        return StoryDocument.of(s);
    }

    static StoryDocument withBrochure(Story s, String key, String value) {
        return StoryDocument.of(new Story(s.id(), s.title(), s.summary(), s.body(), s.tags(), s.lang(), s.brand(),
                s.image(), s.imageAlt(), s.cta(), s.status(), Map.of("brochure", Map.of(key, value)), s.extra(),
                s.bodyLine()));
    }

    private static List<Integer> markers(String text) {
        List<Integer> found = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** The characters drawn in a panel of an unbled page, squeezed, in drawing order. */
    private static String panel(List<PdfReading.Placed> page, double fromMm, double toMm) {
        StringBuilder out = new StringBuilder();
        for (PdfReading.Placed c : page) {
            if (c.xMm() >= fromMm && c.xMm() < toMm) {
                out.append(c.unicode());
            }
        }
        return PdfReading.squeeze(out.toString());
    }

    private static boolean darkAround(BufferedImage image, int x, int y) {
        for (int dx = -3; dx <= 3; dx++) {
            for (int dy = -3; dy <= 3; dy++) {
                int rgb = image.getRGB(x + dx, y + dy);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
