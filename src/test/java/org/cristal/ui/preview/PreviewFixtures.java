package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.fail;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioWindow;
import org.testfx.util.WaitForAsyncUtils;

/** Real renditions of corpus stories for the preview tests, and waiting on the FX thread. */
final class PreviewFixtures {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    /** The background executor of the tests, as the app's: two daemon threads. */
    static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "preview-test-background");
        t.setDaemon(true);
        return t;
    });

    private PreviewFixtures() {
    }

    static ResourceBundle bundle(Locale locale) {
        return StudioWindow.bundle(locale);
    }

    /** The app's theme, so what the tests see (colours, sizes) is what users see. */
    static void theme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    static RenderOptions options() {
        return RenderOptions.at(NOW).withAssets(new FileAssets(Corpus.stories(), Corpus.root()));
    }

    static Brand brandOf(StoryDocument doc) {
        return Corpus.loadBrand(doc.story().brand());
    }

    static Renderers.All render(StoryDocument doc, RenderOptions options) {
        return Renderers.renderAll(doc, brandOf(doc), options, POOL).join();
    }

    static Renderers.All render(String story) {
        return render(Corpus.document(story), options());
    }

    /** The corpus's hostile story: scripts, event handlers, javascript: links, iframes, a refresh. */
    static StoryDocument hostile() {
        return parse("xss", read(Corpus.root().resolve("bad/xss.md")));
    }

    /** A corpus story with a paragraph added at the end, as after a few keystrokes. */
    static StoryDocument edited(String story, String paragraph) {
        return parse(story, read(Corpus.story(story)) + "\n\n" + paragraph + "\n");
    }

    private static StoryDocument parse(String id, String source) {
        try {
            return StoryDocument.of(StoryParser.parse(id, source));
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds (30 s at most). */
    static void waitUntil(String what, Callable<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Writes a snapshot of {@code node} to target/snapshots/{@code name}.png (no javafx-swing: pixels by hand). */
    static Path snapshot(Node node, String name) {
        WritableImage image = onFx(() -> node.snapshot(null, null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        try {
            Path dir = Path.of("target", "snapshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
