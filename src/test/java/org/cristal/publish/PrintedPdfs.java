package org.cristal.publish;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Printed files read back as a print shop or a postman meets them: text in an area, the QR code, page counts. */
final class PrintedPdfs {
    private static final float PT = 72f / 25.4f;

    private PrintedPdfs() {
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text inside a rectangle of a page (0-based), in millimetres from its top-left corner. */
    static String textIn(Path pdf, int page, double x, double y, double w, double h) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion("r", new Rectangle2D.Double(x * PT, y * PT, w * PT, h * PT));
            area.extractRegions(doc.getPage(page));
            return area.getTextForRegion("r");
        }
    }

    static Optional<String> qrCode(Path pdf, int page) throws IOException {
        BufferedImage image;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            image = new PDFRenderer(doc).renderImageWithDPI(page, 200, ImageType.RGB);
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
