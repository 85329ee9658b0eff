package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.story.Finding;
import org.cristal.ui.library.StoryItem;
import org.cristal.ui.model.Settings;
import org.cristal.ui.preview.PreviewLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Keyboard shortcuts, delete and undo, findings that jump, errors that speak, settings that stick. */
@ExtendWith(ApplicationExtension.class)
class StudioCommandsTest {
    @TempDir
    Path dir;
    Studio studio;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("atelier.cristal");
        studio = StudioUnderTest.start(stage, dir, file, "velo-atelier-solidaire", "osteo-samedi");
    }

    private void ready() throws Exception {
        waitFor(() -> studio.model().editor().isOpen() && studio.model().preview().renditionsProperty().get() != null);
    }

    @Test
    void controlDigitsSwitchThePreviewLayoutAndItIsRemembered(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#markdownArea");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitFor(() -> studio.model().settings().get("layout", "").equals(PreviewLayout.SOCIAL.name()));
        assertTrue(robot.lookup("#socialPreview").tryQuery().isPresent());
        double grid = fx(() -> robot.lookup("#previewGrid").query().getLayoutBounds().getWidth());
        waitFor(() -> robot.lookup("#socialPreview").query().getLayoutBounds().getWidth() > grid * 0.9);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(() -> studio.model().settings().get("layout", "").equals(PreviewLayout.GRID.name()));
    }

    @Test
    void controlNCreatesAStoryAndControlFGoesToSearch(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#markdownArea");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> studio.model().editor().storyId().startsWith("new-story"));
        waitFor(() -> robot.lookup("#storyList").queryListView().getItems().size() == 3);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#searchField").query().isFocused());
    }

    @Test
    void deleteAsksMovesToTheTrashAndUndoBringsItBack(FxRobot robot) throws Exception {
        ready();
        String id = fx(() -> studio.model().editor().storyId());
        robot.clickOn("#deleteStory");
        robot.clickOn("#confirmDelete");
        waitFor(() -> robot.lookup("#storyList").queryListView().getItems().size() == 1);
        waitFor(() -> studio.model().library().trash().size() == 1);
        try (Workspace other = Workspace.open(file)) {
            assertFalse(other.stories().exists(id));
        }
        fx(() -> studio.model().library().untrash(studio.model().library().trash().get(0))).get(30, TimeUnit.SECONDS);
        waitFor(() -> {
            ListView<?> list = robot.lookup("#storyList").queryListView();
            return list.getItems().stream().anyMatch(i -> ((StoryItem) i).id().equals(id));
        });
    }

    @Test
    void cancellingDeleteKeepsTheStory(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#deleteStory");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Thread.sleep(300);
        assertEquals(2, (int) fx(() -> robot.lookup("#storyList").queryListView().getItems().size()));
        assertTrue(fx(() -> studio.model().library().trash().isEmpty()));
    }

    @Test
    void choosingAFindingWithALineMovesTheCaretThere(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#markdownArea");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Intro.\n\nDeuxième paragraphe.\n\n![](../images/nowhere.jpg)\n");
        waitFor(() -> studio.model().preview().findings().stream()
                .anyMatch(f -> f.hasLine() && f.line() >= studio.model().editor().bodyLine()));
        Finding f = fx(() -> studio.model().preview().findings().stream()
                .filter(x -> x.hasLine() && x.line() >= studio.model().editor().bodyLine()).findFirst().orElseThrow());
        int expected = f.line() - fx(() -> studio.model().editor().bodyLine()) + 1;
        robot.interact(() -> {
            ListView<Finding> list = robot.lookup("#findingsList").queryListView();
            list.getSelectionModel().select(f);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitFor(() -> {
            org.fxmisc.richtext.CodeArea code = robot.lookup("#markdownArea").queryAs(org.fxmisc.richtext.CodeArea.class);
            return code.getCurrentParagraph() + 1 == expected;
        });
    }

    @Test
    void choosingAFindingAboutTheSummaryOpensTheSummaryField(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#summaryField");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        waitFor(() -> studio.model().preview().findings().stream().anyMatch(x -> x.code().equals("web.summary.missing")));
        robot.clickOn("#markdownArea");
        Finding f = fx(() -> studio.model().preview().findings().stream()
                .filter(x -> x.code().equals("web.summary.missing")).findFirst().orElseThrow());
        robot.interact(() -> {
            ListView<Finding> list = robot.lookup("#findingsList").queryListView();
            list.getSelectionModel().select(f);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#summaryField").query().isFocused());
    }

    @Test
    void withoutAWorkspaceTheEditorCannotBeTypedIn(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> studio.model().editor().closeLater());
        waitFor(() -> robot.lookup("#markdownArea").query().isDisabled());
        assertTrue(robot.lookup("#titleField").query().isDisabled());
    }

    @Test
    void aCorruptWorkspaceIsRefusedWithAClearMessageAndTheOpenOneStays(FxRobot robot) throws Exception {
        ready();
        Path bad = dir.resolve("broken.cristal");
        Files.writeString(bad, "this is not a workspace at all, just text that someone renamed");
        fx(() -> studio.model().open(bad)).handle((x, t) -> null).get(30, TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#problemMessage").tryQuery().isPresent());
        String message = robot.lookup("#problemMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("broken.cristal"), message);
        assertFalse(message.contains("Exception"), message);
        assertEquals(file, fx(() -> studio.model().workspaceProperty().get().path()));
        assertEquals("this is not a workspace at all, just text that someone renamed", Files.readString(bad));
    }

    @Test
    void closingTheWindowSavesTypingAndRemembersTheStory(FxRobot robot) throws Exception {
        ready();
        String id = fx(() -> studio.model().editor().storyId());
        fx(() -> {
            studio.model().editor().bodyProperty().set(studio.model().editor().bodyProperty().get() + "\nDernière ligne.\n");
            return null;
        });
        robot.interact(() -> studio.stop());
        try (Workspace other = Workspace.open(file)) {
            assertTrue(other.stories().get(id).orElseThrow().source().contains("Dernière ligne."));
        }
        Settings again = Settings.load(dir.resolve("settings.properties"));
        assertEquals(id, again.lastStory(file).orElseThrow());
        assertTrue(again.getDouble("window.width", 0) > 0);
    }
}
