package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.model.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a double-click (or {@code cristal FILE}) gives: the studio on that workspace, or that story in the
 * editor; a missing, foreign or damaged file is said in the problem bar and the usual workspace opens.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningFilesTest {
    @TempDir
    Path dir;
    Stage stage;
    Studio studio;
    Path usual;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        usual = dir.resolve("usual.cristal");
        try (Workspace ws = Workspace.open(usual)) {
            ws.stories().save("", Files.readString(Corpus.story("coffee-huila")), "");
        }
    }

    private void startOn(Path file) throws Exception {
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        settings.put("welcome.shown", "true");
        settings.put("language", "en");
        settings.setSpellingEnabled(false);
        settings.rememberWorkspace(usual);
        fx(() -> {
            studio = new Studio(stage, settings, Optional.empty(), null);
            studio.start(Optional.of(file));
            return null;
        });
    }

    private Path workspaceOpen() throws Exception {
        return fx(() -> {
            Workspace ws = studio.model().workspaceProperty().get();
            return ws == null ? null : ws.path();
        });
    }

    @Test
    void aWorkspaceGivenToTheStudioOpensInsteadOfTheLastOneAndNamesTheWindow() throws Exception {
        Path client = dir.resolve("Boulangerie Martin.cristal");
        try (Workspace ws = Workspace.open(client)) {
            ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain")), "");
        }
        startOn(client);
        waitFor(() -> studio.model().editor().isOpen());
        assertEquals(client, workspaceOpen());
        assertTrue(fx(stage::getTitle).contains("Boulangerie Martin"), fx(stage::getTitle));
        assertTrue(fx(() -> studio.model().editor().bodyProperty().get()).contains("levain"));
    }

    @Test
    void aMarkdownFileOpensInTheEditorOfTheUsualWorkspaceOnce() throws Exception {
        Path md = Files.copy(Corpus.story("osteo-samedi"), dir.resolve("samedi.md"));
        startOn(md);
        waitFor(() -> "samedi".equals(studio.model().editor().storyId()));
        assertEquals(usual, workspaceOpen());
        assertEquals(Files.readString(md), fx(() -> studio.model().editor().sourceProperty().get()));

        fx(() -> {
            studio.open(md);
            return null;
        });
        waitFor(() -> studio.model().library().items().size() == 2);
        Thread.sleep(500);
        assertEquals(2, fx(() -> studio.model().library().items().size()), "opened twice, stored once");
    }

    @Test
    void aMissingFileIsSaidAndTheUsualWorkspaceOpens() throws Exception {
        Path gone = dir.resolve("moved away.cristal");
        startOn(gone);
        waitFor(() -> studio.model().editor().isOpen());
        waitFor(() -> studio.model().problemProperty().get().contains("moved away.cristal"));
        assertEquals(usual, workspaceOpen());
        assertTrue(Files.notExists(gone), "a missing workspace is not created behind the user's back");
    }

    @Test
    void aFileThatIsNotAWorkspaceIsSaidAndTheUsualWorkspaceOpensUntouched() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.cristal"), "shopping list: flour, salt\n");
        startOn(notes);
        waitFor(() -> usual.equals(studio.model().workspaceProperty().get() == null ? null
                : studio.model().workspaceProperty().get().path()));
        waitFor(() -> studio.model().problemProperty().get().contains("notes.cristal"));
        assertEquals("shopping list: flour, salt\n", Files.readString(notes));
    }

    @Test
    void aStoryWithBrokenFrontMatterIsSaidAndTheOpenStoryStays() throws Exception {
        Path bad = Files.copy(Corpus.root().resolve("bad").resolve("broken-front-matter.md"), dir.resolve("bad.md"));
        startOn(bad);
        waitFor(() -> studio.model().problemProperty().get().contains("bad.md"));
        waitFor(() -> studio.model().editor().isOpen());
        assertEquals(1, fx(() -> studio.model().library().items().size()));
    }
}
