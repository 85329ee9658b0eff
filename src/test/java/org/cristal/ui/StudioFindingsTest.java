package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cristal.story.Finding;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Findings and the editor, in French at 1366×768: lines as the editor shows them, underlines, suggestions. */
@ExtendWith(ApplicationExtension.class)
class StudioFindingsTest {
    @TempDir
    Path dir;
    Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        studio = StudioUnderTest.start(stage, dir, dir.resolve("boulangerie.cristal"), "fr", 1366, 768,
                List.of("boulangerie-martin"), "boulangerie-levain");
    }

    private CodeArea area(FxRobot robot) {
        return robot.lookup("#markdownArea").queryAs(CodeArea.class);
    }

    private Finding waitForFinding(String code, String word) throws Exception {
        waitFor(() -> studio.model().preview().findings().stream()
                .anyMatch(f -> f.code().equals(code) && f.args().get(0).equals(word)));
        return fx(() -> studio.model().preview().findings().stream()
                .filter(f -> f.code().equals(code) && f.args().get(0).equals(word)).findFirst().orElseThrow());
    }

    /** The editor's 1-based line holding {@code word}. */
    private int editorLineOf(FxRobot robot, String word) throws Exception {
        return fx(() -> {
            var paragraphs = area(robot).getParagraphs();
            for (int i = 0; i < paragraphs.size(); i++) {
                if (paragraphs.get(i).getText().contains(word)) {
                    return i + 1;
                }
            }
            throw new AssertionError(word + " is not in the editor");
        });
    }

    private ListCell<?> cellOf(FxRobot robot, Finding f) throws Exception {
        robot.interact(() -> robot.lookup("#findingsList").queryAs(ListView.class).scrollTo(f));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.lookup(".finding-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(c -> f.equals(c.getItem())).findFirst().orElseThrow());
    }

    @Test
    void aFindingGivesTheLineAsTheEditorNumbersItAndAClickSelectsItsWords(FxRobot robot) throws Exception {
        Finding f = waitForFinding("check.voice.banned", "industrielle");
        int line = editorLineOf(robot, "industrielle");
        // The story file has its front matter above the body: the file's line is not the editor's.
        assertTrue(f.line() > line, "file line " + f.line() + ", editor line " + line);
        ListCell<?> cell = cellOf(robot, f);
        List<String> texts = fx(() -> cell.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(texts.stream().anyMatch(t -> t.endsWith("ligne " + line)), texts.toString());

        robot.clickOn(cell);
        waitFor(() -> "industrielle".equals(area(robot).getSelectedText()));
        assertEquals(line, fx(() -> area(robot).getCurrentParagraph() + 1));
        assertTrue(fx(() -> area(robot).isFocused()));
    }

    @Test
    void aBrandWordIsUnderlinedAndItsMenuReplacesItInOneUndoableEdit(FxRobot robot) throws Exception {
        String before = fx(() -> area(robot).getText());
        robot.interact(() -> area(robot).appendText("\nNos viennoiseries sortent du four à 7 h.\n"));
        waitForFinding("check.voice.preferred", "viennoiseries");
        int at = fx(() -> area(robot).getText().lastIndexOf("viennoiseries"));
        waitFor(() -> area(robot).getStyleOfChar(at + 1).contains("mark-voice"));
        // The rest of the text keeps its own highlighting and no underline.
        assertFalse(fx(() -> area(robot).getStyleOfChar(at - 2).contains("mark")));

        robot.interact(() -> {
            CodeArea a = area(robot);
            a.moveTo(at + 3);
            a.requestFollowCaret();
            a.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            // What the menu key or Shift+F10 sends: the menu is about the words at the caret.
            CodeArea a = area(robot);
            a.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 0, 0, 0, 0, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("viennoiseries maison");
        waitFor(() -> area(robot).getText().contains("Nos viennoiseries maison sortent du four"));
        assertEquals(before + "\nNos viennoiseries maison sortent du four à 7 h.\n", fx(() -> area(robot).getText()));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> area(robot).getText().equals(before + "\nNos viennoiseries sortent du four à 7 h.\n"));
    }

    @Test
    void replaceAllSaysHowManyItReplacedAndOneUndoBringsThemAllBack(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen() && !area(robot).getText().isEmpty());
        String before = fx(() -> area(robot).getText());
        int count = before.split("levain", -1).length - 1 + before.split("Levain", -1).length - 1;
        assertTrue(count > 2);
        robot.clickOn("#markdownArea");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        robot.write("levain");
        robot.clickOn("#replaceField").write("levure");
        robot.clickOn("#replaceAll");
        waitFor(() -> !area(robot).getText().contains("levain"));
        Label counted = robot.lookup("#findCount").queryAs(Label.class);
        assertEquals(count + " remplacements", counted.getText());
        assertFalse(fx(() -> StudioLaptopTest.truncated(counted)), "the count is cut");
        waitFor(() -> studio.model().editor().bodyProperty().get().contains("levure"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> area(robot).getText().equals(before));
        waitFor(() -> studio.model().editor().bodyProperty().get().equals(before));
    }
}
