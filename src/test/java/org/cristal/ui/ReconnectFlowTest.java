package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.Publisher;
import org.cristal.publish.oauth.LoopbackAuth;
import org.cristal.ui.publish.LoopbackConnecting;
import org.cristal.ui.publish.Publishing;
import org.cristal.ui.publish.TestPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A post whose account's access was withdrawn offers Reconnect…, which opens that account's form; a Connect
 * there sends the post within seconds. Real window on headless Monocle, loopback authorization server, a
 * "browser" that follows the consent page back to Cristal.
 */
@ExtendWith(ApplicationExtension.class)
class ReconnectFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    LoopbackAuth server;
    MapSecrets secrets = new MapSecrets();

    @Start
    void start(Stage stage) throws Exception {
        server = new LoopbackAuth();
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.channelAccounts().save(ChannelAccount.of("testpages", "testpages", "Boulangerie Levain",
                    Map.of("appId", "1234567890")));
        }
        Publishing publishing = new Publishing(() -> List.of(new TestPages(server)), secrets, Clock.systemUTC())
                .withConnecting(LoopbackConnecting::open);
        studio = StudioUnderTest.start(stage, dir, file, publishing, "boulangerie-levain", "coffee-huila");
        studio.setLinkOpener(ReconnectFlowTest::follow);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The system browser: the consent page sends it straight back to Cristal's loopback receiver. */
    private static void follow(String address) {
        Thread t = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(address)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String back = consent.headers().firstValue("Location").orElseThrow();
                http.send(HttpRequest.newBuilder(URI.create(back)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private Workspace ws() throws Exception {
        return fx(() -> studio.model().workspaceProperty().get());
    }

    private OutboxState state(long id) throws Exception {
        return ws().outbox().get(id).orElseThrow().state();
    }

    /** One post waiting for a Connect, and one only retrying (the service was busy), both next month. */
    private OutboxEntry[] waitingAndBusy(LocalDate day, ZoneId zone) throws Exception {
        Publisher publisher = fx(() -> studio.model().publishing().publisher());
        List<String> ids = ws().stories().list().stream().map(s -> s.id()).sorted().toList();
        OutboxEntry waiting = publisher.queue(ids.get(0), "testpages", at(day, 9, zone), zone);
        OutboxEntry busy = publisher.queue(ids.get(1), "testpages", at(day, 14, zone), zone);
        assertTrue(ws().outbox().claim(waiting.id()));
        ws().outbox().awaitReconnection(waiting.id(), Instant.now().plus(Duration.ofHours(1)),
                Map.of("en", "Reconnect Boulangerie Levain: access was withdrawn. The post waits.",
                        "fr", "Reconnectez Boulangerie Levain."));
        assertTrue(ws().outbox().claim(busy.id()));
        ws().outbox().retry(busy.id(), at(day, 15, zone), Map.of("en", "The service was busy (HTTP 503)."));
        return new OutboxEntry[] {waiting, busy};
    }

    @Test
    void reconnectInTheCalendarOpensTheAccountsFormAndAfterConnectThePostGoesAtOnce(FxRobot robot)
            throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        ZoneId zone = ZoneId.systemDefault();
        OutboxEntry[] entries = waitingAndBusy(LocalDate.now(zone).withDayOfMonth(1).plusMonths(1).plusDays(2), zone);
        long waiting = entries[0].id();
        robot.clickOn("#calendarButton");
        waitFor(() -> robot.lookup("#calendarNext").tryQuery().isPresent());
        robot.clickOn("#calendarNext");
        waitFor(() -> robot.lookup("#chip-" + entries[1].id()).tryQuery().isPresent());

        // Only retrying: nothing to connect.
        robot.clickOn("#chip-" + entries[1].id());
        waitFor(() -> robot.lookup("#entryCancel").tryQuery().isPresent());
        assertFalse(robot.lookup("#entryReconnect").tryQuery().isPresent());
        robot.clickOn("#entryClose");
        waitFor(() -> robot.lookup("#entryCancel").tryQuery().isEmpty());

        robot.clickOn("#chip-" + waiting);
        waitFor(() -> robot.lookup("#entryReconnect").tryQuery().isPresent());
        Button reconnect = robot.lookup("#entryReconnect").queryButton();
        assertTrue(reconnect.getStyleClass().contains("accent"), "the way out stands out");
        robot.clickOn(reconnect);
        waitFor(() -> robot.lookup("#connectAccount").tryQuery().isPresent());
        assertEquals("Boulangerie Levain", robot.lookup("#accountName").queryAs(TextField.class).getText(),
                "the form of the post's own account");

        robot.clickOn("#connectAccount");
        waitFor(() -> robot.lookup("#placeList").tryQuery().isPresent());
        robot.clickOn("Levain Traiteur");
        robot.clickOn("#choosePlace");
        // The details show it as it now stands, no longer waiting; the form above still says how Connect went.
        waitFor(() -> robot.lookup("#entryReconnect").tryQuery().isEmpty()
                && robot.lookup("#entryState").tryQuery().isPresent());
        assertTrue(robot.lookup("#connectStatus").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Connected as Marie Levain"));
        // Well inside the scheduler's one-minute look: the Connect woke it.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state(waiting) == OutboxState.SENT);
    }

    @Test
    void reconnectInTheStorysPublicationsIsOfferedOnlyForThePostWaitingForAConnect(FxRobot robot)
            throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        String story = fx(() -> studio.model().editor().storyId());
        ZoneId zone = ZoneId.systemDefault();
        Instant later = Instant.now().plus(Duration.ofDays(40));
        OutboxEntry waiting = ws().outbox().add(new OutboxEntry.New("k-waits", story, 1, "testpages", "testpages",
                "social", "", later, zone));
        OutboxEntry busy = ws().outbox().add(new OutboxEntry.New("k-busy", story, 1, "testpages", "testpages",
                "social", "", later, zone));
        assertTrue(ws().outbox().claim(waiting.id()));
        ws().outbox().awaitReconnection(waiting.id(), later, Map.of("en", "Reconnect Boulangerie Levain."));
        assertTrue(ws().outbox().claim(busy.id()));
        ws().outbox().retry(busy.id(), later, Map.of("en", "The service was busy (HTTP 503)."));

        robot.clickOn("#publishMenuLabel").clickOn("Publications of this story…");
        waitFor(() -> robot.lookup("#reconnect-" + waiting.id()).tryQuery().isPresent());
        assertTrue(robot.lookup("#reconnect-" + busy.id()).tryQuery().isEmpty(), "a plain retry has nothing to connect");
        robot.clickOn("#reconnect-" + waiting.id());
        waitFor(() -> robot.lookup("#connectAccount").tryQuery().isPresent());
        assertEquals("Boulangerie Levain", robot.lookup("#accountName").queryAs(TextField.class).getText());
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }
}
