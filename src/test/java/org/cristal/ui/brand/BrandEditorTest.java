package org.cristal.ui.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.story.BrandParser;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The brand editor as a user drives it, on a real workspace file. */
@ExtendWith(ApplicationExtension.class)
class BrandEditorTest {
    @TempDir
    Path dir;
    private Workspace ws;
    private BrandEditorModel model;
    private BrandEditor editor;
    private final ResourceBundle text = StudioWindow.bundle(Locale.ENGLISH);

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ws = Workspace.open(dir.resolve("client.cristal"));
        for (String id : List.of("boulangerie-martin", "harbor-pine", "atelier-velo-rouge")) {
            ws.brands().save(id, Files.readString(Corpus.brand(id)));
        }
        ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain")));
        // The workspace is small: doing its work on the FX thread keeps the test deterministic.
        model = new BrandEditorModel(ws, Runnable::run, Runnable::run);
        model.select("boulangerie-martin");
        editor = new BrandEditor(text, Locale.ENGLISH, model);
        editor.setConfirmation(question -> true);
        stage.setScene(new Scene(editor, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private String source(String id) {
        return ws.brands().source(id).orElseThrow();
    }

    private void replaceText(FxRobot robot, String query, String value) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(value);
    }

    @Test
    void pickingAColourChangesThePreviewBrandAtOnce(FxRobot robot) {
        ColorPicker primary = robot.lookup("#colorPrimary").queryAs(ColorPicker.class);
        assertEquals(Color.web("#7A4B2A"), primary.getValue());
        robot.interact(() -> primary.setValue(Color.web("#123456")));
        assertEquals("#123456", model.getPreviewBrand().colors().primary());
        assertEquals("#123456", robot.lookup("#colorPrimaryHex").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#brandDirty").query().isVisible());
    }

    @Test
    void typingAHexCodeMovesThePicker(FxRobot robot) {
        replaceText(robot, "#colorAccentHex", "#00AA55");
        assertEquals(Color.web("#00AA55"), robot.lookup("#colorAccent").queryAs(ColorPicker.class).getValue());
        assertEquals("#00AA55", model.getPreviewBrand().colors().accent());
    }

    @Test
    void saveWritesTheEditedKitToTheWorkspace(FxRobot robot) throws Exception {
        replaceText(robot, "#brandName", "Boulangerie Martin et Fils");
        robot.clickOn("#brandSave");
        assertEquals("Boulangerie Martin et Fils", BrandParser.parse(null, source("boulangerie-martin")).name());
        assertEquals("“Boulangerie Martin et Fils” saved.", robot.lookup("#brandMessage").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#brandDirty").query().isVisible());
    }

    @Test
    void ctrlSSavesInsideTheEditor(FxRobot robot) throws Exception {
        replaceText(robot, "#brandTagline", "Levain et patience");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        assertEquals("Levain et patience", BrandParser.parse(null, source("boulangerie-martin")).tagline());
    }

    @Test
    void anInvalidHexCodeIsShownAndNothingIsSaved(FxRobot robot) {
        String before = source("boulangerie-martin");
        replaceText(robot, "#colorTextHex", "#12345");
        Label issue = robot.lookup("#colorTextIssue").queryAs(Label.class);
        assertTrue(issue.isVisible());
        assertEquals("“#12345” is not a colour: write it as #RRGGBB.", issue.getText());
        robot.clickOn("#brandSave");
        assertEquals("Not saved: one field needs fixing.", robot.lookup("#brandMessage").queryAs(Label.class).getText());
        assertEquals(before, source("boulangerie-martin"));
    }

    @Test
    void aWebsiteThatIsNotHttpIsShownAndNothingIsSaved(FxRobot robot) {
        String before = source("boulangerie-martin");
        replaceText(robot, "#brandWebsite", "ftp://boulangerie.example");
        Label issue = robot.lookup("#brandWebsiteIssue").queryAs(Label.class);
        assertTrue(issue.isVisible());
        assertTrue(issue.getText().contains("https://"), issue.getText());
        robot.clickOn("#brandSave");
        assertEquals(before, source("boulangerie-martin"));
    }

    @Test
    void lowContrastShowsTheRatioAndAFailingBadge(FxRobot robot) {
        assertEquals("AA pass", robot.lookup("#brandContrastBadge").queryAs(Label.class).getText());
        replaceText(robot, "#colorTextHex", "#CCCCCC");
        assertEquals("Below AA", robot.lookup("#brandContrastBadge").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#brandContrast").queryAs(Label.class).getText().startsWith("Text contrast 1."));
    }

    @Test
    void aNewBrandAppearsInTheListSelected(FxRobot robot) {
        robot.clickOn("#brandNew");
        @SuppressWarnings("unchecked")
        ListView<BrandEditorModel.Entry> list = robot.lookup("#brandList").queryAs(ListView.class);
        BrandEditorModel.Entry created = new BrandEditorModel.Entry("new-brand", "New brand");
        assertTrue(list.getItems().contains(created));
        assertEquals(created, list.getSelectionModel().getSelectedItem());
        assertEquals("New brand", robot.lookup("#brandName").queryAs(TextField.class).getText());
        assertTrue(ws.brands().source("new-brand").isPresent());
    }

    @Test
    void choosingABrandInTheListLoadsIt(FxRobot robot) {
        robot.clickOn("Harbor & Pine Coffee Roasters");
        assertEquals("Harbor & Pine Coffee Roasters", robot.lookup("#brandName").queryAs(TextField.class).getText());
        assertEquals("harbor-pine", model.getSelectedId());
    }

    @Test
    void deletingABrandStoriesUseIsRefusedWithTheCount(FxRobot robot) {
        robot.clickOn("#brandDelete");
        assertEquals("“Boulangerie Martin” was not deleted: one story uses it.",
                robot.lookup("#brandMessage").queryAs(Label.class).getText());
        assertTrue(ws.brands().source("boulangerie-martin").isPresent());
        assertEquals(3, robot.lookup("#brandList").queryAs(ListView.class).getItems().size());
    }

    @Test
    void deletingAnUnusedBrandAsksFirst(FxRobot robot) {
        List<String> asked = new java.util.ArrayList<>();
        editor.setConfirmation(question -> asked.add(question) && false);
        robot.clickOn("Harbor & Pine Coffee Roasters");
        robot.clickOn("#brandDelete");
        assertEquals(List.of("Delete the brand kit “Harbor & Pine Coffee Roasters”? This cannot be undone."), asked);
        assertTrue(ws.brands().source("harbor-pine").isPresent(), "the user said no");
        editor.setConfirmation(question -> true);
        robot.clickOn("#brandDelete");
        assertTrue(ws.brands().source("harbor-pine").isEmpty());
        assertEquals(2, robot.lookup("#brandList").queryAs(ListView.class).getItems().size());
    }

    @Test
    void deletingABrandStoriesUseDoesNotAskAtAll(FxRobot robot) {
        editor.setConfirmation(question -> {
            throw new AssertionError("asked: " + question);
        });
        robot.clickOn("#brandDelete");
        assertTrue(ws.brands().source("boulangerie-martin").isPresent());
    }

    @Test
    void theDialogOpensAtAReadableSizeAndClosingDropsUnsavedEdits(FxRobot robot) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            BrandEditor inDialog = new BrandEditor(text, Locale.ENGLISH, model);
            inDialog.setConfirmation(question -> true);
            dialog[0] = BrandEditor.showDialog(editor.getScene().getWindow(), inDialog);
        });
        assertEquals("Brand kits", dialog[0].getTitle());
        assertEquals(1100, dialog[0].getScene().getWidth());
        assertEquals(700, dialog[0].getScene().getHeight());
        robot.interact(() -> model.primaryColorProperty().set("#000000"));
        robot.interact(() -> dialog[0].fireEvent(new javafx.stage.WindowEvent(dialog[0],
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals("#7A4B2A", model.getPreviewBrand().colors().primary(), "the previews get the saved kit back");
        robot.interact(dialog[0]::close);
    }

    @Test
    void iconButtonsHaveTooltips(FxRobot robot) {
        for (String id : List.of("#brandNew", "#brandDuplicate", "#brandDelete")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertNotNull(b.getTooltip(), id);
            assertFalse(b.getTooltip().getText().isBlank(), id);
        }
    }

    @Test
    void aChosenLogoIsStoredInTheWorkspace(FxRobot robot) {
        editor.setOnChooseLogo(window -> java.util.Optional.of(Corpus.images().resolve("logo-martin.png")));
        robot.clickOn("#brandChooseLogo");
        assertEquals("../images/boulangerie-martin-logo.png",
                robot.lookup("#brandLogo").queryAs(TextField.class).getText());
        assertTrue(ws.assetResolver().resolve("../images/boulangerie-martin-logo.png").isPresent());
    }
}
