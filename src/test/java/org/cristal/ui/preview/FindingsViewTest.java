package org.cristal.ui.preview;

import static org.cristal.ui.preview.PreviewFixtures.onFx;
import static org.cristal.ui.preview.PreviewFixtures.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Severity;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    /** A real mix: the X limit at 4 makes the social renderer report errors beside the usual warnings and tips. */
    private static List<Finding> findings;
    private final List<Finding> opened = new ArrayList<>();
    private FindingsView view;

    @BeforeAll
    static void render() {
        findings = PreviewFixtures.render(Corpus.document("boulangerie-levain"),
                PreviewFixtures.options().withLimit(Network.X, 4)).findings();
    }

    @Start
    void start(Stage stage) {
        PreviewFixtures.theme();
        view = new FindingsView(PreviewFixtures.bundle(Locale.ENGLISH), Locale.ENGLISH);
        view.setOnOpen(opened::add);
        stage.setScene(new Scene(view, 520, 420));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private ListView<Finding> list(FxRobot robot) {
        return robot.lookup("#findingsList").queryAs(ListView.class);
    }

    private void cellsDrawn() {
        PreviewFixtures.waitUntil("the cells are drawn", () -> !view.lookupAll(".finding-message").isEmpty());
    }

    private static long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    @Test
    void listShowsEveryFindingsMessageErrorsFirst(FxRobot robot) {
        assertTrue(count(Severity.ERROR) > 0 && count(Severity.WARNING) > 0 && count(Severity.INFO) > 0);
        runFx(() -> view.show(findings));
        List<Finding> items = onFx(() -> List.copyOf(list(robot).getItems()));
        assertEquals(findings.size(), items.size());
        assertEquals(Severity.ERROR, items.get(0).severity());
        assertEquals(Severity.INFO, items.get(items.size() - 1).severity());
        cellsDrawn();
        List<String> shown = robot.lookup(".finding-message").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(shown.contains(items.get(0).message(Locale.ENGLISH)), shown.toString());
    }

    @Test
    void clickingAFindingOpensIt(FxRobot robot) {
        runFx(() -> view.show(findings));
        cellsDrawn();
        Node first = robot.lookup(".finding-cell").nth(0).query();
        robot.clickOn(first);
        Finding top = onFx(() -> list(robot).getItems().get(0));
        assertEquals(List.of(top), opened);
    }

    @Test
    void enterOnTheSelectedFindingOpensIt(FxRobot robot) {
        runFx(() -> {
            view.show(findings);
            list(robot).getSelectionModel().select(1);
            list(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        assertEquals(List.of(onFx(() -> list(robot).getItems().get(1))), opened);
    }

    @Test
    void summaryCountsErrorsWarningsAndTips(FxRobot robot) {
        runFx(() -> view.show(PreviewFixtures.render("boulangerie-levain").findings()));
        // Two of the tips: the Instagram caption has no link (it goes in the profile), and the summary is
        // shorter than the 120 characters search results show.
        assertEquals("No errors, 1 warning, 3 tips",
                onFx(() -> robot.lookup("#findingsSummary").queryAs(Label.class).getText()));
        runFx(() -> view.show(findings));
        String summary = onFx(() -> robot.lookup("#findingsSummary").queryAs(Label.class).getText());
        assertTrue(summary.matches("\\d+ errors?, \\d+ warnings?, \\d+ tips?"), summary);
        assertTrue(summary.startsWith(count(Severity.ERROR) + " error"), summary);
    }

    @Test
    void frenchSummaryAgreesInNumber() {
        FindingsView french = onFx(() -> new FindingsView(PreviewFixtures.bundle(Locale.FRENCH), Locale.FRENCH));
        runFx(() -> french.show(PreviewFixtures.render("boulangerie-levain").findings()));
        assertEquals("Aucune erreur, 1 avertissement, 3 conseils",
                onFx(() -> ((Label) french.lookup("#findingsSummary")).getText()));
    }

    @Test
    void noFindingsSaysEveryChannelIsReady(FxRobot robot) {
        runFx(() -> view.show(List.of()));
        Label empty = robot.lookup("#findingsEmpty").queryAs(Label.class);
        assertEquals("No findings: every channel is ready.", onFx(empty::getText));
        assertTrue(onFx(empty::isVisible));
        assertTrue(onFx(() -> list(robot).getItems().isEmpty()));
    }

    @Test
    @org.junit.jupiter.api.Tag("snapshot")
    void snapshotOfTheFindings() {
        runFx(() -> view.show(findings.subList(0, Math.min(findings.size(), 6))));
        cellsDrawn();
        PreviewFixtures.snapshot(view, "findings-en");
    }
}
