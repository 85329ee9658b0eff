package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Publish › A/B test planner… opens the planner beside the story, in the studio's language. */
@ExtendWith(ApplicationExtension.class)
class AbtestPlannerMenuTest {
    @TempDir
    Path dir;
    Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        studio = StudioUnderTest.start(stage, dir, dir.resolve("Boulangerie.cristal"), "fr", 1366, 768, List.of(),
                "boulangerie-levain");
    }

    @Test
    void thePublishMenuOpensThePlannerInFrench(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        robot.clickOn("#publishMenuLabel").clickOn("#menuAbtestPlanner");
        waitFor(() -> robot.lookup("#plannerNeeded").tryQuery().isPresent());
        String needed = fx(() -> robot.lookup("#plannerNeeded").queryAs(Label.class).getText());
        assertTrue(needed.startsWith("Pour distinguer un taux de 20\u00a0% d’un taux de 25\u00a0%"), needed);
    }
}
