package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A French baker's first visit to the contacts screen, on a 1366×768 laptop. */
@ExtendWith(ApplicationExtension.class)
class ContactsLaptopTest {
    @TempDir
    Path dir;
    Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        studio = StudioUnderTest.start(stage, dir, dir.resolve("boulangerie.cristal"), "fr", 1366, 768, List.of(),
                "boulangerie-levain");
    }

    private List<String> cut(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : StudioLaptopTest.all(root)) {
            if (n instanceof Labeled l && n.isVisible() && StudioLaptopTest.truncated(l)) {
                out.add(l.getText());
            }
        }
        return out;
    }

    @Test
    void aNewWorkspaceSaysWhatToDoFirstAndNothingIsCutInFrench(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.clickOn("#contactsButton");
        waitFor(() -> robot.lookup("#contactsEmpty").queryAs(Node.class).isVisible());
        assertEquals("Aucun contact pour l’instant.", robot.lookup("#contactsSummary").queryLabeled().getText());
        Node root = fx(() -> robot.lookup("#contactsTabs").queryAs(Node.class).getScene().getRoot());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(() -> cut(root)));

        robot.clickOn("#contactsEmptyAdd");
        waitFor(() -> robot.lookup("#contactEmail").queryAs(Node.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Nouveau contact", robot.lookup("#contactTitle").queryLabeled().getText());
        for (String id : List.of("contactEmail", "contactFirstName", "contactLastName", "contactCity",
                "contactPostcode", "contactTags")) {
            double width = fx(() -> robot.lookup("#" + id).queryAs(Region.class).getWidth());
            assertTrue(width >= 150, id + " is " + width + " px wide");
        }
        assertEquals(List.of(), fx(() -> cut(root)));

        robot.clickOn("#contactEmail").write("claire@example.fr");
        robot.clickOn("#contactFirstName").write("Claire");
        robot.clickOn("#contactSave");
        waitFor(() -> studio.model().workspaceProperty().get().audience().contacts().count() == 1);
        waitFor(() -> !robot.lookup("#contactsEmpty").queryAs(Node.class).isVisible());
        waitFor(() -> robot.lookup("#contactsSummary").queryLabeled().getText().startsWith("1–1 sur 1"));

        TabPane tabs = robot.lookup("#contactsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        Tab limit = fx(() -> tabs.getTabs().get(2));
        assertEquals("Limite d’envois", limit.getText());
        assertFalse(fx(() -> robot.lookup("#capMessages").queryAs(Node.class).isDisabled()
                != !studio.model().workspaceProperty().get().audience().frequencyCap().isSet()));
        assertEquals(List.of(), fx(() -> cut(root)));

        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Segments", fx(() -> tabs.getTabs().get(1).getText()));
        assertEquals(List.of(), fx(() -> cut(root)));
    }
}
