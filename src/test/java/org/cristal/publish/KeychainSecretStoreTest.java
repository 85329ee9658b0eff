package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Secret Service, where the machine has one to start (GNOME Keyring and dbus-run-session, as on
 * a Linux desktop; {@code apt-get install gnome-keyring}): each test runs a JVM in a D-Bus session of its
 * own. Skipped where they are not installed (CI), since the keychain cannot run otherwise.
 */
class KeychainSecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void anUnlockedKeyringKeepsTheSecret() throws Exception {
        String out = run("echo keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ");
        assertTrue(out.contains("store=KeychainSecretStore"), out);
        assertTrue(out.contains("back=tok-keychain-4e1f removed=true"), out);
        assertTrue(Files.notExists(dir.resolve("secrets.bin")), "nothing went to the file");
    }

    @Test
    void aLockedKeyringThatCannotPromptFallsBackToTheFile() throws Exception {
        // The bus starts the keyring on demand, locked, with no display to ask for its password: it answers
        // the bus but stores nothing. Seen on an SSH session or under cron with a session bus.
        String out = run("");
        assertTrue(out.contains("store=FileSecretStore"), out);
        assertTrue(out.contains("back=tok-keychain-4e1f removed=true"), out);
        assertTrue(Files.exists(dir.resolve("secrets.bin")));
    }

    private String run(String before) throws IOException, InterruptedException {
        assumeTrue(onPath("dbus-run-session") && onPath("gnome-keyring-daemon"), "no Secret Service here");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", before + "exec \"$0\" -cp \"$1\" "
                + KeychainRoundTrip.class.getName() + " \"$2\"", java.toString(), classPath,
                dir.resolve("secrets.bin").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // A home of its own: the keyring files are created fresh, the user's are never touched.
        Path home = Files.createDirectories(dir.resolve("home"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Process p = builder.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "the child hung:\n" + out);
        return out;
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
