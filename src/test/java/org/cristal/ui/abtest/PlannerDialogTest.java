package org.cristal.ui.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The planner dialog as a baker uses it: type the send's size, read what it can detect; type a test's counts. */
@ExtendWith(ApplicationExtension.class)
class PlannerDialogTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(
                new PlannerDialog(text, Locale.ENGLISH).node()), 760, 640));
        stage.show();
    }

    @Test
    void typingTheSendsSizeShowsWhatItCanDetectAndWarnsItCannotReachItsSize(FxRobot robot) throws Exception {
        assertTrue(label(robot, "#plannerNeeded").contains("1,094 contacts"), label(robot, "#plannerNeeded"));
        robot.clickOn("#plannerContacts").write("800");
        assertTrue(label(robot, "#plannerReach").startsWith("With 400 contacts per variant you can only detect"),
                label(robot, "#plannerReach"));
        assertTrue(label(robot, "#plannerWarning").startsWith("This test cannot reach its size"),
                label(robot, "#plannerWarning"));
        assertTrue(fx(() -> robot.lookup("#plannerWarning").query().isVisible()));
    }

    @Test
    void theOutcomeTabShowsRangesAndNamesNoWinnerBeforeThePlannedSize(FxRobot robot) throws Exception {
        robot.clickOn("#abtestEvaluateTab");
        robot.clickOn("#evaluateConversionsA").write("30");
        robot.clickOn("#evaluateContactsA").write("400");
        robot.clickOn("#evaluateConversionsB").write("52");
        robot.clickOn("#evaluateContactsB").write("400");
        assertEquals("30 of 400: 7.5%, likely between 5.3% and 10.5%", label(robot, "#evaluationA"));
        assertEquals("+5.5 points (95% confidence range: +1.3 to +9.8)", label(robot, "#evaluationDifference"));
        assertEquals("99.5%", label(robot, "#evaluationChance"));
        robot.clickOn("#evaluatePlanned").write("1094");
        assertTrue(label(robot, "#evaluationVerdict").startsWith("Too early to call"), label(robot, "#evaluationVerdict"));
        assertTrue(label(robot, "#evaluationPeeking").contains("false winners"), label(robot, "#evaluationPeeking"));
    }

    private static String label(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
