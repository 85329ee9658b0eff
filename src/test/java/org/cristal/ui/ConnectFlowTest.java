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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.oauth.Grants;
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

/**
 * The account form's Connect, through the real window on headless Monocle, against a loopback authorization
 * server; the "system browser" is a fake that follows the consent page's redirect as a browser would.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    LoopbackAuth server;
    MapSecrets secrets = new MapSecrets();
    List<String> opened = new CopyOnWriteArrayList<>();
    /** What the "browser" does with a page: follow it back to Cristal, or leave it (the user went for coffee). */
    volatile boolean follow = true;

    @Start
    void start(Stage stage) throws Exception {
        server = new LoopbackAuth();
        Path file = dir.resolve("boulangerie.cristal");
        Publishing publishing = new Publishing(() -> List.of(new TestPages(server)), secrets, Clock.systemUTC())
                .withConnecting(LoopbackConnecting::open);
        studio = StudioUnderTest.start(stage, dir, file, publishing, "boulangerie-levain");
        studio.setLinkOpener(browser());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Consumer<String> browser() {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return address -> {
            opened.add(address);
            if (!follow) {
                return;
            }
            // Off the FX thread, as the real browser is another program.
            Thread t = new Thread(() -> {
                try {
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
        };
    }

    private Workspace ws() throws Exception {
        return fx(() -> studio.model().workspaceProperty().get());
    }

    private static boolean isTestPagesItem(Node n) {
        return n instanceof javafx.scene.Parent p && p.getChildrenUnmodifiable().stream()
                .anyMatch(c -> c instanceof Label l && "Test Pages".equals(l.getText()));
    }

    private String status(FxRobot robot) {
        return robot.lookup("#connectStatus").queryAs(Label.class).getText();
    }

    /** Channels › Add › Test Pages, the app id typed in. */
    private void openNewAccount(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        robot.clickOn("#publishMenuLabel").clickOn("Channels and accounts…");
        waitFor(() -> robot.lookup("#addAccount").tryQuery().isPresent());
        robot.clickOn("#addAccount");
        waitFor(() -> robot.lookup(".menu-item").match(ConnectFlowTest::isTestPagesItem).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item").match(ConnectFlowTest::isTestPagesItem).<Node>query());
        waitFor(() -> robot.lookup("#setting-appId").tryQuery().isPresent());
        robot.clickOn("#setting-appId").write("1234567890");
    }

    @Test
    void connectOpensTheBrowserAsksWhichPageAndSaysWhoItConnectedAs(FxRobot robot) throws Exception {
        openNewAccount(robot);
        // The app id is explained once, above the fields, from the plugin's own how-to.
        TitledPane appId = robot.lookup("#appIdBox").queryAs(TitledPane.class);
        assertTrue(appId.isExpanded());
        assertEquals("You need your own app id for Test Pages", appId.getText());
        assertEquals("Where to get it: " + TestPages.HOW_TO,
                robot.lookup("#appIdHowTo").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".field-help").queryAllAs(Label.class).stream()
                .noneMatch(l -> l.getText().contains(TestPages.HOW_TO)), "not said again under the field");
        assertTrue(robot.lookup("#setting-pageId").tryQuery().isEmpty(), "what Connect fills is not asked for");
        assertTrue(robot.lookup("#setting-pageToken").tryQuery().isEmpty());

        robot.clickOn("#connectAccount");
        waitFor(() -> robot.lookup("#placeList").tryQuery().isPresent());
        assertTrue(opened.get(0).startsWith(server.authorizationEndpoint().toString()), "the consent page opened");
        ListView<?> places = robot.lookup("#placeList").queryAs(ListView.class);
        assertEquals(2, places.getItems().size());
        robot.clickOn("Levain Traiteur");
        robot.clickOn("#choosePlace");

        waitFor(() -> status(robot).equals("Connected as Marie Levain — Levain Traiteur"));
        ChannelAccount saved = ws().channelAccounts().get("testpages").orElseThrow();
        assertEquals("p2", saved.settings().get("pageId"));
        assertEquals("pt-2", secrets.get("testpages", "pageToken").orElseThrow(), "the Page's token, kept secret");
        assertTrue(server.accepts(secrets.get("testpages", Grants.ACCESS).orElseThrow()));
        assertFalse(new String(Files.readAllBytes(ws().path())).contains("pt-2"), "no token in the workspace");
        waitFor(() -> !appId.isExpanded());
        assertTrue(robot.lookup("#disconnectAccount").query().isVisible());

        // Opened again later, the form still says who and where.
        robot.clickOn("#saveAccount");
        waitFor(() -> robot.lookup("#saveAccount").tryQuery().isEmpty());
        robot.interact(() -> robot.lookup("#accountList").queryAs(ListView.class).getSelectionModel().select(0));
        robot.clickOn("#editAccount");
        waitFor(() -> robot.lookup("#connectStatus").tryQuery().isPresent()
                && status(robot).equals("Connected as Marie Levain — Levain Traiteur"));
        assertTrue(robot.lookup("#disconnectAccount").query().isVisible());

        robot.clickOn("#disconnectAccount");
        waitFor(() -> robot.lookup("#confirmDisconnect").tryQuery().isPresent());
        robot.clickOn("#confirmDisconnect");
        waitFor(() -> status(robot).equals("Disconnected. Use Connect to publish here again."));
        assertTrue(secrets.get("testpages", Grants.ACCESS).isEmpty(), "the grant is forgotten");
        assertFalse(robot.lookup("#disconnectAccount").query().isVisible());
    }

    @Test
    void cancelDuringTheWaitForTheBrowserStopsWaitingAndKeepsTheAccount(FxRobot robot) throws Exception {
        follow = false;
        openNewAccount(robot);
        robot.clickOn("#connectAccount");
        waitFor(() -> status(robot).equals("Waiting for you in the browser… (up to 5 min)")
                && robot.lookup("#cancelConnect").query().isVisible());
        waitFor(() -> !opened.isEmpty());
        robot.clickOn("#cancelConnect");
        waitFor(() -> status(robot).equals("Cancelled: the account is saved but not connected."));
        assertFalse(robot.lookup("#cancelConnect").query().isVisible());
        assertFalse(robot.lookup("#connectAccount").queryButton().isDisabled(), "Connect can be tried again");
        assertTrue(ws().channelAccounts().get("testpages").isPresent(), "saved before connecting");
        assertTrue(secrets.get("testpages", Grants.ACCESS).isEmpty());
    }

    @Test
    void aRefusalIsOneSentenceInTheFormNeverAStackTrace(FxRobot robot) throws Exception {
        server.deny(true);
        openNewAccount(robot);
        robot.clickOn("#connectAccount");
        waitFor(() -> status(robot).startsWith("Could not connect:"));
        assertEquals("Could not connect: The service did not grant access to the account: “The user refused”",
                status(robot));
        assertTrue(robot.lookup("#connectStatus").queryAs(Label.class).getStyleClass().contains("field-problem"));
        assertFalse(robot.lookup("#disconnectAccount").query().isVisible());
    }
}
