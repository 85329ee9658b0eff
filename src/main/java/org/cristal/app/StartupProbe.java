package org.cristal.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import org.cristal.ui.Studio;
import org.cristal.ui.TypingProbe;

/**
 * For the startup benchmark (and the installer's class-data training run): with
 * {@code -Dcristal.startupProbe=true}, prints how long after the JVM started the studio became usable
 * and when the four previews were first on screen, then exits. With {@code -Dcristal.typingProbe=N}
 * it then types N words into a 1,500-word story and prints how long each took to reach the previews
 * ({@link TypingProbe}) before exiting.
 *
 * <p>"Usable" is the first frame painted after the last story is in the editor (the window is shown
 * and the caret takes keys); "previews" the first frame where the web and e-mail pages have loaded,
 * the social cards are built and a brochure page is drawn. Each line also gives the wall-clock time
 * ({@code at} epoch milliseconds) so that a benchmark can count from when it started the launcher.
 */
final class StartupProbe {
    static final String PROPERTY = "cristal.startupProbe";
    static final String TYPING = "cristal.typingProbe";
    private static final long GIVE_UP_MS = 180_000;

    private StartupProbe() {
    }

    static void watch(Studio studio) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        // at[0]: opened (then the next frame is the usable one), at[1]: usable, at[2]: previews on screen.
        long[] at = {0, 0, 0};
        Runnable pulse = () -> {
            if (at[0] == 0 || at[2] != 0) {
                return;
            }
            if (at[1] == 0) {
                at[1] = System.currentTimeMillis();
            }
            if (!studio.previewsShown()) {
                if (System.currentTimeMillis() - at[0] > GIVE_UP_MS) {
                    // A bench must not wait for ever on a studio whose previews never fill.
                    System.out.println("startup probe: the previews were not on screen " + GIVE_UP_MS / 1000
                            + " s after the story opened");
                    System.out.flush();
                    at[2] = -1;
                    Platform.exit();
                    return;
                }
                Platform.requestNextPulse();
                return;
            }
            at[2] = System.currentTimeMillis();
            System.out.println("startup studio " + since(at[1]) + " ms, previews " + since(at[2]) + " ms");
            System.out.println("startup wall studio " + at[1] + " previews " + at[2]);
            System.out.flush();
            Platform.runLater(() -> afterPreviews(studio));
        };
        studio.model().editor().onOpened(() -> {
            if (at[0] == 0) {
                at[0] = System.currentTimeMillis();
                // Pulse listeners run after layout, before the frame is drawn: the next one shows the story.
                studio.stage().getScene().addPostLayoutPulseListener(pulse);
                Platform.requestNextPulse();
            }
        });
    }

    private static void afterPreviews(Studio studio) {
        int edits = Integer.getInteger(TYPING, 0);
        if (edits <= 0 && training()) {
            // The installer's training run: the command line's classes go into the archive too.
            Thread cli = new Thread(() -> {
                renderBrochureFromTheCommandLine();
                Platform.runLater(Platform::exit);
            }, "startup-probe-cli");
            cli.setDaemon(true);
            cli.start();
            return;
        }
        if (edits <= 0) {
            Platform.exit();
            return;
        }
        TypingProbe.run(studio, 1500, edits, line -> {
            System.out.println(line);
            System.out.flush();
        }, Platform::exit);
    }

    /** True in a run that writes a class-data archive at exit ({@code -XX:ArchiveClassesAtExit}). */
    private static boolean training() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    /** {@code cristal render coffee-huila.md --channel brochure}, as a user would, on a copy of the sample. */
    private static void renderBrochureFromTheCommandLine() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cristal-training");
            for (String name : new String[] {"stories/coffee-huila.md", "images/hero-coffee.jpg",
                    "images/logo-harbor.png", "brands/harbor-pine.yaml"}) {
                java.nio.file.Path to = dir.resolve(name);
                java.nio.file.Files.createDirectories(to.getParent());
                try (java.io.InputStream in = StartupProbe.class.getResourceAsStream("/cristal-assets/samples/" + name)) {
                    if (in != null) {
                        java.nio.file.Files.copy(in, to);
                    }
                }
            }
            org.cristal.cli.CristalCli.run(new String[] {"render", dir.resolve("stories/coffee-huila.md").toString(),
                "--channel", "brochure", "--out", dir.resolve("out").toString()});
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("startup probe: the command line's training render failed: " + e);
        }
    }

    /** The baseline: prints once the empty window's first frame is due, and quits. */
    static void report(String what) {
        Platform.runLater(() -> {
            long now = System.currentTimeMillis();
            System.out.println("startup " + what + " " + since(now) + " ms");
            System.out.println("startup wall " + what + " " + now);
            System.out.flush();
            Platform.exit();
        });
    }

    private static long since(long epochMillis) {
        return epochMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
