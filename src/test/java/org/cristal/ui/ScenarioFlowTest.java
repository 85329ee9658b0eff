package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.Simulation;
import org.cristal.support.Corpus;
import org.cristal.ui.scenario.SimulationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Publish › Scenarios… through the real window: write a two-step scenario for the clients, simulate it, read
 * the totals and why Zoé is skipped, then start it.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    Path file;
    String levain;
    String atelier;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            levain = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            atelier = ws.stories().save("", Files.readString(Corpus.story("velo-atelier-solidaire.md")), "").id();
            ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "Newsletter",
                    Map.of("host", "127.0.0.1", "port", "2525", "security", "none", "from", "news@fournil.example")));
            Audience a = ws.audience();
            for (String[] p : List.of(new String[] {"helene@example.fr", "Hélène", "yes", "America/Montreal"},
                    new String[] {"marc@example.fr", "Marc", "yes", ""},
                    new String[] {"zoe@example.fr", "Zoé", "no", ""})) {
                ContactDraft d = ContactDraft.of(p[0]).withName(p[1], "").withTags(List.of("clients"));
                if (!p[3].isEmpty()) {
                    d = d.withFields(Map.of("time_zone", p[3]));
                }
                long id = a.contacts().save(d).contact().id();
                if (p[2].equals("yes")) {
                    a.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                            Instant.parse("2026-11-02T09:00:00Z"), ConsentMethod.IN_PERSON, "in the shop",
                            "Signed the newsletter card"));
                }
            }
            a.segments().save("clients", "tag = clients");
        }
        studio = StudioUnderTest.start(stage, dir, file);
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Simulation.Row> table(FxRobot robot) {
        return robot.lookup("#scenarioSimTable").queryAs(TableView.class);
    }

    @Test
    void writeATwoStepScenarioSimulateItReadWhyZoeIsSkippedAndStartIt(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.clickOn("#publishMenuLabel").clickOn("#menuScenarios");
        org.testfx.util.WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#scenarioSteps").tryQuery().isPresent()));
        waitFor(() -> robot.lookup("#scenarioSteps").tryQuery().isPresent()
                && robot.lookup("#scenarioSteps").queryAs(ListView.class).getItems().size() == 1
                && robot.lookup("#stepStory").tryQuery().isPresent());

        robot.clickOn("#scenarioName").write("Bienvenue");
        robot.interact(() -> combo(robot, "#scenarioSegment").setValue("clients"));
        robot.interact(() -> {
            combo(robot, "#stepStory").setValue(levain);
            combo(robot, "#stepAccount").setValue("news");
        });
        robot.clickOn("#scenarioAddStep");
        waitFor(() -> robot.lookup("#scenarioSteps").queryAs(ListView.class).getItems().size() == 2);
        robot.interact(() -> combo(robot, "#stepStory").setValue(atelier));
        TextField days = robot.lookup("#stepDays").queryAs(TextField.class);
        robot.interact(() -> {
            days.setText("");
            days.requestFocus();
        });
        robot.write("3");
        waitFor(() -> robot.lookup((javafx.scene.control.ListCell<?> c) -> c.getText() != null
                && c.getText().replace('\u202f', ' ').equals("2. then 3 days later, at 9:30 AM their time — “"
                        + title(atelier) + "” through Newsletter")).tryQuery().isPresent());

        robot.interact(() -> robot.lookup("#scenarioTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        robot.clickOn("#scenarioSimulate");
        waitFor(() -> !robot.lookup("#scenarioTotals").queryLabeled().getText().isEmpty());
        String totals = fx(() -> robot.lookup("#scenarioTotals").queryLabeled().getText());
        assertEquals("3 contacts: 4 messages; 2 skipped — 2 no consent", totals);
        robot.interact(() -> ContactsFlowTest.snapshot(robot.lookup("#scenarioSimTable").query(),
                "scenario-simulation-en"));

        robot.interact(() -> combo(robot, "#scenarioSimShow").setValue(SimulationModel.Show.SKIPPED));
        waitFor(() -> table(robot).getItems().size() == 2);
        Simulation.Row zoe = fx(() -> table(robot).getItems().get(0));
        assertEquals("Zoé", zoe.contact());
        assertEquals(Simulation.Skip.NO_CONSENT, zoe.skip());
        assertTrue(robot.lookup("No marketing consent").tryQuery().isPresent(),
                "the reason is written in the table");

        robot.clickOn("#scenarioStart");
        waitFor(() -> robot.lookup("#scenarioConfirm").tryQuery().isPresent());
        String question = fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#scenarioConfirm").query()
                .getScene().getRoot()).getContentText());
        assertEquals("Start “Bienvenue”: the people of segment “clients” enter now, and each step goes at its time, "
                + "in their own time zone, within the sending limit.", question);
        robot.clickOn("#scenarioConfirm");
        waitFor(() -> robot.lookup("#scenarioState").queryLabeled().getText().startsWith("Running since"));
        assertEquals(ScenarioState.RUNNING, studio.model().workspaceProperty().get().scenarios().find("Bienvenue")
                .orElseThrow().state());
    }

    private String title(String id) {
        return studio.model().workspaceProperty().get().stories().get(id).orElseThrow().story().title();
    }
}
