package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.cristal.ui.publish.PassphrasePrompt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Choosing the secrets file's passphrase: typed twice, and asked again while the two differ. */
@ExtendWith(ApplicationExtension.class)
class PassphrasePromptTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aNewPassphraseMustBeTypedTwiceTheSameBeforeItIsTaken(FxRobot robot) throws Exception {
        PassphrasePrompt prompt = new PassphrasePrompt(() -> stage, StudioWindow.bundle(Locale.ENGLISH));
        CompletableFuture<Optional<char[]>> answer = CompletableFuture.supplyAsync(() -> prompt.ask(true));
        waitFor(() -> robot.lookup("#passphraseConfirmField").tryQuery().isPresent());
        robot.clickOn("#passphraseField").write("pain au levain");
        robot.clickOn("#passphraseConfirmField").write("pain au lavein");
        robot.clickOn("#passphraseOk");

        waitFor(() -> robot.lookup("#passphraseMismatch").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(answer.isDone(), "the dialog stays open and asks again");
        assertTrue(robot.lookup("#passphraseMismatch").queryLabeled().getText().contains("different"));
        robot.clickOn("#passphraseConfirmField").write("pain au levain");
        robot.clickOn("#passphraseOk");

        assertEquals("pain au levain", new String(answer.get(10, TimeUnit.SECONDS).orElseThrow()));
    }
}
