package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cristal.library.results.DashboardBench;

/** {@code cristal bench --dashboard}: a story's results dashboard with 50 publications (target: under 200 ms). */
final class DashboardBenchReport {
    private DashboardBenchReport() {
    }

    static void run(PrintWriter out, int runs) throws IOException, org.cristal.story.StoryFormatException {
        Path dir = Files.createTempDirectory("cristal-bench-dashboard");
        Path file = dir.resolve("dashboard.cristal");
        try {
            DashboardBench.Result r = DashboardBench.run(file, 50, 300, runs, 42);
            out.printf("dashboard: one story with %d publications among %,d stories; %,d count changes and %,d "
                    + "analytics lines in the file, built through the core in %.1f s; %d runs each%n%n",
                    r.publications(), r.otherStories() + 1, r.countRows(), r.webRows(), r.buildMillis() / 1000.0, runs);
            out.println("| results dashboard | median ms | p95 ms | max ms |");
            out.println("|---|---:|---:|---:|");
            for (DashboardBench.Timing t : r.timings()) {
                out.printf("| %s | %.2f | %.2f | %.2f |%n", t.name(), t.median(), t.p95(), t.max());
            }
            out.println("(target: the story dashboard under 200 ms)");
            out.println();
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve("dashboard.cristal" + suffix));
            }
            Files.deleteIfExists(dir);
        }
    }
}
