package org.cristal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed {@code cristal} command (the cristal-cli launcher) passes the studio on to the studio's
 * own launcher beside it and runs every other command itself. Main runs in a fresh JVM set up the way
 * the command's launcher sets it up; the studio's launcher is a script that notes its arguments.
 */
class StudioHandoffTest {
    @TempDir
    Path dir;
    Path bin;
    Path seen;

    @BeforeEach
    void fakeInstall() throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "the fake launcher is a shell script");
        bin = Files.createDirectories(dir.resolve("opt/cristal/bin"));
        seen = dir.resolve("studio-args.txt");
        Path studio = bin.resolve("Cristal");
        // Like jpackage's launcher, the script goes wrong when it sees the mark of its own re-execution.
        Files.writeString(studio, "#!/bin/sh\n[ -n \"$_JPACKAGE_LAUNCHER\" ] && { echo relaunched > '" + seen + "'; exit 1; }\n"
                + "printf '%s\\n' \"started\" \"$@\" > '" + seen + "'\nexit 3\n");
        assertTrue(studio.toFile().setExecutable(true));
    }

    @Test
    void commandWithAWorkspaceFileOpensItInTheStudiosLauncherAndReturnsItsExitCode() throws Exception {
        Path workspace = dir.resolve("Boulangerie Martin.cristal");
        Result r = cristalCommand(workspace.toString());
        assertEquals(3, r.exit(), r.output());
        assertEquals(List.of("started", workspace.toString()), Files.readAllLines(seen, StandardCharsets.UTF_8));
    }

    @Test
    void commandWithNoArgumentOpensTheStudioThroughItsLauncher() throws Exception {
        Result r = cristalCommand();
        assertEquals(3, r.exit(), r.output());
        assertEquals(List.of("started"), Files.readAllLines(seen, StandardCharsets.UTF_8));
    }

    @Test
    void commandLineCommandsRunInTheCommandsOwnJvm() throws Exception {
        Result r = cristalCommand("--version");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("Cristal "), r.output());
        assertFalse(Files.exists(seen), "the studio's launcher was not started");
    }

    @Test
    void studioLauncherIsFoundBesideTheCommandsOnEachPlatform() throws Exception {
        assertEquals(bin.resolve("Cristal"), StudioHandoff.studioLauncher(bin.resolve("cristal-cli").toString()).orElseThrow());
        assertTrue(StudioHandoff.studioLauncher(dir.resolve("elsewhere/cristal-cli").toString()).isEmpty());
        assertTrue(StudioHandoff.studioLauncher(null).isEmpty());
        Path windows = Files.createDirectories(dir.resolve("win"));
        Files.createFile(windows.resolve("Cristal.exe")).toFile().setExecutable(true);
        assertEquals(windows.resolve("Cristal.exe"),
                StudioHandoff.studioLauncher(windows.resolve("cristal-cli.exe").toString()).orElseThrow());
    }

    record Result(int exit, String output) {
    }

    /** Main in a new JVM with the properties the cristal-cli launcher gives it. */
    private Result cristalCommand(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-D" + StudioHandoff.LAUNCHER + "=cli",
                "-D" + StudioHandoff.APP_PATH + "=" + bin.resolve("cristal-cli"),
                "-Duser.home=" + dir, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // Without a display: the studio must not be opened in this JVM, as the old code did.
        pb.environment().remove("DISPLAY");
        // What the command's jpackage launcher leaves in its JVM's environment.
        pb.environment().put(StudioHandoff.RELAUNCHED, "0");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the cristal command did not finish: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
