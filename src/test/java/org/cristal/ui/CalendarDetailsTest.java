package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.Publisher;
import org.cristal.ui.model.TestNetwork;
import org.cristal.ui.publish.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The calendar's publications: each state looks like itself, and a click opens its details and actions. */
@ExtendWith(ApplicationExtension.class)
class CalendarDetailsTest {
    @TempDir
    Path dir;
    Studio studio;
    TestNetwork network = new TestNetwork();
    MapSecrets secrets = new MapSecrets();

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                    Map.of("instance", "https://piaille.fr", "handle", "levain")));
        }
        secrets.put("testnet", "token", "good");
        studio = StudioUnderTest.start(stage, dir, file, new Publishing(() -> List.of(network), secrets,
                Clock.systemUTC()), "boulangerie-levain", "coffee-huila", "osteo-samedi", "velo-atelier-solidaire");
    }

    private Workspace ws() throws Exception {
        return fx(() -> studio.model().workspaceProperty().get());
    }

    private OutboxState state(long id) throws Exception {
        return ws().outbox().get(id).orElseThrow().state();
    }

    private static String stateIcon(Node chip) {
        return ((FontIcon) ((HBox) ((Label) chip).getGraphic()).getChildren().get(0)).getIconLiteral();
    }

    @Test
    void eachStateHasItsOwnLookAndAClickOffersSendNowCancelAndTryAgain(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        ZoneId zone = ZoneId.systemDefault();
        LocalDate day = LocalDate.now(zone).withDayOfMonth(1).plusMonths(1).plusDays(2);
        Publisher publisher = fx(() -> studio.model().publishing().publisher());
        // Three stories: a story has one unfinished publication per account.
        List<String> ids = ws().stories().list().stream().map(s -> s.id()).sorted().toList();
        OutboxEntry retrying = publisher.queue(ids.get(1), "testnet", at(day, 9, zone), zone);
        OutboxEntry failed = publisher.queue(ids.get(2), "testnet", at(day, 11, zone), zone);
        OutboxEntry scheduled = publisher.queue(ids.get(3), "testnet", at(day, 14, zone), zone);
        assertTrue(ws().outbox().claim(retrying.id()));
        ws().outbox().retry(retrying.id(), at(day, 10, zone),
                Map.of("en", "Piaille had a problem (HTTP 503). Cristal will try again.", "fr", "Piaille a eu un problème."));
        assertTrue(ws().outbox().claim(failed.id()));
        ws().outbox().failed(failed.id(), Map.of("en", "The token was refused.", "fr", "Le jeton a été refusé."));

        robot.clickOn("#calendarButton");
        waitFor(() -> robot.lookup("#calendarNext").tryQuery().isPresent());
        robot.clickOn("#calendarNext");
        waitFor(() -> robot.lookup("#chip-" + scheduled.id()).tryQuery().isPresent());
        Node retryingChip = robot.lookup("#chip-" + retrying.id()).query();
        Node failedChip = robot.lookup("#chip-" + failed.id()).query();
        Node scheduledChip = robot.lookup("#chip-" + scheduled.id()).query();
        assertTrue(retryingChip.getStyleClass().contains("chip-retrying"));
        assertTrue(failedChip.getStyleClass().contains("chip-failed"));
        assertNotEquals(stateIcon(scheduledChip), stateIcon(retryingChip), "a retrying one is not drawn as scheduled");
        assertNotEquals(stateIcon(scheduledChip), stateIcon(failedChip));
        assertNotEquals(fx(() -> ((Label) retryingChip).getBackground()), fx(() -> ((Label) scheduledChip).getBackground()),
                "nor in the scheduled one's colour");

        // Retrying: its next attempt and why, Send now and Cancel; cancelled it is.
        robot.clickOn(retryingChip);
        waitFor(() -> robot.lookup("#entryCancel").tryQuery().isPresent());
        assertTrue(robot.lookup("#entrySendNow").tryQuery().isPresent());
        assertFalse(robot.lookup("#entryRetry").tryQuery().isPresent());
        assertTrue(robot.lookup("#entryNextAttempt").tryQuery().isPresent());
        assertTrue(robot.lookup("#entryError").queryAs(Label.class).getText().contains("HTTP 503"));
        robot.clickOn("#entryCancel");
        waitFor(() -> state(retrying.id()) == OutboxState.CANCELLED);
        waitFor(() -> robot.lookup("#entryCancel").tryQuery().isEmpty());

        // Failed: Try again sends it (same entry, same key).
        waitFor(() -> robot.lookup("#chip-" + failed.id()).tryQuery().isPresent());
        robot.clickOn("#chip-" + failed.id());
        waitFor(() -> robot.lookup("#entryRetry").tryQuery().isPresent());
        assertFalse(robot.lookup("#entrySendNow").tryQuery().isPresent());
        assertEquals("The token was refused.", robot.lookup("#entryError").queryAs(Label.class).getText());
        robot.clickOn("#entryRetry");
        waitFor(() -> state(failed.id()) == OutboxState.SENT);

        // Scheduled: Send now does not wait for its day.
        waitFor(() -> robot.lookup("#chip-" + scheduled.id()).tryQuery().isPresent());
        robot.clickOn("#chip-" + scheduled.id());
        waitFor(() -> robot.lookup("#entrySendNow").tryQuery().isPresent());
        robot.clickOn("#entrySendNow");
        waitFor(() -> state(scheduled.id()) == OutboxState.SENT);
        assertEquals(2, network.published.size());
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }
}
