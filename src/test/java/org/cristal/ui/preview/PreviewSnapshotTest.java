package org.cristal.ui.preview;

import static org.cristal.ui.preview.PreviewFixtures.onFx;
import static org.cristal.ui.preview.PreviewFixtures.runFx;
import static org.cristal.ui.preview.PreviewFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.cristal.render.Renderers;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The grid with a French story, as a PNG under target/snapshots, for a person to look at. */
@ExtendWith(ApplicationExtension.class)
class PreviewSnapshotTest {
    private PreviewGrid grid;

    @Start
    void start(Stage stage) {
        PreviewFixtures.theme();
        grid = new PreviewGrid(PreviewFixtures.bundle(Locale.FRENCH), Locale.FRENCH, PreviewFixtures.POOL);
        stage.setScene(new Scene(grid, 1200, 800));
        stage.show();
    }

    @Test
    void frenchStoryInTheGridSnapshot() throws IOException {
        Renderers.All all = PreviewFixtures.render("boulangerie-levain");
        runFx(() -> {
            grid.setBrand(Corpus.loadBrand("boulangerie-martin"));
            grid.show(all);
        });
        waitUntil("every preview is drawn", () -> grid.web().htmlView().isIdle() && grid.email().htmlView().isIdle()
                && ((javafx.scene.control.Label) grid.lookup("#brochurePage")).getText().startsWith("Page 1 /"));
        Path file = PreviewFixtures.snapshot(grid, "preview-grid-fr");
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(800, png.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 7) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 200, "the previews drew something (" + colours.size() + " colours)");
        assertEquals("Réseaux sociaux", onFx(() -> grid.lookupAll(".preview-title").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.startsWith("R")).findFirst()
                .orElse("")));
    }
}
