package org.cristal.render.brochure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a brochure back the way a reader meets it: text, glyphs, rendered pages, QR codes. */
final class PdfReading {
    private PdfReading() {
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // openhtmltopdf draws styled runs of a line separately; reading order needs positions.
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters as lines read top to bottom, each left to right (baselines within 1 mm are one line). */
    static String lines(List<Placed> chars) {
        java.util.TreeMap<Long, List<Placed>> lines = new java.util.TreeMap<>();
        for (Placed c : chars) {
            lines.computeIfAbsent(Math.round(c.yMm()), k -> new ArrayList<>()).add(c);
        }
        StringBuilder out = new StringBuilder();
        for (List<Placed> line : lines.values()) {
            line.sort(java.util.Comparator.comparingDouble(Placed::xMm));
            double end = Double.NaN;
            for (Placed c : line) {
                if (!Double.isNaN(end) && c.xMm() - end > 0.8) {
                    out.append(' ');
                }
                out.append(c.unicode());
                end = c.xMm() + c.widthMm();
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The text in the order it is drawn: a table cell's lines follow one another. */
    static String drawnText(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with the hyphens that end a line (where a word was broken) taken out, and the word joined. */
    static String unhyphenated(String text) {
        return text.replaceAll("(?<=\\p{L})-\\R(?=\\p{L})", "");
    }

    /** Text without any kind of space or line break, so words split by line wrapping compare equal. */
    static String squeeze(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != 0xAD)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A character as placed on a page, in millimetres: its left edge from the page's left edge, its baseline
     * from the page's top, its advance.
     */
    record Placed(String unicode, double xMm, double yMm, double widthMm) {
    }

    /** Every character of every page, in drawing order, with where it starts. */
    static List<List<Placed>> placed(byte[] pdf) {
        List<List<Placed>> pages = new ArrayList<>();
        try (PDDocument doc = load(pdf)) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                List<Placed> chars = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        chars.add(new Placed(text.getUnicode(), text.getXDirAdj() * 25.4 / 72,
                                text.getYDirAdj() * 25.4 / 72, text.getWidthDirAdj() * 25.4 / 72));
                    }
                };
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                stripper.getText(doc);
                pages.add(chars);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** A glyph as drawn: the text it stands for and whether the font had a real glyph for it. */
    record Glyph(String unicode, String font, boolean notdef, float right, float pageWidth) {
    }

    static List<Glyph> glyphs(byte[] pdf) {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    PDFont font = text.getFont();
                    boolean notdef = false;
                    for (int code : text.getCharacterCodes()) {
                        try {
                            if (font instanceof PDType0Font t0 && t0.codeToGID(code) == 0) {
                                notdef = true;
                            }
                        } catch (IOException e) {
                            notdef = true;
                        }
                    }
                    glyphs.add(new Glyph(text.getUnicode(), font.getName(), notdef, text.getXDirAdj() + text.getWidthDirAdj(),
                            text.getPageWidth()));
                    super.processTextPosition(text);
                }
            };
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return glyphs;
    }

    static BufferedImage page(byte[] pdf, int index, float dpi) {
        try (PDDocument doc = load(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(index, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> qrCode(BufferedImage image) {
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

    /** The QR code found on any page, rendered at print-preview resolution. */
    static Optional<String> qrCode(byte[] pdf) {
        int pages;
        try (PDDocument doc = load(pdf)) {
            pages = doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = pages - 1; i >= 0; i--) {
            Optional<String> found = qrCode(page(pdf, i, 150));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A plain opaque PNG of the given size, for tests that need an image of a known resolution. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x7A4B2A));
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
