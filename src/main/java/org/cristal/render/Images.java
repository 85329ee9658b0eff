package org.cristal.render;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cristal.story.Asset;

/** Reads image dimensions without decoding pixels, so a truncated or fake image is simply "not an image". */
public final class Images {
    private Images() {
    }

    /** An asset for these bytes; width and height are 0 when the bytes are not a readable image. */
    public static Asset asset(String name, byte[] bytes) {
        String declared = mediaType(name);
        int[] size = dimensions(bytes);
        String type = size[0] > 0 ? sniffedType(bytes, declared) : declared;
        return new Asset(name, type, bytes, size[0], size[1]);
    }

    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return new int[] {0, 0};
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0};
        }
    }

    private static String sniffedType(byte[] b, String fallback) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "image/gif";
        }
        return fallback;
    }

    /** The media type a file name announces; the bytes are sniffed when they are a readable image. */
    public static String mediaType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        if (n.endsWith(".webp")) {
            return "image/webp";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
