package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
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

/** Ctrl+N and Duplicate on a real workspace: every story gets an address of its own. */
class NewStoryAddressTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;
    Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "");
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH);
        studio.open(file).get(20, TimeUnit.SECONDS);
        fx.await(() -> studio.editor().isOpen());
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    private String slugOf(String id) throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            return ws.stories().get(id).orElseThrow().story().webSlug();
        }
    }

    /** Opens a story and waits until the form knows the other stories' addresses. */
    private void open(String id) throws Exception {
        fx.call(() -> studio.editor().open(id)).get(10, TimeUnit.SECONDS);
        fx.call(() -> studio.editor().saveNow()).get(10, TimeUnit.SECONDS);
    }

    private String typeTitleAndSave(String title) throws Exception {
        fx.run(() -> studio.editor().form().setTitle(title));
        fx.call(() -> studio.editor().saveNow()).get(10, TimeUnit.SECONDS);
        return fx.call(() -> studio.editor().storyId());
    }

    @Test
    void newStoriesDoNotShareAnAddressAndTakeTheirTitles() throws Exception {
        String first = fx.call(() -> studio.library().newStory("", "fr")).get(10, TimeUnit.SECONDS);
        String second = fx.call(() -> studio.library().newStory("", "fr")).get(10, TimeUnit.SECONDS);
        assertNotEquals(slugOf(first), slugOf(second));

        open(first);
        typeTitleAndSave("Pain au levain");
        open(second);
        typeTitleAndSave("Pain au levain");
        assertEquals("pain-au-levain", slugOf(first));
        assertEquals("pain-au-levain-2", slugOf(second), "same title, another address");
        assertEquals(first.replaceAll("-\\d+$", ""), "new-story", "the internal id stays as it was");
    }

    @Test
    void aDuplicateGetsItsOwnAddress() throws Exception {
        String id = fx.call(() -> studio.library().newStory("", "fr")).get(10, TimeUnit.SECONDS);
        open(id);
        typeTitleAndSave("Pain au levain");
        String copy = fx.call(() -> studio.library().duplicate(id)).get(10, TimeUnit.SECONDS);
        assertEquals("pain-au-levain", slugOf(id));
        assertEquals("pain-au-levain-copy", slugOf(copy));
    }
}
