package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.ui.model.TestNetwork;
import org.cristal.ui.publish.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Channels, publish everywhere and the calendar, driven through the real window on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class PublishingFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    TestNetwork network = new TestNetwork();
    MapSecrets secrets = new MapSecrets();
    List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            // An account whose instance was never given: "publish everywhere" must show it blocked.
            ws.channelAccounts().save(ChannelAccount.of("half", "testnet", "Half set up", Map.of("handle", "x")));
        }
        studio = StudioUnderTest.start(stage, dir, file,
                new Publishing(() -> List.of(network), secrets, Clock.systemUTC()), "boulangerie-levain");
        studio.setLinkOpener(opened::add);
    }

    private static boolean isTestNetworkItem(Node n) {
        return n instanceof javafx.scene.Parent p && p.getChildrenUnmodifiable().stream()
                .anyMatch(c -> c instanceof Label l && "Test network".equals(l.getText()));
    }

    private Workspace ws() throws Exception {
        return fx(() -> studio.model().workspaceProperty().get());
    }

    @Test
    void addAnAccountPublishToItAndMoveAScheduledPostInTheCalendar(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        String storyId = fx(() -> studio.model().editor().storyId());

        // Channels: add a Test network account through the form its settings generate.
        robot.clickOn("#publishMenuLabel").clickOn("Channels and accounts…");
        waitFor(() -> robot.lookup("#addAccount").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        // The menu's item, not the "Test network" under the half set-up account in the list.
        waitFor(() -> robot.lookup(".menu-item").match(PublishingFlowTest::isTestNetworkItem).tryQuery().isPresent());
        Node testNetworkItem = robot.lookup(".menu-item").match(PublishingFlowTest::isTestNetworkItem).query();
        robot.clickOn(testNetworkItem);
        waitFor(() -> robot.lookup("#setting-instance").tryQuery().isPresent());
        assertEquals("Required.", robot.lookup("#problem-instance").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#saveAccount").queryButton().isDisabled());
        robot.clickOn("#setting-instance").write("piaille.fr");
        waitFor(() -> robot.lookup("#problem-instance").queryAs(Label.class).getText()
                .equals("Not a web address (https://…)."));
        robot.doubleClickOn("#setting-instance").eraseText(20).write("https://piaille.fr");
        waitFor(() -> robot.lookup("#problem-instance").queryAs(Label.class).getText().isEmpty());
        robot.clickOn("#setting-handle").write("levain");
        robot.clickOn("#setting-token").write("good");
        assertTrue(robot.lookup("#setting-token").query() instanceof javafx.scene.control.PasswordField, "masked");
        robot.clickOn("#testConnection");
        waitFor(() -> robot.lookup("#testResult").queryAs(Label.class).getText()
                .equals("Connected: @levain on https://piaille.fr"));
        robot.clickOn("#accountName").eraseText(30).write("Levain on Piaille");
        waitFor(() -> !robot.lookup("#saveAccount").queryButton().isDisabled());
        robot.clickOn("#saveAccount");
        waitFor(() -> ws().channelAccounts().get("testnet").isPresent());
        ChannelAccount saved = ws().channelAccounts().get("testnet").orElseThrow();
        assertEquals("Levain on Piaille", saved.name());
        assertEquals("https://piaille.fr", saved.settings().get("instance"));
        assertFalse(saved.settings().containsKey("token"));
        assertEquals("good", secrets.get("testnet", "token").orElseThrow());
        waitFor(() -> robot.lookup("#accountList").queryListView().getItems().size() == 2);
        robot.clickOn("#channelsClose");

        // Publish everywhere: the half set-up account is blocked, the new one goes.
        robot.clickOn("#publishButton");
        waitFor(() -> robot.lookup("#status-half").tryQuery().isPresent()
                && robot.lookup("#status-testnet").tryQuery().isPresent());
        assertEquals("✗ Cannot publish", robot.lookup("#status-half").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#include-half").queryAs(CheckBox.class).isDisabled());
        assertFalse(robot.lookup("#include-half").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#include-testnet").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#publishGo");
        waitFor(() -> robot.lookup("#rowState-testnet").queryAs(Label.class).getText().equals("Published"));
        List<OutboxEntry> entries = ws().outbox().forStory(storyId);
        assertEquals(1, entries.size());
        assertEquals(OutboxState.SENT, entries.get(0).state());
        robot.clickOn("#link-testnet");
        waitFor(() -> opened.equals(List.of("https://piaille.fr/posts/1")));
        robot.clickOn("#publishClose");

        // A post scheduled next month, dragged three days later in the calendar, keeps its time of day.
        ZoneId zone = ZoneId.systemDefault();
        LocalDate day = LocalDate.now(zone).withDayOfMonth(1).plusMonths(1).plusDays(2);
        OutboxEntry later = fx(() -> studio.model().publishing().publisher()).queue(storyId, "testnet",
                ZonedDateTime.of(day, LocalTime.of(10, 15), zone).toInstant(), zone);
        robot.clickOn("#calendarButton");
        waitFor(() -> robot.lookup("#calendarNext").tryQuery().isPresent());
        robot.clickOn("#calendarNext");
        waitFor(() -> robot.lookup("#chip-" + later.id()).tryQuery().isPresent());
        Node chip = robot.lookup("#chip-" + later.id()).query();
        robot.drag(chip).dropTo("#day-" + day.plusDays(3));
        waitFor(() -> ws().outbox().get(later.id()).orElseThrow().scheduledAt()
                .equals(ZonedDateTime.of(day.plusDays(3), LocalTime.of(10, 15), zone).toInstant()));
        waitFor(() -> robot.lookup("#day-" + day.plusDays(3)).query().lookup("#chip-" + later.id()) != null);
        assertEquals(LocalDateTime.of(day.plusDays(3), LocalTime.of(10, 15)),
                LocalDateTime.ofInstant(ws().outbox().get(later.id()).orElseThrow().scheduledAt(), zone));
    }
}
