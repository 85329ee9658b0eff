package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.cristal.ui.StudioWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The web address row of the form, right under the title, in French. */
@ExtendWith(ApplicationExtension.class)
class SlugFieldTest {
    private StoryFormModel model;
    private Story story;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        story = StoryParser.parse("new-story-2",
                "---\ntitle: \"Nouvelle histoire\"\nslug: \"nouvelle-histoire-2\"\nlang: fr\n---\nTexte.\n");
        model = new StoryFormModel();
        FrontMatterForm form = new FrontMatterForm(StudioWindow.bundle(Locale.FRENCH), Locale.FRENCH, model);
        model.load(story);
        stage.setScene(new Scene(form, 900, 400));
        stage.show();
    }

    @Test
    void typingTheTitleFillsTheAddressAndABadAddressIsExplained(FxRobot robot) {
        TextField slug = robot.lookup("#slugField").queryAs(TextField.class);
        Label note = robot.lookup("#slugNote").queryAs(Label.class);
        assertEquals("nouvelle-histoire-2", slug.getText());
        assertEquals("Suit le titre jusqu’à la publication de l’histoire.", note.getText());

        robot.interact(() -> robot.lookup("#titleField").queryAs(TextField.class).setText("Le pain d’épices"));
        assertEquals("le-pain-d-epices", slug.getText());

        robot.clickOn("#slugField");
        robot.interact(slug::selectAll);
        robot.write("Pain Épices");
        Label problem = robot.lookup("#slugProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("Utilisez des lettres minuscules sans accent, des chiffres et des tirets simples, par exemple "
                + "pain-au-levain.", problem.getText());
        assertFalse(note.isVisible(), "written by hand: it no longer follows the title");
    }

    @Test
    void changingThePublishedAddressWarnsThatLinksBreak(FxRobot robot) {
        robot.interact(() -> model.load(story, "nouvelle-histoire-2"));
        Label note = robot.lookup("#slugNote").queryAs(Label.class);
        assertEquals("L’histoire est publiée à cette adresse\u00a0: les liens vers elle y mènent.", note.getText());
        robot.interact(() -> robot.lookup("#slugField").queryAs(TextField.class).setText("pain-d-epices"));
        assertEquals("Cette histoire a été publiée à l’adresse «\u00a0nouvelle-histoire-2\u00a0»\u00a0: une nouvelle "
                + "adresse casse les liens déjà partagés et indexés.", note.getText());
        assertTrue(note.getStyleClass().contains("warning"));
    }
}
