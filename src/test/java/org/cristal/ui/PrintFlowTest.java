package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Publish › Print for each contact…: who is left out before starting, then the copies and their history. */
@ExtendWith(ApplicationExtension.class)
class PrintFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("Boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            for (String[] c : new String[][] {{"anne@example.com", "Anne", "postal"}, {"bruno@example.com", "Bruno",
                "postal"}, {"dan@example.com", "Dan", "email"}}) {
                long id = ws.audience().contacts().save(ContactDraft.of(c[0]).withName(c[1], "Test")
                        .withAddress("1 rue Haute", "60300", "Senlis", "France")).contact().id();
                ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.of(c[2]).orElseThrow(),
                        Purpose.MARKETING, Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "shop", "Yes"));
            }
            ws.audience().segments().save("voisins", "email contains example");
        }
        studio = StudioUnderTest.start(stage, dir, file, "en", 1366, 768, List.of(), "boulangerie-levain");
    }

    @Test
    void printsACopyForEachContactWithPostalConsentAfterSayingWhoIsLeftOut(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        Path out = dir.resolve("courrier");
        robot.interact(() -> studio.window().commands().setChoosers(new Choosers() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String initialName) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> openFile(Window owner, String title, String filterName, List<String> patterns) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                return Optional.of(out);
            }
        }));
        robot.clickOn("#publishMenuLabel").clickOn("#menuPrintForEach");
        waitFor(() -> fx(() -> robot.lookup("#printSummary").tryQuery().map(n -> ((Label) n).getText()).orElse(""))
                .startsWith("2 copies · 1 left out (1 no postal consent"));
        robot.clickOn("#printChooseFolder");
        waitFor(() -> fx(() -> !robot.lookup("#printStart").queryAs(Button.class).isDisabled()));
        robot.clickOn("#printStart");
        waitFor(() -> fx(() -> robot.lookup("#printOpenFolder").queryAs(Button.class).isVisible()));
        assertTrue(Files.exists(out.resolve("print-file.pdf")));
        try (var copies = Files.list(out.resolve("copies"))) {
            assertEquals(2, copies.count());
        }
        String done = fx(() -> robot.lookup("#printSummary").queryAs(Label.class).getText());
        assertTrue(done.startsWith("2 copies written to"), done);
    }
}
