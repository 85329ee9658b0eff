package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void workspaceKilledMidWriteReopensIntactWithGaplessHistory() throws Exception {
        Path file = dir.resolve("crash.cristal");
        int before = 0;
        for (int round = 1; round <= 3; round++) {
            killWhileWriting(file);
            try (Workspace ws = Workspace.open(file)) {
                assertEquals(List.of("ok"), ws.integrityCheck(), "round " + round);
                StoredStory story = ws.stories().get("crash").orElseThrow();
                List<Integer> numbers = ws.stories().history("crash").stream().map(RevisionInfo::number).toList();
                assertEquals(IntStream.rangeClosed(1, numbers.size()).boxed().toList(), numbers);
                assertEquals(numbers.size(), story.revision());
                assertTrue(story.source().contains("Revision n=" + story.revision() + "."), "current text is the last revision");
                assertEquals(CrashWriter.text(story.revision()), story.source());
                assertEquals("Crash test", story.story().title());
                assertTrue(numbers.size() > before, "the writer made progress in round " + round);
                assertTrue(ws.search(SearchQuery.of("fournil").withLimit(100)).stream()
                        .anyMatch(h -> h.story().id().equals("crash")), "the search index follows the stories");
                before = numbers.size();
            }
        }
    }

    private void killWhileWriting(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("writing")) {
                        return;
                    }
                }
                throw new AssertionError("the writer exited before writing: " + child.waitFor());
            });
            Thread.sleep(300);
            assertTrue(child.isAlive(), "the writer is still writing when it is killed");
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}
