package org.cristal.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.cristal.ui.model.Settings;
import org.cristal.ui.publish.Publishing;
import org.testfx.util.WaitForAsyncUtils;

/** The real studio in a TestFX stage, on a workspace of corpus stories, in English, welcome seen. */
final class StudioUnderTest {
    /** The studio started last: waits also wait for its window to be whole (it is built in two steps). */
    private static volatile Studio last;

    private StudioUnderTest() {
    }

    static Studio start(Stage stage, Path dir, Path workspace, String... stories) throws Exception {
        return start(stage, dir, workspace, null, stories);
    }

    /** With the plugins and secret store given (null: the installed ones). */
    static Studio start(Stage stage, Path dir, Path workspace, org.cristal.ui.publish.Publishing publishing,
            String... stories) throws Exception {
        try (Workspace ws = Workspace.open(workspace)) {
            for (String story : stories) {
                ws.stories().save("", Files.readString(Corpus.story(story)), "");
            }
        }
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        settings.put("welcome.shown", "true");
        settings.put("language", "en");
        Studio studio = new Studio(stage, settings, Optional.of(workspace), publishing);
        studio.start();
        last = studio;
        return studio;
    }

    /**
     * In a language, at a window size, with spelling off (LanguageTool's loading is not what these
     * tests are about), on a workspace holding these stories and brand kits of the corpus.
     */
    static Studio start(Stage stage, Path dir, Path workspace, String lang, double width, double height,
            java.util.List<String> brands, String... stories) throws Exception {
        try (Workspace ws = Workspace.open(workspace)) {
            for (String id : brands) {
                ws.brands().save(id, Files.readString(Corpus.brand(id)));
            }
            for (String story : stories) {
                ws.stories().save("", Files.readString(Corpus.story(story)), "");
            }
        }
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        settings.put("welcome.shown", "true");
        settings.put("language", lang);
        settings.put("window.width", String.valueOf(width));
        settings.put("window.height", String.valueOf(height));
        settings.setSpellingEnabled(false);
        Studio studio = new Studio(stage, settings, Optional.of(workspace), null);
        studio.start();
        last = studio;
        return studio;
    }

    /** Waits (30 s at most) until {@code condition}, read on the FX thread, holds. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        Studio studio = last;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> (studio == null || studio.window().built())
                        && condition.call()).get();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Runs {@code c} on the FX thread and returns its answer. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }
}
