package org.cristal.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a second core, the classes the studio's first screen needs, while the main thread starts
 * JavaFX: the two take about the same time, and the machine's other core was idle during the first.
 * Classes are loaded and linked, never initialised (their static blocks run where they always did, on
 * the thread that first uses them), so the order of start-up is unchanged; a name that no longer
 * exists is skipped. The list is {@code startup-classes.txt}, written by {@code bench --startup
 * --class-list FILE} from the classes a real start loads before the studio is ready.
 */
final class ClassPreloader {
    static final String LIST = "startup-classes.txt";

    private ClassPreloader() {
    }

    /** Starts the loading thread; returns at once. Does nothing when the list is missing. */
    static void start() {
        if (Boolean.getBoolean("cristal.noPreload")) {
            return;
        }
        Thread t = new Thread(ClassPreloader::run, "cristal-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                load(name.strip(), loader);
            }
        } catch (IOException e) {
            // Only a head start is lost.
        }
        warmUp();
    }

    /**
     * Reads a small story once, as the workspace thread will read the real one: the Markdown and YAML
     * parsers' classes are then initialised and their first, interpreted run is behind us.
     */
    private static void warmUp() {
        try {
            org.cristal.story.StoryDocument.parse("warm-up", "---\ntitle: Pain au levain\nlang: fr\ntags: [pain]\n---\n"
                    + "# Pain au levain\n\nUne **mie** souple, une [croûte](https://example.org) fine.\n\n- farine\n- eau\n");
        } catch (org.cristal.story.StoryFormatException | RuntimeException e) {
            // A head start only.
        }
    }

    private static void load(String name, ClassLoader loader) {
        if (name.isEmpty() || name.startsWith("#")) {
            return;
        }
        try {
            Class<?> c = Class.forName(name, false, loader);
            // Asking for the constructors makes the JVM link (verify) the class here, not on the FX thread.
            c.getDeclaredConstructors();
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            // Renamed or gone since the list was written, or not for this platform: skip it.
        }
    }
}
