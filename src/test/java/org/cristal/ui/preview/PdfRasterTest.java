package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The brochure page in the preview, drawn with the images it drew before, is the page the PDF holds. */
class PdfRasterTest {
    @Test
    void aBrochurePageRasterisedAgainLooksLikeThePdfDrawnFromScratch() throws IOException {
        byte[] pdf = PreviewFixtures.render("coffee-huila").brochure().body().pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage plain = new PDFRenderer(doc).renderImageWithDPI(0, 60, ImageType.RGB);
            PdfRaster.raster(doc, 0, 60);
            // The second time the hero image and the logo come from the cache.
            BufferedImage again = PdfRaster.raster(doc, 0, 60);
            assertEquals(plain.getWidth(), again.getWidth());
            assertTrue(meanDifference(plain, again) < 2.0, "mean difference " + meanDifference(plain, again));
        }
    }

    @Test
    void aHeroImageChangedBetweenTwoRastersIsDrawnAnew() throws IOException {
        assertColour(Color.RED.getRGB(), centre(pageWith(Color.RED)));
        assertColour(Color.BLUE.getRGB(), centre(pageWith(Color.BLUE)));
    }

    /** A page whose middle is a large JPEG of one colour, drawn much smaller than it is (so it is scaled down). */
    private static byte[] pageWith(Color colour) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(colour);
            g.fillRect(0, 0, 1600, 1200);
            g.dispose();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(JPEGFactory.createFromImage(doc, image), 20, 20, 380, 285);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static int centre(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = PdfRaster.raster(doc, 0, 72);
            return page.getRGB(20 + 190, page.getHeight() - 20 - 142);
        }
    }

    private static void assertColour(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = (expected >> shift) & 0xff;
            int b = (actual >> shift) & 0xff;
            assertTrue(Math.abs(a - b) <= 40, String.format("expected #%06x, was #%06x", expected, actual));
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
