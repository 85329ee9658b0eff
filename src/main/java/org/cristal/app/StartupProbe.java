package org.cristal.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import org.cristal.ui.Studio;

/**
 * For the startup benchmark: with {@code -Dcristal.startupProbe=true}, prints how long after the JVM
 * started the studio became usable (window shown with the story in the editor, ready to type) and
 * when the four previews were first filled, then exits.
 */
final class StartupProbe {
    static final String PROPERTY = "cristal.startupProbe";

    private StartupProbe() {
    }

    static void watch(Studio studio) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long[] usable = {0};
        studio.model().editor().storyIdProperty().addListener((o, a, b) -> {
            if (!b.isEmpty() && usable[0] == 0) {
                usable[0] = sinceStart();
            }
        });
        studio.model().preview().renditionsProperty().addListener((o, a, b) -> {
            if (b != null && a == null) {
                // One more pulse so the previews are on screen, not just computed.
                Platform.runLater(() -> {
                    System.out.println("startup studio " + usable[0] + " ms, previews " + sinceStart() + " ms");
                    System.out.flush();
                    Platform.exit();
                });
            }
        });
    }

    /** The baseline: prints once the empty window's first frame is due, and quits. */
    static void report(String what) {
        Platform.runLater(() -> {
            System.out.println("startup " + what + " " + sinceStart() + " ms");
            System.out.flush();
            Platform.exit();
        });
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
