package org.cristal.app;

import org.cristal.cli.CristalCli;

/**
 * The jar's entry point, and the installed launchers': with no arguments it opens the studio; with one
 * workspace or Markdown file it opens the studio on it (see {@link Launch}); with other arguments it runs
 * the command line and never touches JavaFX, so it works without a display. Both log to the platform's
 * log folder ({@link LogFiles}).
 *
 * <p>This class must not extend {@code Application}: a shaded jar whose main class does cannot start
 * JavaFX from the class path.
 */
public final class Main {
    // Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    /** Hidden argument: open an empty JavaFX window and report its startup time (benchmark only). */
    static final String EMPTY_WINDOW = "--startup-baseline";

    private Main() {
    }

    /**
     * PDFBox warns on stderr about standard fonts it substitutes while openhtmltopdf sets up, which
     * says nothing a user can act on (every font Cristal prints with is embedded).
     */
    private static void quietLibraries() {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
    }

    public static void main(String[] args) {
        quietLibraries();
        Launch launch = Launch.of(args);
        // The cristal command's JVM is tuned for short runs: the studio has its own launcher (ADR 0021).
        StudioHandoff.ifCommandLine(launch, args);
        switch (launch.kind()) {
            // The startup benchmark's baseline, launched the way the studio is.
            case EMPTY_WINDOW -> javafx.application.Application.launch(EmptyWindowApp.class);
            case STUDIO -> {
                LogFiles.install(java.util.logging.Level.INFO);
                DesktopFiles.listen();
                // Exit explicitly: the keychain's D-Bus connection keeps non-daemon threads alive after the window closes.
                System.exit(StudioLauncher.launch(launch.file()));
            }
            case CLI -> {
                LogFiles.install(java.util.logging.Level.WARNING);
                System.exit(CristalCli.run(args));
            }
        }
    }
}
