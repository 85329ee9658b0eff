package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.persona.Persona;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A story written for a persona: its card beside the editor with the persona's words, a finding for a word the
 * persona avoids, the personas screen changing the card, and "no persona" in the form taking the card away.
 */
@ExtendWith(ApplicationExtension.class)
class PersonaFlowTest {
    @TempDir
    Path dir;
    Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("osteo.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.audience().contacts().save(ContactDraft.of("marie@example.fr").withName("Marie", "Roux")
                    .withTags(List.of("patients")));
            ws.personas().save(new Persona(0, "Marc", "Works all week, back pain.", List.of("Relief on Saturday"),
                    List.of("Is it serious?"), "direct", List.of("samedi"), List.of("holistique"), List.of("email"),
                    List.of("social"), 0, "tag = patients", Instant.EPOCH, Instant.EPOCH));
            ws.stories().save("", "---\ntitle: Le samedi\nlang: fr\npersona: Marc\n---\n"
                    + "Une approche holistique, le samedi matin.\n", "");
        }
        studio = StudioUnderTest.start(stage, dir, file, "en", 1366, 768, List.of());
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theCardShowsThePersonasWordsAndTheAvoidedWordIsAFinding(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#personaWordsAvoid").tryQuery().isPresent());
        TitledPane card = robot.lookup("#personaCard").queryAs(TitledPane.class);
        assertTrue(fx(card::isVisible));
        assertTrue(fx(card::getText).equals("Written for Marc"), fx(card::getText));
        assertTrue(text(robot, "#personaWordsAvoid").equals("Words to avoid: holistique"), text(robot, "#personaWordsAvoid"));
        assertTrue(text(robot, "#personaWordsUse").contains("samedi"));
        assertTrue(text(robot, "#personaPortrait").contains("Works all week"));
        waitFor(() -> robot.lookup("#personaPreviewAs").tryQuery().isPresent());
        assertTrue(fx(() -> ((javafx.scene.control.Button) robot.lookup("#personaPreviewAs").query()).getText())
                .equals("Preview as Marie Roux"));

        waitFor(() -> studio.model().preview().findings().stream().anyMatch(f ->
                f.code().equals("check.persona.avoidWord") && f.args().get(0).equals("holistique")));
        org.cristal.story.Finding avoided = fx(() -> studio.model().preview().findings().stream()
                .filter(f -> f.code().equals("check.persona.avoidWord")).findFirst().orElseThrow());
        robot.interact(() -> robot.lookup("#findingsList").queryAs(javafx.scene.control.ListView.class).scrollTo(avoided));
        waitFor(() -> robot.lookup(".finding-cell").queryAll().stream()
                .filter(n -> avoided.equals(((javafx.scene.control.ListCell<?>) n).getItem()))
                .flatMap(n -> n.lookupAll(".label").stream())
                .anyMatch(n -> ((Label) n).getText().contains("“holistique” is one of the words Marc does not like")));

        // The personas screen, from the card: a new word to avoid shows on the card once saved.
        // Fired rather than clicked: at 768 pixels high the card's buttons may be below the form's visible part.
        robot.interact(() -> robot.lookup("#personaEdit").queryAs(javafx.scene.control.Button.class).fire());
        waitFor(() -> robot.lookup("#personaWordsAvoidField").tryQuery().isPresent()
                && "Marc".equals(robot.lookup("#personaName").queryAs(TextField.class).getText()));
        robot.interact(() -> robot.lookup("#personaWordsAvoidField").queryAs(TextField.class)
                .setText("holistique, approche"));
        robot.interact(() -> robot.lookup("#personasSave").queryAs(javafx.scene.control.Button.class).fire());
        waitFor(() -> text(robot, "#personaWordsAvoid").equals("Words to avoid: holistique, approche"));
        // The story's findings follow the persona at once, without waiting for the next keystroke.
        waitFor(() -> studio.model().preview().findings().stream().anyMatch(f ->
                f.code().equals("check.persona.avoidWord") && f.args().get(0).equals("approche")));
    }

    @Test
    void choosingNoPersonaInTheFormTakesTheLineOutAndTheCardAway(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#personaWordsAvoid").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup("#personaChoice").queryAs(ComboBox.class);
        assertTrue(fx(() -> choice.getItems().contains("Marc")));
        robot.interact(() -> choice.setValue(""));
        CodeArea area = robot.lookup("#markdownArea").queryAs(CodeArea.class);
        waitFor(() -> !robot.lookup("#personaCard").query().isVisible());
        waitFor(() -> studio.model().preview().findings().stream()
                .noneMatch(f -> f.code().startsWith("check.persona")));
        Node card = robot.lookup("#personaCard").query();
        assertFalse(fx(card::isManaged));
        assertFalse(fx(() -> studio.model().editor().form().applyTo(
                org.cristal.story.StoryParser.parse("x", "---\ntitle: x\n---\n")).extra().containsKey("persona")));
        assertTrue(fx(area::getText) != null);
    }
}
