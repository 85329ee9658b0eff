package org.cristal.ui.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the editor at dialog size with a corpus brand kit and writes PNGs to
 * {@code target/snapshots/} for a person to look at; asserts only that the picture is the size asked.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Tag("snapshot")
class BrandEditorSnapshotTest {
    @TempDir
    Path dir;
    private Workspace ws;
    private BrandEditorModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ws = Workspace.open(dir.resolve("client.cristal"));
        for (String id : List.of("boulangerie-martin", "harbor-pine", "atelier-velo-rouge", "osteo-lumiere")) {
            ws.brands().save(id, Files.readString(Corpus.brand(id)));
        }
        model = new BrandEditorModel(ws, Runnable::run, Runnable::run);
        model.select("boulangerie-martin");
        Locale locale = Locale.forLanguageTag(System.getProperty("cristal.snapshot.lang", "en"));
        scene = new Scene(new BrandEditor(StudioWindow.bundle(locale), locale, model), 1100, 700);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void editorWithACorpusBrand(FxRobot robot) throws IOException {
        assertEquals(1100, write(robot, "brand-editor.png").getWidth());
    }

    @Test
    void editorWithProblems(FxRobot robot) throws IOException {
        robot.interact(() -> {
            model.textColorProperty().set("#C8B8A8");
            model.websiteProperty().set("boulangerie-martin.example");
            model.save();
        });
        assertEquals(700, write(robot, "brand-editor-problems.png").getHeight());
    }

    @Test
    void editorScrolledToTheEnd(FxRobot robot) throws IOException {
        robot.interact(() -> robot.lookup("#brandFormScroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        assertEquals(700, write(robot, "brand-editor-end.png").getHeight());
    }

    private BufferedImage write(FxRobot robot, String name) throws IOException {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.getRoot().snapshot(null, null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path target = Path.of("target", "snapshots");
        Files.createDirectories(target);
        ImageIO.write(out, "png", target.resolve(name).toFile());
        return out;
    }
}
