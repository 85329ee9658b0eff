package org.cristal.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed {@code cristal} command has its own launcher, {@code cristal-cli}, whose JVM is tuned for
 * runs of a second or two (C1 only, its own class archive: ADR 0021). When it is asked for the studio (no
 * argument, or one workspace or Markdown file) it starts the studio's launcher beside it instead, so the
 * studio gets its own options and archive, and waits for it: {@code cristal story.md} in a terminal
 * behaves as before, its exit code included, and stopping the command stops the studio.
 */
final class StudioHandoff {
    /** Set to {@code cli} by the command's launcher (installers/cli-jvm-options.txt). */
    static final String LAUNCHER = "cristal.launcher";
    /** Set by every jpackage launcher to its own executable. */
    static final String APP_PATH = "jpackage.app-path";
    static final String RELAUNCHED = "_JPACKAGE_LAUNCHER";

    private StudioHandoff() {
    }

    /**
     * Hands over to the studio's launcher and exits with its code when this JVM is the command line's
     * and the arguments ask for the studio; otherwise returns. Without a studio launcher beside this one
     * (a damaged install) it returns too, and the studio runs in this JVM as before: slower, not broken.
     */
    static void ifCommandLine(Launch launch, String[] args) {
        if (launch.kind() == Launch.Kind.CLI || !"cli".equals(System.getProperty(LAUNCHER))) {
            return;
        }
        Optional<Path> studio = studioLauncher(System.getProperty(APP_PATH));
        if (studio.isPresent()) {
            run(studio.get(), args).ifPresent(System::exit);
        }
    }

    /** The studio's launcher in the same folder as the command's: {@code Cristal}, {@code Cristal.exe} on Windows. */
    static Optional<Path> studioLauncher(String appPath) {
        if (appPath == null || appPath.isBlank()) {
            return Optional.empty();
        }
        Path self = Path.of(appPath).toAbsolutePath();
        Path dir = self.getParent();
        if (dir == null) {
            return Optional.empty();
        }
        Path studio = dir.resolve(self.getFileName().toString().endsWith(".exe") ? "Cristal.exe" : "Cristal");
        return Files.isExecutable(studio) && !studio.equals(self) ? Optional.of(studio) : Optional.empty();
    }

    /** The studio's exit code, or empty when it could not be started (then this JVM opens the studio). */
    static Optional<Integer> run(Path studio, String[] args) {
        List<String> command = new ArrayList<>(List.of(studio.toString()));
        command.addAll(List.of(args));
        ProcessBuilder studioProcess = new ProcessBuilder(command).inheritIO();
        // jpackage's Linux launcher marks its own re-execution with this variable; inherited, it makes the
        // studio's launcher skip its configuration and hand the arguments to java as a class name.
        studioProcess.environment().remove(RELAUNCHED);
        Process process;
        try {
            process = studioProcess.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Ctrl-C or a kill of the command reaches this JVM only: pass it on.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "studio-handoff"));
        while (true) {
            try {
                return Optional.of(process.waitFor());
            } catch (InterruptedException e) {
                // Nothing in this JVM interrupts the main thread; the studio still runs: keep waiting for it.
            }
        }
    }
}
