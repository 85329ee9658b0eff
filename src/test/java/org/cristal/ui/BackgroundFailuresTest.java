package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work a dialog waits on ends, with a sentence in the user's language, when the workspace fails under
 * it (here: closed underneath, as when another workspace is opened meanwhile); it never waits forever.
 */
class BackgroundFailuresTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("levain", Files.readString(Corpus.story("boulangerie-levain.md")), "");
            ws.stories().save("osteo", Files.readString(Corpus.story("osteo-samedi.md")), "");
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.FRENCH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.FRENCH);
        studio.open(file).get(20, TimeUnit.SECONDS);
        fx.await(() -> studio.editor().isOpen());
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    private void workspaceFails() throws Exception {
        fx.call(() -> studio.workspaceProperty().get()).close();
    }

    @Test
    void historyOfAWorkspaceThatCannotBeReadEndsWithAReasonInFrench() throws Exception {
        workspaceFails();
        CompletableFuture<Void> load = fx.call(() -> studio.history().load());
        assertThrows(ExecutionException.class, () -> load.get(10, TimeUnit.SECONDS));
        assertFalse(fx.call(() -> studio.history().loadingProperty().get()), "the dialog stops waiting");
        String problem = fx.call(() -> studio.history().problemProperty().get());
        assertEquals("Les versions de cette histoire n’ont pas pu être lues : L’espace de travail est fermé.", problem);
        assertTrue(fx.call(() -> studio.history().revisions().isEmpty()));
    }

    @Test
    void storyThatCannotBeReadLeavesTheOpenOneInPlaceAndSaysWhy() throws Exception {
        String before = fx.call(() -> studio.editor().storyId());
        String body = fx.call(() -> studio.editor().bodyProperty().get());
        String other = before.equals("levain") ? "osteo" : "levain";
        workspaceFails();
        CompletableFuture<Void> open = fx.call(() -> studio.editor().open(other));
        assertThrows(ExecutionException.class, () -> open.get(10, TimeUnit.SECONDS));
        assertEquals("Impossible d’ouvrir cette histoire : L’espace de travail est fermé. L’histoire déjà ouverte est toujours là.",
                fx.call(() -> studio.editor().problemProperty().get()));
        assertEquals(before, fx.call(() -> studio.editor().storyId()));
        assertEquals(body, fx.call(() -> studio.editor().bodyProperty().get()));
    }
}
