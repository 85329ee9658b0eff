package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.has;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.story.Asset;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Paper sizes, print-ready output and image resolution, as a print shop would check them. */
class BrochurePaperTest {
    private static final double PT = 72 / 25.4;

    @Test
    void longStoryRunsOverSeveralA4Pages() {
        Rendition<BrochurePdf> r = render(Corpus.document("coffee-huila"), Brochures.options());
        assertTrue(r.body().pages() >= 2, "pages " + r.body().pages());
    }

    @Test
    void usBrandPrintsOnLetterWithANote() {
        Rendition<BrochurePdf> r = render("coffee-huila");
        for (PDRectangle box : BrochureRendererTest.pageSizes(r.body().pdf())) {
            assertEquals(612, box.getWidth(), 1.0);
            assertEquals(792, box.getHeight(), 1.0);
        }
        assertEquals(Severity.INFO, finding(r, "brochure.paper.northAmerican").severity());
        assertEquals(List.of("Letter", "A4"), finding(r, "brochure.paper.northAmerican").args());
        assertFalse(has(render("boulangerie-levain"), "brochure.paper.northAmerican"), "Senlis, France stays on A4");
    }

    @Test
    void flyerIsA5AndHalfLetterForAUsBrand() {
        RenderOptions a5 = Brochures.options().withPaper(PaperSize.A5);
        for (PDRectangle box : BrochureRendererTest.pageSizes(render(Corpus.document("velo-atelier-solidaire"), a5)
                .body().pdf())) {
            assertEquals(148 * PT, box.getWidth(), 1.0);
            assertEquals(210 * PT, box.getHeight(), 1.0);
        }
        for (PDRectangle box : BrochureRendererTest.pageSizes(render(Corpus.document("coffee-huila"), a5).body().pdf())) {
            assertEquals(5.5 * 72, box.getWidth(), 1.0);
            assertEquals(8.5 * 72, box.getHeight(), 1.0);
        }
    }

    @Test
    void flyerKeepsEveryWordInsideItsNarrowerPage() {
        Rendition<BrochurePdf> r = render(Corpus.document("velo-atelier-solidaire"),
                Brochures.options().withPaper(PaperSize.A5));
        for (PdfReading.Glyph g : PdfReading.glyphs(r.body().pdf())) {
            assertTrue(g.right() <= g.pageWidth() - 10 * PT, "'" + g.unicode() + "' ends at " + g.right());
        }
        assertTrue(PdfReading.text(r.body().pdf()).contains("Ce que vous pouvez faire vous-même"));
    }

    @Test
    void addressPatternsFromTheUsAndCanadaAreRecognised() {
        for (String address : List.of("88 Pier Road, Portland, ME 04101, USA", "1 Main St, Austin, TX 78701",
                "200 Bay St, Toronto, ON M5J 2J1, Canada", "1 Infinite Loop, Cupertino, United States")) {
            assertTrue(Sheet.northAmerican(brandAt(address)), address);
        }
        for (String address : List.of("12 rue des Tanneurs, 60300 Senlis, France", "", "Calle Mayor 1, Madrid, ES",
                "Friedrichstraße 1, 10117 Berlin")) {
            assertFalse(Sheet.northAmerican(brandAt(address)), address);
        }
    }

    private static Brand brandAt(String address) {
        return new Brand("b", "B", "", "", "", null, null, null, new Brand.Contact(address, "", ""), Map.of(), Map.of());
    }

    @Test
    void printReadyPagesHaveBleedTrimBoxAndBleedBoxOnEveryPage() throws IOException {
        Rendition<BrochurePdf> r = render(Corpus.document("boulangerie-levain"),
                Brochures.options().withPrintReady(true));
        try (PDDocument doc = PdfReading.load(r.body().pdf())) {
            assertTrue(doc.getNumberOfPages() >= 1);
            for (PDPage page : doc.getPages()) {
                PDRectangle media = page.getMediaBox();
                assertEquals(216 * PT, media.getWidth(), 0.5, "A4 + 2 × 3 mm");
                assertEquals(303 * PT, media.getHeight(), 0.5);
                PDRectangle trim = page.getTrimBox();
                assertEquals(3 * PT, trim.getLowerLeftX(), 0.1);
                assertEquals(3 * PT, trim.getLowerLeftY(), 0.1);
                assertEquals(210 * PT, trim.getWidth(), 0.5);
                assertEquals(297 * PT, trim.getHeight(), 0.5);
                PDRectangle bleed = page.getBleedBox();
                assertEquals(media.getWidth(), bleed.getWidth(), 0.01);
                assertEquals(media.getHeight(), bleed.getHeight(), 0.01);
            }
        }
    }

