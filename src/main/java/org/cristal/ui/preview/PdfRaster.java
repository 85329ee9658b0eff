package org.cristal.ui.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * One PDF page as a JavaFX image, made on a background thread. The pixels are copied by hand (there
 * is no javafx-swing here); an image not yet in a scene may be filled on any thread.
 */
final class PdfRaster {
    static final int MIN_DPI = 36;
    static final int MAX_DPI = 300;

    /** A rasterised page; {@code widthPt} is the page's width in PDF points (1/72 inch). */
    record Page(int index, int count, WritableImage image, float widthPt, float heightPt) {
    }

    /** The images drawn on earlier pages: typing brings the same hero image and logo in every new PDF. */
    private static final RasterImages IMAGES = new RasterImages();

    private PdfRaster() {
    }

    /** Page {@code index} (clamped to the document) about {@code widthPx} pixels wide. */
    static Page render(byte[] pdf, int index, double widthPx) throws IOException {
        // A fresh document per page: PDDocument is not thread-safe and loading a brochure takes milliseconds.
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                throw new IOException("the PDF has no page");
            }
            int i = Math.max(0, Math.min(index, count - 1));
            PDRectangle box = doc.getPage(i).getCropBox();
            float dpi = (float) Math.max(MIN_DPI, Math.min(MAX_DPI, widthPx / box.getWidth() * 72));
            BufferedImage image = raster(doc, i, dpi);
            return new Page(i, count, toFx(image), box.getWidth(), box.getHeight());
        }
    }

    /** Page {@code index} at {@code dpi}, its images taken from the ones drawn before when they are the same. */
    static BufferedImage raster(PDDocument doc, int index, float dpi) throws IOException {
        PDFRenderer renderer = new PDFRenderer(doc) {
            @Override
            protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
                return IMAGES.drawer(parameters);
            }
        };
        return renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
    }

    static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
