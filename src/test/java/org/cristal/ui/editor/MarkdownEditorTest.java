package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cristal.ui.StudioWindow;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MarkdownEditorTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private MarkdownEditor editor;
    private CodeArea area;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ResourceBundle text = StudioWindow.bundle(Locale.ENGLISH);
        editor = new MarkdownEditor(text, Locale.ENGLISH, background);
        area = editor.area();
        stage.setScene(new Scene(editor, 700, 500));
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void set(FxRobot robot, String text) {
        robot.interact(() -> editor.setText(text));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingUpdatesTheTextAndTheWordCount(FxRobot robot) throws Exception {
        set(robot, "");
        StringBuilder seen = new StringBuilder();
        robot.interact(() -> editor.textProperty().addListener((o, was, now) -> {
            seen.setLength(0);
            seen.append(now);
        }));
        robot.clickOn("#markdownArea").write("Bonjour le quartier");
        waitUntil(() -> editor.wordCountProperty().get() == 3);
        assertEquals("Bonjour le quartier", seen.toString());
        assertEquals("3 words", robot.lookup("#wordCount").queryAs(Label.class).getText());
        assertEquals("1 min read", robot.lookup("#readingTime").queryAs(Label.class).getText());
    }

    @Test
    void aHeadingIsStyledAsAHeading(FxRobot robot) throws Exception {
        set(robot, "# Des farines du coin\n\nNos farines viennent du moulin.\n");
        waitUntil(() -> area.getStyleOfChar(3).contains("heading"));
        assertTrue(area.getStyleOfChar(3).contains("heading-1"));
        assertFalse(area.getStyleOfChar(30).contains("heading"));
    }

    @Test
    void aBigStoryIsHighlightedInTheBackground(FxRobot robot) throws Exception {
        String big = "## Titre\n\n" + "Un pain au **levain** qui se garde cinq jours.\n\n".repeat(2_000);
        assertTrue(big.length() > MarkdownEditor.SYNC_LIMIT);
        set(robot, big);
        waitUntil(() -> area.getStyleOfChar(big.indexOf("levain")).contains("strong"));
        robot.interact(() -> area.insertText(0, "x"));
        waitUntil(() -> area.getStyleOfChar(big.indexOf("levain") + 1).contains("strong"));
        assertEquals(big.length() + 1, editor.getText().length());
    }

    @Test
    void aHugeLineTurnsSoftWrapOffSoTypingStaysUsable(FxRobot robot) throws Exception {
        assertTrue(area.isWrapText());
        set(robot, "un mot ".repeat(10_000));
        assertFalse(area.isWrapText());
        set(robot, "Un texte court.");
        assertTrue(area.isWrapText());
    }

    @Test
    void replaceAllReplacesEveryMatchIgnoringAccentsAndReportsTheCount(FxRobot robot) throws Exception {
        set(robot, "Le levain. Un LEVAIN vivant. Du lévain.\nPas de pain.");
        robot.interact(editor::showFind);
        assertTrue(robot.lookup("#findBar").query().isVisible());
        robot.clickOn("#findField").write("levain");
        assertEquals("1 of 3", robot.lookup("#findCount").queryAs(Label.class).getText());
        robot.clickOn("#findNext");
        assertEquals("2 of 3", robot.lookup("#findCount").queryAs(Label.class).getText());
        assertEquals("LEVAIN", area.getSelectedText());
        robot.clickOn("#replaceField").write("pain");
        robot.clickOn("#replaceAll");
        assertEquals("Le pain. Un pain vivant. Du pain.\nPas de pain.", editor.getText());
        assertEquals("3 replaced", robot.lookup("#findCount").queryAs(Label.class).getText());
        // Still there once the new text has been highlighted and the matches counted again.
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 replaced", robot.lookup("#findCount").queryAs(Label.class).getText());
        // One undo brings all three back.
        robot.interact(editor::undo);
        assertEquals("Le levain. Un LEVAIN vivant. Du lévain.\nPas de pain.", editor.getText());
    }

    @Test
    void ctrlHOpensTheFindBarAndEscapeClosesIt(FxRobot robot) {
        set(robot, "Un texte.");
        robot.clickOn("#markdownArea");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        assertTrue(robot.lookup("#findBar").query().isVisible());
        assertTrue(robot.lookup("#findField").queryAs(TextField.class).isFocused());
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#findBar").query().isVisible());
        assertTrue(area.isFocused());
    }

    @Test
    void goToLineMovesTheCaretToTheStartOfThatLine(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            text.append("Ligne ").append(i).append('\n');
        }
        set(robot, text.toString());
        robot.interact(() -> {
            editor.setShowLineNumbers(true);
            editor.goToLine(150);
        });
        assertEquals(149, area.getCurrentParagraph());
        assertEquals(0, area.getCaretColumn());
        assertEquals(text.indexOf("Ligne 150"), area.getCaretPosition());
        assertEquals(150, editor.caretLineProperty().get());
        assertTrue(area.isFocused());
        // The line is on screen: the viewport no longer starts at the top.
        assertTrue(area.firstVisibleParToAllParIndex() > 0);
    }

    @Test
    void undoAfterTypingRestoresTheText(FxRobot robot) {
        set(robot, "Le pain.");
        robot.clickOn("#markdownArea");
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.write(" Et le levain.");
        assertEquals("Le pain. Et le levain.", editor.getText());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals("Le pain.", editor.getText());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("Le pain. Et le levain.", editor.getText());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertEquals("Le pain. Et le levain.", editor.getText());
    }

    @Test
    void openingAnotherStoryCannotBeUndone(FxRobot robot) {
        set(robot, "Première histoire.");
        set(robot, "Seconde histoire.");
        robot.interact(editor::undo);
        assertEquals("Seconde histoire.", editor.getText());
        assertFalse(area.getUndoManager().isUndoAvailable());
    }

    private void rightClick(FxRobot robot, int at) {
        robot.interact(() -> {
            javafx.geometry.Bounds word = area.getCharacterBoundsOnScreen(at, at + 3).orElseThrow();
            javafx.geometry.Point2D local = area.screenToLocal(word.getCenterX(), word.getCenterY());
            // What a right click sends; headless Monocle does not make one from a mouse press.
            area.fireEvent(new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    word.getCenterX(), word.getCenterY(), false, null));
        });
    }

    @Test
    void aMarkedWordIsUnderlinedAndItsMenuReplacesItInOneUndoableEdit(FxRobot robot) throws Exception {
        set(robot, "# Le pain\n\nUn **bon** levian, vraiment.\n");
        robot.interact(() -> editor.setMarks(java.util.List.of(
                new Mark(3, "levian", java.util.List.of("levain", "lévrier"), Mark.Kind.SPELLING))));
        int at = editor.getText().indexOf("levian");
        waitUntil(() -> area.getStyleOfChar(at + 1).contains("mark-spelling"));
        // The Markdown highlighting stays; only the word is underlined.
        assertTrue(area.getStyleOfChar(editor.getText().indexOf("bon")).contains("strong"));
        assertFalse(area.getStyleOfChar(at - 2).contains("mark"));

        rightClick(robot, at);
        assertTrue(robot.lookup("#markMenu").tryQuery().isPresent() || editor.markMenu().isShowing());
        robot.clickOn("lévrier");
        assertEquals("# Le pain\n\nUn **bon** lévrier, vraiment.\n", editor.getText());
        robot.interact(editor::undo);
        assertEquals("# Le pain\n\nUn **bon** levian, vraiment.\n", editor.getText());
    }

    @Test
    void revealSelectsTheWordsOfAFindingOnItsLine(FxRobot robot) {
        set(robot, "Un mot.\n\nUn autre mot, et encore un mot.\n");
        robot.interact(() -> editor.reveal(3, "mot"));
        assertEquals("mot", area.getSelectedText());
        assertEquals(editor.getText().indexOf("autre mot") + 6, area.getSelection().getStart());
        assertTrue(area.isFocused());
    }
}
