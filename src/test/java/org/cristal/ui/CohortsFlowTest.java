package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.library.cohort.CohortFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Publish › Cohorts… in the real window, in French: open it, read a cell, switch to months, read it again. */
@ExtendWith(ApplicationExtension.class)
class CohortsFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    TimeZone saved;

    @Start
    void start(Stage stage) throws Exception {
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = CohortFixture.write(file, false)) {
            ws.formatVersion();
        }
        studio = StudioUnderTest.start(stage, dir, file, "fr", 1366, 768, List.of(), "boulangerie-levain");
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(saved);
    }

    private static String cell(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    @Test
    void openTheCohortsSwitchToMonthsAndReadACell(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        robot.clickOn("#publishMenuLabel").clickOn("#menuCohorts");
        waitFor(() -> cell(robot, "cohortCell-0-0").equals("2/3 · 67\u00a0%"));
        assertEquals("1/1 · 100\u00a0%", cell(robot, "cohortCell-1-0"), "one person: the count beside the share");
        assertTrue(fx(() -> robot.lookup("#cohortsNote").queryAs(Label.class).getText())
                .startsWith("Aucune statistique importée"));

        robot.clickOn("#cohortsByMonth");
        waitFor(() -> cell(robot, "cohortCell-0-0").equals("3/4 · 75\u00a0%") && cell(robot, "cohortCell-1-0").isEmpty());
        assertTrue(fx(() -> robot.lookup("#cohortsSummary").queryAs(Label.class).getText())
                .startsWith("4 contacts dans 1 cohorte (fuseau Europe/Paris)"));

        robot.clickOn("#cohortsMeasureMessages");
        waitFor(() -> cell(robot, "cohortCell-0-0").equals("5"));
    }
}
