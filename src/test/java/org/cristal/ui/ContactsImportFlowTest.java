package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A shop's customer file imported from the contacts screen of a new workspace, then the import undone. */
@ExtendWith(ApplicationExtension.class)
class ContactsImportFlowTest {
    @TempDir
    Path dir;
    Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        studio = StudioUnderTest.start(stage, dir, dir.resolve("boulangerie.cristal"));
    }

    @Test
    void importAShopFileFromTheEmptyScreenSeeTheReportThenUndoIt(FxRobot robot) throws Exception {
        Path file = Path.of(getClass().getResource("contacts/clients-boutique.csv").toURI());
        waitFor(() -> studio.model().workspaceProperty().get() != null);
        robot.interact(() -> studio.window().commands().setChoosers(new OpenFile(file)));
        robot.clickOn("#contactsButton");
        waitFor(() -> robot.lookup("#contactsEmpty").queryAs(Node.class).isVisible());
        robot.clickOn("#contactsEmptyImport");
        waitFor(() -> robot.lookup("#importReport").queryLabeled().getText().startsWith("5 rows in the file."));
        assertTrue(robot.lookup("#importReport").queryLabeled().getText().contains("3 new"));
        assertEquals(0, fx(() -> studio.model().workspaceProperty().get().audience().contacts().count()));

        robot.interact(() -> ContactsFlowTest.snapshot(robot.lookup("#importReport").query(), "contacts-import"));
        robot.clickOn("#importProof").write("Signed the card at the counter");
        robot.clickOn("#importGo");
        waitFor(() -> robot.lookup("#importResult").queryLabeled().getText().startsWith("Imported. 3 new"));
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#contactsTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 3);
        waitFor(() -> robot.lookup("#contactsSummary").queryLabeled().getText().equals(
                "1–3 of 3 found · 3 contacts in all"));

        robot.clickOn("#importUndo");
        waitFor(() -> robot.lookup("#importResult").queryLabeled().getText().startsWith("Import undone"));
        waitFor(() -> table.getItems().isEmpty());
        waitFor(() -> robot.lookup("#contactsEmpty").queryAs(Node.class).isVisible());
    }

    /** Answers every open dialog with one file. */
    private record OpenFile(Path path) implements Choosers {
        @Override
        public Optional<Path> saveFile(javafx.stage.Window owner, String title, String initialName) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> openFile(javafx.stage.Window owner, String title, String filter, List<String> patterns) {
            return Optional.of(path);
        }

        @Override
        public Optional<Path> folder(javafx.stage.Window owner, String title) {
            return Optional.empty();
        }
    }
}
