package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.model.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window comes up in two steps: the editor with the story first, then the menus, sidebar, form and
 * previews. What a user does in between is kept, and the parts built later show what happened before.
 */
@ExtendWith(ApplicationExtension.class)
class StudioStartupTest {
    private static final String TYPED = " Pétrissage lent, quarante-huit heures.";

    @TempDir
    Path dir;
    Studio studio;
    /** What the window had when the story first reached the editor. */
    final AtomicReference<String> firstFrame = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        // Only the story's arrival, not the fallback timer, may start the rest: the order is then certain.
        StudioWindow.restAtTheLatest(Duration.minutes(5));
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain")), "");
        }
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        settings.put("welcome.shown", "true");
        settings.put("language", "fr");
        settings.setSpellingEnabled(false);
        studio = new Studio(stage, settings, Optional.of(file), null);
        studio.start();
        studio.model().editor().onOpened(() -> {
            if (firstFrame.get() == null) {
                StudioWindow w = studio.window();
                firstFrame.set("built=" + w.built() + " sidebar=" + w.sidebar() + " previews=" + w.previews());
                // Typed before the rest of the window exists.
                w.editor().area().appendText(TYPED);
            }
        });
    }

    @AfterEach
    void restoreTheFallback() {
        StudioWindow.restAtTheLatest(Duration.millis(1500));
    }

    @Test
    void theStoryIsInTheEditorBeforeTheRestOfTheWindowIsBuilt(FxRobot robot) throws Exception {
        waitFor(() -> firstFrame.get() != null);
        assertEquals("built=false sidebar=null previews=null", firstFrame.get());
        waitFor(() -> studio.window().built());
        assertTrue(robot.lookup("#menuBar").tryQuery().isPresent(), "the menus arrive");
        assertTrue(robot.lookup("#previewGrid").tryQuery().isPresent(), "the previews arrive");
        assertTrue(robot.lookup("#formScroll").tryQuery().isPresent(), "the form arrives");
    }

    @Test
    void wordsTypedBeforeTheRestIsBuiltAreKeptAndPreviewed(FxRobot robot) throws Exception {
        waitFor(() -> firstFrame.get() != null && studio.window().built());
        waitFor(() -> studio.model().editor().bodyProperty().get().endsWith(TYPED));
        // The previews, built after the words were typed, show them.
        waitFor(() -> {
            var all = studio.model().preview().renditionsProperty().get();
            return all != null && all.web().body().html().contains("quarante-huit heures");
        });
        waitFor(() -> studio.previewsShown());
        assertTrue(fx(() -> studio.window().editor().area().getText().endsWith(TYPED)));
        // The sidebar, built after the story opened, shows it as the open one.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.cristal.ui.library.StoryItem> list =
                robot.lookup("#storyList").queryAs(javafx.scene.control.ListView.class);
        String open = studio.model().editor().storyId();
        waitFor(() -> list.getSelectionModel().getSelectedItem() != null
                && open.equals(list.getSelectionModel().getSelectedItem().id()));
    }
}
