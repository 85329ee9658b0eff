package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.library.StoryItem;
import org.cristal.ui.model.SaveState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's main flows, driven through the real window on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class StudioFlowTest {
    @TempDir
    Path dir;
    Studio studio;
    Stage stage;
    Path file;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        file = dir.resolve("boulangerie.cristal");
        studio = StudioUnderTest.start(stage, dir, file, "boulangerie-levain");
    }

    @Test
    void writeAStoryAndSeeItEverywhereThenFindRestoreAndExportIt(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen() && studio.model().preview().renditionsProperty().get() != null);
        String firstStory = fx(() -> studio.model().editor().storyId());

        robot.clickOn("#newStory");
        waitFor(() -> !studio.model().editor().storyId().equals(firstStory)
                && studio.model().editor().storyId().startsWith("new-story"));
        String id = fx(() -> studio.model().editor().storyId());
        String starter = fx(() -> studio.model().editor().bodyProperty().get());

        robot.clickOn("#markdownArea");
        robot.write("Miche au kamut le lundi.");
        waitFor(() -> studio.model().editor().bodyProperty().get().contains("Miche au kamut le lundi."));

        // Autosaved within a second as a draft (no revision per pause in typing).
        waitFor(() -> studio.model().editor().stateProperty().get() == SaveState.DRAFT_SAVED);
        assertEquals("Saved", robot.lookup("#saveState").queryAs(Label.class).getText());
        try (Workspace other = Workspace.open(file)) {
            assertTrue(other.stories().draft(id).orElseThrow().contains("Miche au kamut"));
            assertEquals(1, other.stories().history(id).size());
        }

        // All four previews show the new words.
        waitFor(() -> {
            var all = studio.model().preview().renditionsProperty().get();
            return all != null && all.web().body().html().contains("Miche au kamut")
                    && robot.lookup("#webPreview").queryAs(javafx.scene.Node.class) != null;
        });
        PreviewCheck.webShows(robot, "Miche au kamut");
        robot.clickOn("#emailPlainToggle");
        waitFor(() -> robot.lookup("#emailPlainText").queryTextInputControl().getText().contains("Miche au kamut"));
        robot.clickOn("#emailPlainToggle");
        waitFor(() -> robot.lookup(".post-text").queryAll().stream().anyMatch(n -> ((javafx.scene.text.TextFlow) n)
                .getChildren().stream().map(t -> ((javafx.scene.text.Text) t).getText())
                .reduce("", String::concat).contains("Miche au kamut")));
        // The brochure follows the text previews.
        waitFor(() -> {
            var brochure = studio.model().preview().renditionsProperty().get().brochure();
            return brochure != null && pdfText(brochure.body().pdf()).contains("Miche au kamut");
        });
        waitFor(() -> robot.lookup("#brochurePage").queryAs(Label.class).getText().startsWith("Page 1 /"));

        // Findings follow the text: a picture that is not in the workspace is reported at once.
        assertFalse(fx(() -> studio.model().preview().findings().stream()
                .anyMatch(f -> f.code().equals("image.notFound"))));
        robot.clickOn("#markdownArea").write("\n\n![Le four](four-a-bois.jpg)\n");
        waitFor(() -> robot.lookup("#findingsList").queryListView().getItems().stream()
                .anyMatch(f -> ((org.cristal.story.Finding) f).code().equals("image.notFound")));
        waitFor(() -> {
            var shown = robot.lookup("#findingsList").queryListView().getItems();
            var found = studio.model().preview().findings();
            return !found.isEmpty() && shown.size() == found.size() && shown.containsAll(found);
        });


        // Leaving the editor made a revision; search finds the story.
        robot.clickOn("#searchField").write("kamut");
        waitFor(() -> {
            ListView<?> list = robot.lookup("#storyList").queryListView();
            return list.getItems().size() == 1 && ((StoryItem) list.getItems().get(0)).id().equals(id);
        });

        // Restore the first version from the history dialog.
        robot.clickOn("#historyButton");
        waitFor(() -> studio.model().history().revisions().size() >= 2);
        robot.interact(() -> studio.model().history().selectedProperty()
                .set(studio.model().history().revisions().get(studio.model().history().revisions().size() - 1)));
        robot.clickOn("#restoreRevision");
        waitFor(() -> studio.model().editor().bodyProperty().get().equals(starter));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        // Export the brochure from the menu: the PDF holds the restored text, not the typed one.
        Path out = dir.resolve("brochure.pdf");
        robot.interact(() -> studio.window().commands().setChoosers(new SaveTo(out)));
        robot.clickOn("#exportMenuLabel");
        robot.clickOn(studio.model().text().getString("menu.exportBrochure"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(out) && Files.size(out) > 1000);
        waitFor(() -> robot.lookup("#jobProgress").tryQuery().isEmpty());
        String exported = pdfText(Files.readAllBytes(out));
        assertFalse(exported.contains("Miche au kamut"));
        assertTrue(exported.replaceAll("\\s+", " ").contains(starter.strip().split("\\.")[0].replaceAll("\\s+", " ")));
    }

    @Test
    void switchingToFrenchRebuildsTheWindowInFrench(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        assertEquals("Search stories (Ctrl+F)", robot.lookup("#searchField").queryTextInputControl().getPromptText());
        robot.interact(() -> {
            studio.model().settings().put("language", "fr");
        });
        robot.interact(() -> studio.relaunchForTests());
        waitFor(() -> studio.model().editor().isOpen());
        assertEquals("Rechercher une histoire (Ctrl+F)",
                robot.lookup("#searchField").queryTextInputControl().getPromptText());
        assertEquals("Enregistré", robot.lookup("#saveState").queryAs(Label.class).getText());
    }

    @Test
    void openingASecondWorkspaceShowsItsStories(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        Path second = dir.resolve("osteo.cristal");
        try (Workspace ws = Workspace.open(second)) {
            ws.stories().save("", Files.readString(Corpus.story("osteo-samedi")), "");
        }
        fx(() -> studio.model().open(second)).get(30, TimeUnit.SECONDS);
        waitFor(() -> {
            ListView<?> list = robot.lookup("#storyList").queryListView();
            return list.getItems().size() == 1
                    && ((StoryItem) list.getItems().get(0)).id().equals(studio.model().editor().storyId())
                    && studio.model().workspaceProperty().get().path().equals(second);
        });
        assertEquals(second.toAbsolutePath().normalize(), studio.model().settings().lastWorkspace().orElseThrow());
    }

    /** The PDF's words with line breaks as spaces (justified text breaks lines anywhere). */
    /** Answers every save dialog with one path. */
    private record SaveTo(Path path) implements Choosers {
        @Override
        public Optional<Path> saveFile(javafx.stage.Window owner, String title, String initialName) {
            return Optional.of(path);
        }

        @Override
        public Optional<Path> openFile(javafx.stage.Window owner, String title, String filter,
                java.util.List<String> patterns) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> folder(javafx.stage.Window owner, String title) {
            return Optional.empty();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
