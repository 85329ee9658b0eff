package org.cristal.support;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Made src/test/resources/corpus/images/lowres-photo.jpg: a 240 × 160 px picture of a cup on a table,
 * too small for print (35 dpi across a Letter column) and for a large link preview. Kept to remake it:
 * {@code java -cp target/test-classes org.cristal.support.LowResPhoto src/test/resources/corpus/images}.
 */
public final class LowResPhoto {
    public static final int WIDTH = 240;
    public static final int HEIGHT = 160;

    private LowResPhoto() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : ".").resolve("lowres-photo.jpg");
        if (!ImageIO.write(image(), "jpg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
    }

    static BufferedImage image() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xE8DCC4), 0, HEIGHT, new Color(0x8A6A4A)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0xF4F1EA));
        g.fillOval(70, 30, 100, 100);
        g.setColor(new Color(0x4A2C1A));
        g.fillOval(85, 45, 70, 70);
        g.setColor(new Color(0xC89B6D));
        g.fillOval(105, 65, 30, 20);
        g.dispose();
        // Grain, so the JPEG looks and compresses like a photo rather than a drawing.
        Random random = new Random(240160);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = img.getRGB(x, y);
                int n = random.nextInt(17) - 8;
                int r = clamp(((rgb >> 16) & 0xFF) + n);
                int gr = clamp(((rgb >> 8) & 0xFF) + n);
                int b = clamp((rgb & 0xFF) + n);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
