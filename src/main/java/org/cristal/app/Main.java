package org.cristal.app;

import org.cristal.cli.CristalCli;

/**
 * The jar's entry point. With no arguments it opens the studio; with arguments it runs the command
 * line and never touches JavaFX, so it works without a display.
 *
 * <p>This class must not extend {@code Application}: a shaded jar whose main class does cannot start
 * JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            StudioLauncher.launch(args);
        } else {
            System.exit(CristalCli.run(args));
        }
    }
}
