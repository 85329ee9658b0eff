package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FrontMatterFormTest {
    private final Story story = Corpus.document("boulangerie-levain").story();
    private StoryFormModel model;
    private FrontMatterForm form;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ResourceBundle text = StudioWindow.bundle(Locale.FRENCH);
        model = new StoryFormModel();
        form = new FrontMatterForm(text, Locale.FRENCH, model);
        form.setBrands(List.of(Corpus.loadBrand("boulangerie-martin"), Corpus.loadBrand("harbor-pine")));
        model.load(story);
        // Tall enough for the image row below the details (language, brand, status, persona); the studio scrolls.
        stage.setScene(new Scene(form, 900, 560));
        stage.show();
    }

    @Test
    void loadingAStoryFillsTheFieldsWithoutAnEdit(FxRobot robot) {
        assertEquals(story.title(), robot.lookup("#titleField").queryAs(TextField.class).getText());
        assertEquals("levain, artisanat, pain, quartier", robot.lookup("#tagsField").queryAs(TextField.class).getText());
        assertEquals("fr", robot.lookup("#langChoice").queryComboBox().getValue());
        ComboBox<String> brand = robot.lookup("#brandChoice").queryComboBox();
        assertEquals("boulangerie-martin", brand.getValue());
        assertEquals("Boulangerie Martin", brand.getConverter().toString(brand.getValue()));
        ChoiceBox<?> status = robot.lookup("#statusChoice").queryAs(ChoiceBox.class);
        assertEquals(Status.DRAFT, status.getValue());
        assertEquals(0, model.editedProperty().get());
        robot.interact(() -> model.load(Corpus.document("osteo-samedi").story()));
        assertEquals(0, model.editedProperty().get());
    }

    @Test
    void newBrandListKeepsTheStorysBrandAndIsNotAnEdit(FxRobot robot) {
        robot.interact(() -> form.setBrands(List.of(Corpus.loadBrand("harbor-pine"))));
        assertEquals(0, model.editedProperty().get());
        assertEquals("boulangerie-martin", model.applyTo(story).brand());
        // A brand the list does not hold is shown by its id.
        ComboBox<String> brand = robot.lookup("#brandChoice").queryComboBox();
        assertEquals("boulangerie-martin", brand.getConverter().toString(brand.getValue()));
    }

    @Test
    void typingATitleIsAnEditTheStoryPicksUp(FxRobot robot) {
        AtomicInteger edits = new AtomicInteger();
        model.setOnEdited(edits::incrementAndGet);
        robot.doubleClickOn("#titleField");
        robot.interact(() -> robot.lookup("#titleField").queryAs(TextField.class).selectAll());
        robot.write("Le levain");
        assertTrue(edits.get() > 0);
        assertEquals("Le levain", model.applyTo(story).title());
        assertEquals(story.body(), model.applyTo(story).body());
    }

    @Test
    void choosingAStatusAndABrandChangesTheStory(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#statusChoice").queryAs(ChoiceBox.class).getSelectionModel().select(Status.REVIEW);
            robot.lookup("#brandChoice").queryComboBox().getSelectionModel().select("harbor-pine");
        });
        Story changed = model.applyTo(story);
        assertEquals(Status.REVIEW, changed.status());
        assertEquals("harbor-pine", changed.brand());
        assertEquals("En relecture", robot.lookup("#statusChoice").queryAs(ChoiceBox.class).getConverter()
                .toString(Status.REVIEW));
    }

    @Test
    void anInvalidButtonLinkShowsAnInlineMessage(FxRobot robot) {
        Label problem = robot.lookup("#ctaUrlProblem").queryAs(Label.class);
        assertFalse(problem.isVisible());
        robot.interact(() -> form.focusField("cta.url"));
        assertTrue(robot.lookup("#ctaImageSection").queryAs(TitledPane.class).isExpanded());
        TextField url = robot.lookup("#ctaUrlField").queryAs(TextField.class);
        assertTrue(url.isFocused());
        robot.write("javascript:alert(1)");
        assertTrue(problem.isVisible());
        assertEquals("Le lien du bouton doit commencer par https://, http://, mailto: ou tel:", problem.getText());
        robot.interact(() -> url.setText("https://boulangerie-martin.example/reservation"));
        assertFalse(problem.isVisible());
    }

    @Test
    void summaryShowsItsLengthAgainstTheIdealRange(FxRobot robot) {
        Label count = robot.lookup("#summaryCount").queryAs(Label.class);
        // The corpus summary is 112 characters: a little short for a search result.
        assertEquals(story.summary().length() + " caractères (idéal\u00a0: de 120 à 156)", count.getText());
        assertFalse(count.getStyleClass().contains("success"));
        String ideal = "Depuis 1985, notre levain naturel est nourri chaque matin à 4 h. "
                + "Voici pourquoi il change tout dans votre pain de campagne.";
        robot.interact(() -> model.summaryProperty().set(ideal));
        assertEquals(ideal.length() + " caractères (idéal\u00a0: de 120 à 156)", count.getText());
        assertTrue(count.getStyleClass().contains("success"));
    }

    @Test
    void focusFieldOpensThePerChannelSection(FxRobot robot) {
        TitledPane channels = robot.lookup("#channelSection").queryAs(TitledPane.class);
        assertFalse(channels.isExpanded());
        robot.interact(() -> assertTrue(form.focusField("email.subject")));
        assertTrue(channels.isExpanded());
        assertTrue(robot.lookup("#emailSubjectField").query().isFocused());
        robot.interact(() -> assertFalse(form.focusField("nothing")));
    }

    @Test
    void chooseImageRunsTheWindowsHandler(FxRobot robot) {
        AtomicInteger chosen = new AtomicInteger();
        robot.interact(() -> {
            form.setOnChooseImage(chosen::incrementAndGet);
            form.focusField("image");
        });
        robot.clickOn("#chooseImage");
        assertEquals(1, chosen.get());
    }
}
