package org.cristal.render.brochure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cristal.story.Asset;

/**
 * Checks an image before it goes to print: readable, complete (a truncated JPEG has a valid header
 * but no end marker, and would print as a grey smear), and its resolution at the printed width.
 * Structural checks only, no decoding: this runs on every keystroke.
 */
final class PrintImages {
    /** Print shops ask for 300 dpi at printed size. */
    static final int PRINT_DPI = 300;

    /** Prepared PNGs by content hash and background; small, as a story uses a few images. */
    private static final Map<String, byte[]> PREPARED = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 32;
        }
    });

    private PrintImages() {
    }

    /**
     * The bytes to embed. A JPEG goes in as it is (PDF takes JPEG data unchanged). A PNG with
     * transparency, a palette or interlacing would be decoded and re-compressed by PDFBox on every
     * render; it is flattened once onto the colour it is printed on, scaled down to {@code maxPixels}
     * wide if larger, and stored as a plain RGB PNG that PDFBox copies without decoding.
     */
    static byte[] prepared(Asset asset, int background, int maxPixels) {
        if (!"image/png".equals(asset.mediaType()) && !"image/gif".equals(asset.mediaType())) {
            return asset.bytes();
        }
        String key = hash(asset.bytes()) + "/" + Integer.toHexString(background) + "/" + maxPixels;
        byte[] done = PREPARED.get(key);
        if (done == null) {
            done = flatten(asset, background, maxPixels);
            PREPARED.put(key, done);
        }
        return done;
    }

    private static byte[] flatten(Asset asset, int background, int maxPixels) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(asset.bytes()));
            if (source == null) {
                return asset.bytes();
            }
            double scale = Math.min(1.0, maxPixels / (double) source.getWidth());
            int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
            BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setColor(new Color(background));
                g.fillRect(0, 0, w, h);
                g.drawImage(source, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return asset.bytes();
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(Arrays.copyOf(d, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 40 megapixels: more than any camera photo a small business prints, and far less than the
     * gigabytes a few-kilobyte file claiming 30,000 × 30,000 pixels would need once decoded.
     */
    static final long MAX_PIXELS = 40_000_000L;

    static boolean printable(Asset asset) {
        if (asset == null || !asset.isImage() || (long) asset.width() * asset.height() > MAX_PIXELS) {
            return false;
        }
        byte[] b = asset.bytes();
        return switch (asset.mediaType()) {
            case "image/jpeg" -> jpegComplete(b);
            case "image/png" -> pngComplete(b);
            case "image/gif" -> b.length > 0 && tailHas(b, new byte[] {0x3B}, 16);
            default -> false;
        };
    }

    static int dpi(Asset asset, double printedWidthMm) {
        return (int) Math.round(asset.width() / (printedWidthMm / 25.4));
    }

    // Entropy-coded data never holds FF D9 or FF DA (0xFF is always stuffed), so a file is whole when an
    // end-of-image marker follows the last start-of-scan marker. Reading backwards stops at the first of them.
    private static boolean jpegComplete(byte[] b) {
        for (int i = b.length - 2; i >= 0; i--) {
            if ((b[i] & 0xFF) == 0xFF) {
                int m = b[i + 1] & 0xFF;
                if (m == 0xD9) {
                    return true;
                }
                if (m == 0xDA) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean pngComplete(byte[] b) {
        return tailHas(b, new byte[] {'I', 'E', 'N', 'D'}, 64);
    }

    private static boolean tailHas(byte[] b, byte[] needle, int window) {
        int from = Math.max(0, b.length - window);
        outer:
        for (int i = b.length - needle.length; i >= from; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
