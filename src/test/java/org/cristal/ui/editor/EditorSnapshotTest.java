package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cristal.story.Story;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The form above the editor at 900×700 with a French story, in the light and dark themes, as PNGs to look at. */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Tag("snapshot")
class EditorSnapshotTest {
    private final Story story = Corpus.document("boulangerie-levain").story();
    private Stage stage;
    private MarkdownEditor editor;
    private VBox root;
    private FrontMatterForm form;
    private StoryFormModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, String userAgentStylesheet) throws Exception {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(userAgentStylesheet);
            ResourceBundle text = StudioWindow.bundle(Locale.FRENCH);
            model = new StoryFormModel();
            form = new FrontMatterForm(text, Locale.FRENCH, model);
            form.setBrands(List.of(Corpus.loadBrand("boulangerie-martin")));
            model.load(story);
            Executor direct = Runnable::run;
            editor = new MarkdownEditor(text, Locale.FRENCH, direct);
            editor.setText(story.body());
            VBox.setVgrow(editor, Priority.ALWAYS);
            root = new VBox(form, editor);
            stage.setScene(new Scene(root, 900, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.wordCountProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lightTheme(FxRobot robot) throws Exception {
        show(robot, new PrimerLight().getUserAgentStylesheet());
        robot.interact(() -> editor.showFind());
        robot.write("levain");
        WaitForAsyncUtils.waitForFxEvents();
        Path[] file = new Path[1];
        robot.interact(() -> file[0] = PngSnapshot.write(root, "editor-form-fr-light"));
        assertTrue(Files.size(file[0]) > 10_000);
    }

    @Test
    void openSectionsWithAProblem(FxRobot robot) throws Exception {
        show(robot, new PrimerLight().getUserAgentStylesheet());
        robot.interact(() -> {
            model.ctaUrlProperty().set("boulangerie-martin.example/reservation");
            model.imageAltProperty().set("");
            form.focusField("email.subject");
            form.focusField("cta.url");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path[] file = new Path[1];
        robot.interact(() -> file[0] = PngSnapshot.write(root, "editor-form-fr-sections"));
        assertTrue(Files.size(file[0]) > 10_000);
    }

    @Test
    void darkTheme(FxRobot robot) throws Exception {
        show(robot, new PrimerDark().getUserAgentStylesheet());
        Path[] file = new Path[1];
        robot.interact(() -> file[0] = PngSnapshot.write(root, "editor-form-fr-dark"));
        assertTrue(Files.size(file[0]) > 10_000);
    }
}
