package org.cristal.ui.results;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** A chart as a PNG file: a snapshot of the node as it is on screen, written without javafx.swing. */
final class PngExport {
    private PngExport() {
    }

    /** Must run on the FX thread (the snapshot); the writing is quick. */
    static void write(Node node, Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        write(node.snapshot(params, null), file);
    }

    static void write(Image image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