    @Test
    void printReadyTextSitsWhereItDoesOnTheTrimmedPage() {
        String screen = PdfReading.text(render("boulangerie-levain").body().pdf());
        String print = PdfReading.text(render(Corpus.document("boulangerie-levain"),
                Brochures.options().withPrintReady(true)).body().pdf());
        assertEquals(screen, print, "same lines, same page breaks");
    }

    @Test
    void cropMarksAreDrawnInTheBleedAtEveryCornerAndNowhereOnTheScreenVersion() {
        int dpi = 300;
        BufferedImage print = PdfReading.page(render(Corpus.document("boulangerie-levain"),
                Brochures.options().withPrintReady(true)).body().pdf(), 0, dpi);
        int bleed = (int) Math.round(3 / 25.4 * dpi);
        int w = print.getWidth();
        int h = print.getHeight();
        // Each corner of the sheet: the trim lines drawn on into the 3 × 3 mm square outside the trim.
        int side = bleed + 2;
        for (int[] corner : new int[][] {{0, 0}, {w - side, 0}, {0, h - side}, {w - side, h - side}}) {
            assertTrue(darkPixels(print, corner[0], corner[1], side, side) > 2 * bleed / 3,
                    "no crop mark at " + corner[0] + "," + corner[1]);
        }
        // Nothing in the middle of the bleed strips: marks are only at the corners.
        assertEquals(0, darkPixels(print, w / 2 - 50, 0, 100, bleed - 1), "top bleed strip");
        BufferedImage screen = PdfReading.page(render("boulangerie-levain").body().pdf(), 0, dpi);
        assertEquals(0, darkPixels(screen, 0, 0, side, side), "the screen version has no marks");
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (lum < 3 * 128) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void printReadyBrochureStillPassesVeraPdf() {
        for (String name : List.of("boulangerie-levain", "coffee-huila")) {
            byte[] pdf = render(Corpus.document(name), Brochures.options().withPrintReady(true)).body().pdf();
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_B), name);
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1), name);
        }
    }

    @Test
    void photoResolutionIsJudgedAtItsPrintedWidth() {
        // hero-levain.jpg is 1,600 px wide: 239 dpi across A4's 170 mm column, 328 dpi across A5's 124 mm.
        StoryDocument levain = Corpus.document("boulangerie-levain");
        Rendition<BrochurePdf> a4 = render(levain, Brochures.options());
        assertEquals(List.of("../images/hero-levain.jpg", 239, 300), finding(a4, "brochure.image.lowResolution").args());
        assertFalse(has(render(levain, Brochures.options().withPaper(PaperSize.A5)), "brochure.image.lowResolution"));
    }

    @Test
    void smallLogoIsFlaggedAtItsPrintedWidth() {
        // A 150 px logo printed 20 mm wide is 190 dpi.
        byte[] png = PdfReading.png(150, 150);
        RenderOptions options = Brochures.options().withAssets(ref -> ref.equals("tiny-logo.png")
                ? java.util.Optional.of(new Asset("tiny-logo.png", "image/png", png, 150, 150))
                : java.util.Optional.empty());
        Brand brand = new Brand("t", "Tiny", "", "", "tiny-logo.png", null, null, null, null, Map.of(), Map.of());
        Rendition<BrochurePdf> r = Brochures.RENDERER.render(Corpus.document("osteo-samedi"), brand, options);
        assertEquals(List.of("tiny-logo.png", 191, 300, 20), finding(r, "brochure.logo.lowResolution").args());
        assertFalse(has(render("osteo-samedi"), "brochure.logo.lowResolution"), "512 px is 650 dpi");
    }
}
