package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio killed with SIGKILL while the user keeps typing loses about a second of text at most: the
 * draft is written at least once a second during steady typing, not only after a pause.
 */
class TypingIsNeverLostTest {
    private static final System.Logger LOG = System.getLogger(TypingIsNeverLostTest.class.getName());
    private static final String SOURCE = "---\ntitle: \"Pain du jour\"\n---\n\nAu menu :\n";
    /** How long the child types at least; long enough for several autosave periods, short enough for the suite. */
    private static final long TYPING_MILLIS = 5_000;
    /**
     * A draft at least every second means at most a second lost, plus the write in flight; half a second
     * more covers a loaded machine's scheduling. A pause-only autosave loses all five seconds.
     */
    private static final long ALLOWED_LOSS_MILLIS = 1_500;

    @TempDir
    Path dir;

    @Test
    void killDuringSteadyTypingLosesAtMostAboutASecond() throws Exception {
        Path file = dir.resolve("typing.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("pain", SOURCE, "");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TypingChild.class.getName(), file.toString(), "pain").redirectErrorStream(true).start();
        // When each keystroke was reported: never earlier than it was typed.
        Map<Integer, Long> seen = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder other = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("typed ")) {
                        seen.put(Integer.parseInt(line.substring(6)), System.nanoTime());
                    } else if (line.equals("ready")) {
                        ready.countDown();
                    } else {
                        other.append(line).append('\n');
                    }
                }
            } catch (Exception e) {
                // The pipe closes when the child dies.
            }
        }, "typing-child-output");
        reader.setDaemon(true);
        reader.start();
        long killedAt;
        try {
            assertTrue(ready.await(60, TimeUnit.SECONDS), () -> "the child never opened the story:\n" + other);
            // Anywhere within an autosave period, so that runs see the kill land early and late in one.
            Thread.sleep(TYPING_MILLIS + ThreadLocalRandom.current().nextLong(1_000));
            assertTrue(child.isAlive(), () -> "the child stopped typing:\n" + other);
            killedAt = System.nanoTime();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join(5_000);

        String draft;
        try (Workspace ws = Workspace.open(file)) {
            draft = ws.stories().draft("pain").orElse(SOURCE);
        }
        assertTrue(draft.startsWith(SOURCE), draft);
        int kept = draft.length() - SOURCE.length();
        assertEquals(TypingChild.typed(kept), draft.substring(SOURCE.length()), "the draft holds the typing in order");
        long deadline = killedAt - TimeUnit.MILLISECONDS.toNanos(ALLOWED_LOSS_MILLIS);
        int mustKeep = seen.entrySet().stream().filter(e -> e.getValue() <= deadline).mapToInt(Map.Entry::getKey)
                .max().orElse(0);
        Long firstLost = seen.get(kept + 1);
        long lostMillis = firstLost == null ? 0 : TimeUnit.NANOSECONDS.toMillis(killedAt - firstLost);
        LOG.log(System.Logger.Level.INFO, "typing lost at the kill: {0} ms ({1} of {2} keystrokes kept)",
                lostMillis, kept, seen.size());
        assertTrue(mustKeep > 20, "the child typed for seconds before the kill");
        assertTrue(kept >= mustKeep, kept + " keystrokes in the draft, " + mustKeep + " typed more than "
                + ALLOWED_LOSS_MILLIS + " ms before the kill; " + lostMillis + " ms of typing lost");
    }
}
