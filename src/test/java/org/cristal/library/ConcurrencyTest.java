package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    @TempDir
    Path dir;

    private static String text(int n) {
        return "---\ntitle: \"Journal vivant\"\n---\n\nVersion n=" + n + " du journal.\n";
    }

    @Test
    void readersSeeWholeRevisionsWhileAWriterSaves() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("c.cristal"))) {
            ws.stories().save("live", text(1));
            AtomicBoolean done = new AtomicBoolean();
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        while (!done.get()) {
                            try {
                                StoredStory s = ws.stories().get("live").orElseThrow();
                                // A reader never sees the story row of one revision with the text of another.
                                assertEquals(text(s.revision()), s.source());
                                assertTrue(ws.stories().history("live").size() >= s.revision());
                                assertEquals(1, ws.search(SearchQuery.of("journal")).size());
                                reads.incrementAndGet();
                            } catch (Throwable t) {
                                errors.add(t);
                                return;
                            }
                        }
                    }));
                }
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    for (int n = 2; n <= 150; n++) {
                        ws.stories().save("live", text(n));
                    }
                });
                done.set(true);
                for (Future<?> f : readers) {
                    f.get();
                }
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
            assertEquals(List.of(), errors.stream().map(Throwable::toString).toList());
            assertTrue(reads.get() > 0);
            assertEquals(150, ws.stories().get("live").orElseThrow().revision());
        }
    }

    @Test
    void writesFromManyThreadsAreSerialisedWithoutGaps() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("c.cristal"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    jobs.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            ws.stories().save("shared", "# Partagé\n\nthread " + thread + " write " + i + "\n");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Integer> numbers = ws.stories().history("shared").stream().map(RevisionInfo::number).toList();
            assertEquals(IntStream.rangeClosed(1, 100).boxed().toList(), numbers);
        }
    }
}
