package org.cristal.render.brochure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws one contact's parts over a mailed brochure: the sender's line, the address block and the QR code
 * with their token (see {@link MailLayout} for where). Text in Noto Sans, embedded as a subset; the QR code
 * as vector squares like the brochure's own.
 */
final class MailOverlay {
    static final float PT = 72f / 25.4f;
    /** The tri-fold's landscape mailing panel: sender, address block, QR code (x, y from the top, w, h in mm). */
    private static final double[] PANEL_SENDER = {10, 10, 90, 24};
    private static final double[] PANEL_ADDRESS = {105, 50, 95, 40};
    private static final double[] PANEL_QR = {12, 50, 30};
    private static final double[] PANEL_CAPTION = {46, 52, 50, 30};

    private final PDDocument doc;
    private final PDType0Font font;

    /**
     * The font parsed once per thread, not once per copy (a parsed font is not safe to share between threads);
     * each document still embeds its own subset.
     */
    private static final ThreadLocal<TrueTypeFont> SANS = ThreadLocal.withInitial(() -> {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(BrochureFonts.bytes("NotoSans-Regular.ttf")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    MailOverlay(PDDocument doc) throws IOException {
        this.doc = doc;
        this.font = PDType0Font.load(doc, SANS.get(), true);
    }

    /**
     * @param trim       the trimmed page in PDF points (the bleed lies outside it)
     * @param sender     the brand's name and address on one line ("" for none)
     * @param caption    the call to action's words beside the QR code ("" for none)
     * @param qrLink     the contact's own link, or "" for no QR code
     */
    void draw(PDPageContentStream cs, PDRectangle trim, MailLayout mail, String sender, List<String> address,
            String qrLink, String caption) throws IOException {
        if (!mail.triFold()) {
            Frame page = new Frame(trim.getLowerLeftX(), trim.getLowerLeftY(), trim.getHeight() / PT);
            double[] a = mail.address();
            double senderSize = 6.5;
            double senderHeight = sender.isEmpty() ? 0 : senderSize * 1.6 / PT;
            if (!sender.isEmpty()) {
                lines(cs, page, List.of(sender), a[0], a[1], a[2], senderHeight, senderSize);
            }
            lines(cs, page, address, a[0], a[1] + senderHeight + 1, a[2], a[3] - senderHeight - 1, 10);
            qr(cs, page, mail.qr(), qrLink, caption);
            return;
        }
        // The mailing panel, read in landscape: the frame's x runs up the panel, its top is the panel's left edge.
        double panelLeft = trim.getLowerLeftX() + mail.panelMm()[0] * PT;
        double width = mail.panelMm()[1];
        cs.saveGraphicsState();
        cs.transform(new Matrix(0, 1, -1, 0, (float) (panelLeft + width * PT), trim.getLowerLeftY()));
        Frame land = new Frame(0, 0, width);
        if (!sender.isEmpty()) {
            lines(cs, land, List.of(sender.split("\n")), PANEL_SENDER[0], PANEL_SENDER[1], PANEL_SENDER[2],
                    PANEL_SENDER[3], 8);
        }
        lines(cs, land, address, PANEL_ADDRESS[0], PANEL_ADDRESS[1], PANEL_ADDRESS[2], PANEL_ADDRESS[3], 10.5);
        if (!qrLink.isEmpty()) {
            qr(cs, land, PANEL_QR, qrLink, "");
            if (!caption.isEmpty()) {
                lines(cs, land, wrap(caption, 30, 3), PANEL_CAPTION[0], PANEL_CAPTION[1], PANEL_CAPTION[2],
                        PANEL_CAPTION[3], 9);
            }
        }
        cs.restoreGraphicsState();
    }

    /** One address label's lines, from the top of the box (x, y from the page's top-left, in mm). */
    void label(PDPageContentStream cs, PDRectangle page, List<String> address, double x, double y, double w, double h)
            throws IOException {
        lines(cs, new Frame(page.getLowerLeftX(), page.getLowerLeftY(), page.getHeight() / PT), address, x, y, w, h, 10);
    }

    /** An area of the page in millimetres from its top-left corner: {@code left, bottom} in points, height in mm. */
    private record Frame(double left, double bottom, double heightMm) {
        float x(double mm) {
            return (float) (left + mm * PT);
        }

        float y(double mmFromTop) {
            return (float) (bottom + (heightMm - mmFromTop) * PT);
        }
    }

    /** Lines from the top of a box, the type made smaller until the longest fits its width and they fit its height. */
    private void lines(PDPageContentStream cs, Frame f, List<String> text, double x, double y, double w, double h,
            double size) throws IOException {
        List<String> printable = new ArrayList<>();
        for (String line : text) {
            if (!line.isBlank()) {
                printable.add(printable(line.strip()));
            }
        }
        if (printable.isEmpty()) {
            return;
        }
        double s = size;
        for (String line : printable) {
            double width = font.getStringWidth(line) / 1000 * s / PT;
            if (width > w) {
                s = s * w / width;
            }
        }
        s = Math.min(s, h * PT / (printable.size() * 1.2));
        cs.beginText();
        cs.setFont(font, (float) s);
        cs.setLeading((float) (s * 1.2));
        cs.newLineAtOffset(f.x(x), f.y(y) - (float) s);
        for (String line : printable) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    /** The text with each character the font cannot print as "?" (a name in a script Noto Sans lacks). */
    private String printable(String line) {
        try {
            font.encode(line);
            return line;
        } catch (IllegalArgumentException | IOException e) {
            StringBuilder out = new StringBuilder();
            line.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IllegalArgumentException | IOException ex) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    private void qr(PDPageContentStream cs, Frame f, double[] square, String link, String caption) throws IOException {
        if (link.isEmpty()) {
            return;
        }
        BitMatrix matrix = encode(link);
        if (matrix == null) {
            return;
        }
        double module = square[2] / matrix.getWidth();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                double top = square[1] + row * module;
                cs.addRect(f.x(square[0] + start * module), f.y(top + module), (float) ((col - start) * module * PT),
                        (float) (module * PT));
            }
        }
        cs.fill();
        if (!caption.isEmpty()) {
            lines(cs, f, wrap(caption, 22, 2), square[0] - 2, square[1] + square[2] + 1.5, square[2] + 4, 8, 7);
        }
    }

    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 0));
        } catch (WriterException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Words into at most {@code max} lines of about {@code chars} characters; the rest is cut with "…". */
    static List<String> wrap(String text, int chars, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        if (out.size() > max) {
            List<String> cut = new ArrayList<>(out.subList(0, max));
            cut.set(max - 1, cut.get(max - 1) + "…");
            return cut;
        }
        return out;
    }

    PDDocument document() {
        return doc;
    }
}
