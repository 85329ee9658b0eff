package org.cristal.render.brochure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import java.awt.geom.Path2D;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * QR codes drawn as vector rectangles straight into the PDF (no bitmap, so they print crisply at
 * any size). The page holds {@code <object type="cristal/qr" id="...">}; this factory draws the
 * matrix encoded for that id. Objects with other ids or types are not drawn.
 */
final class QrCodes implements FSObjectDrawerFactory {
    static final String TYPE = "cristal/qr";
    private static final FSRGBColor INK = new FSRGBColor(0, 0, 0);

    private final Map<String, BitMatrix> codes = new HashMap<>();

    /** Encodes text and returns the id to put on the object element, or empty if it does not fit a QR code. */
    Optional<String> add(String text) {
        try {
            Map<EncodeHintType, Object> hints = Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 0);
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            String id = "qr-" + codes.size();
            codes.put(id, matrix);
            return Optional.of(id);
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isReplacedObject(Element e) {
        return TYPE.equals(e.getAttribute("type")) && codes.containsKey(e.getAttribute("id"));
    }

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        BitMatrix matrix = isReplacedObject(e) ? codes.get(e.getAttribute("id")) : null;
        if (matrix == null) {
            return null;
        }
        return (element, x, y, width, height, device, ctx, dotsPerPixel) -> {
            double module = Math.min(width / matrix.getWidth(), height / matrix.getHeight());
            // One path of horizontal runs: a few hundred operators instead of one per module.
            Path2D.Double path = new Path2D.Double();
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
                    path.append(new java.awt.geom.Rectangle2D.Double(x + start * module, y + row * module,
                            (col - start) * module, module), false);
                }
            }
            device.setColor(INK);
            device.fill(path);
            return null;
        };
    }
}
