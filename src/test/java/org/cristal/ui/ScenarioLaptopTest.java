package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Step;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scenarios screen on laptops: French at 1366×768, English at 1440×900, with a scenario of two steps
 * and its simulation; no label or button is cut. Snapshots in target/snapshots for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioLaptopTest {
    @TempDir
    Path dir;

    private Studio open(Stage stage, String lang, double width, double height) throws Exception {
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            String levain = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            String atelier = ws.stories().save("", Files.readString(Corpus.story("velo-atelier-solidaire.md")), "")
                    .id();
            ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre du fournil",
                    Map.of("host", "127.0.0.1", "port", "2525", "security", "none", "from", "news@fournil.example")));
            for (int i = 0; i < 40; i++) {
                ContactDraft d = ContactDraft.of("client" + i + "@example.fr").withName("Client", "n° " + i)
                        .withTags(List.of("clients"));
                if (i % 7 == 0) {
                    d = d.withFields(Map.of("time_zone", "America/Montreal"));
                }
                long id = ws.audience().contacts().save(d).contact().id();
                if (i % 5 != 0) {
                    ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                            Instant.parse("2026-11-02T09:00:00Z"), ConsentMethod.IN_PERSON, "in the shop", "Oui"));
                }
            }
            ws.audience().segments().save("clients", "tag = clients");
            ws.scenarios().create("Bienvenue au fournil", "clients", Reentry.AFTER_COMPLETION, 90,
                    ZoneId.of("Europe/Paris"), List.of(
                            new Step("s1", levain, "", "news", Step.Timing.AFTER_ENTRY, Duration.ZERO, null,
                                    LocalTime.of(9, 30), List.of()),
                            new Step("s2", atelier, "", "news", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(3), null,
                                    LocalTime.of(9, 30), List.of(new Condition(Condition.Kind.RECEIVED, "s1", false)))),
                    List.of(new ExitRule(ExitRule.Kind.UNSUBSCRIBED, "")));
        }
        return StudioUnderTest.start(stage, dir, file, lang, width, height, List.of());
    }

    private static List<String> cut(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : StudioLaptopTest.all(root)) {
            // Table cells give way with "…" by design (their column can be widened); labels and buttons must not.
            if (n instanceof Labeled l && !(n instanceof Cell) && n.isVisible() && StudioLaptopTest.truncated(l)) {
                out.add(l.getText());
            }
        }
        return out;
    }

    private void walkThrough(FxRobot robot, Studio studio, double width, double height, String name)
            throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.clickOn("#publishMenuLabel").clickOn("#menuScenarios");
        // The first screen of a busy machine's first studio can take longer than the usual 30 s to fill.
        WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#stepStory").tryQuery().isPresent()));
        // The size Styles.size gives the screen on such a laptop (the test screen is larger).
        robot.interact(() -> {
            Window w = robot.lookup("#scenarioTabs").query().getScene().getWindow();
            w.setWidth(Math.min(1280, width - 40));
            w.setHeight(Math.min(760, height - 40));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node root = fx(() -> robot.lookup("#scenarioTabs").query().getScene().getRoot());
        robot.interact(() -> ContactsFlowTest.snapshot(root, name + "-steps"));
        assertEquals(List.of(), fx(() -> cut(root)));

        TabPane tabs = robot.lookup("#scenarioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#scenarioSimulate");
        waitFor(() -> !robot.lookup("#scenarioTotals").queryLabeled().getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ContactsFlowTest.snapshot(root, name + "-simulation"));
        assertEquals(List.of(), fx(() -> cut(root)));
    }

    @Test
    void aFrenchBakerReadsTheScenarioAndItsSimulationOnA1366Laptop(FxRobot robot) throws Exception {
        Stage stage = fx(Stage::new);
        Studio studio = fx(() -> open(stage, "fr", 1366, 768));
        walkThrough(robot, studio, 1366, 768, "scenario-fr");
    }

    @Test
    void anEnglishCopywriterReadsItOnA1440Screen(FxRobot robot) throws Exception {
        Stage stage = fx(Stage::new);
        Studio studio = fx(() -> open(stage, "en", 1440, 900));
        walkThrough(robot, studio, 1440, 900, "scenario-en");
    }
}
