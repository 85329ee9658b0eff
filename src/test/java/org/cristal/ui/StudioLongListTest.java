package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cristal.library.Stories;
import org.cristal.library.StoryFilter;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.publish.MutableClock;
import org.cristal.ui.library.StoryItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sidebar on a workspace of 1,200 stories: read in pages, yet every one reachable by keyboard and kept selected. */
@ExtendWith(ApplicationExtension.class)
class StudioLongListTest {
    private static final int STORIES = 1_200;
    @TempDir
    Path dir;
    Studio studio;
    Path file;

    @TempDir
    static Path shared;
    static Path template;
    static List<String> order;

    /** Made once: saving 1,200 stories on the FX thread of every test would outlast TestFX's set-up. */
    @BeforeAll
    static void workspace() throws Exception {
        template = shared.resolve("long.cristal");
        // Ten batches a day apart: the newest batch is listed first.
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        try (Workspace ws = Workspace.open(template, clock)) {
            for (int batch = 0; batch < 10; batch++) {
                List<Stories.Draft> drafts = new ArrayList<>();
                for (int i = batch * STORIES / 10; i < (batch + 1) * STORIES / 10; i++) {
                    drafts.add(new Stories.Draft(String.format("note-%04d", i), "---\ntitle: \"Note " + i
                            + "\"\nlang: en\n---\n\nOur bread number " + i + ".\n", ""));
                }
                ws.stories().saveAll(drafts);
                clock.advance(Duration.ofDays(1));
            }
            order = ws.stories().list(StoryFilter.ALL).stream().map(StorySummary::id).toList();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("long.cristal");
        Files.copy(template, file);
        studio = StudioUnderTest.start(stage, dir, file, "en", 1280, 800, List.of());
    }

    private ListView<StoryItem> list(FxRobot robot) {
        return robot.lookup("#storyList").queryListView();
    }

    @Test
    void theEndKeyReachesTheOldestStoryAndOpensIt(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        assertEquals(STORIES, (int) fx(() -> list(robot).getItems().size()));
        robot.clickOn("#storyList");
        robot.press(KeyCode.END).release(KeyCode.END);
        String oldest = order.get(STORIES - 1);
        waitFor(() -> studio.model().editor().storyId().equals(oldest));
        waitFor(() -> oldest.equals(list(robot).getSelectionModel().getSelectedItem().id()));
        assertEquals("1,200 stories", fx(() -> robot.lookup("#storyCount").queryLabeled().getText()));
    }

    @Test
    void theSelectedStoryStaysSelectedWhenTheListIsReadAgain(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        String picked = order.get(7);
        fx(() -> {
            list(robot).getSelectionModel().select(7);
            return null;
        });
        waitFor(() -> studio.model().editor().storyId().equals(picked));
        // What a save, a publication or another window's change does to the list.
        fx(() -> studio.model().library().refresh()).get();
        Thread.sleep(300);
        assertEquals(picked, fx(() -> list(robot).getSelectionModel().getSelectedItem().id()));
        assertEquals(picked, fx(() -> studio.model().editor().storyId()));
    }
}
