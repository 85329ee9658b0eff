package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cristal.library.cohort.CohortBench;

/** {@code cristal bench --cohorts}: the cohort table over 100,000 contacts and 500,000 deliveries. */
final class CohortsBenchReport {
    private CohortsBenchReport() {
    }

    static void run(PrintWriter out, int contacts, int runs) throws IOException {
        Path dir = Files.createTempDirectory("cristal-bench-cohorts");
        Path file = dir.resolve("cohorts.cristal");
        try {
            CohortBench.Result r = CohortBench.run(file, contacts, contacts * 5, runs, 42);
            out.printf("cohorts: %,d contacts over two years, %,d deliveries, %,d analytics lines with a contact's "
                    + "token, written in %.1f s; %d runs each, table as of %s%n%n", r.contacts(), r.deliveries(),
                    r.webLines(), r.buildMillis() / 1000.0, runs, CohortBench.today());
            out.println("| cohorts | cohorts | median ms | max ms |");
            out.println("|---|---:|---:|---:|");
            for (CohortBench.Timing t : r.timings()) {
                out.printf("| %s | %s | %.1f | %.1f |%n", t.name(), t.cohorts() == 0 ? "" : Integer.toString(t.cohorts()),
                        t.median(), t.max());
            }
            out.println("(target: interactive, each table under 1 s)");
            out.println();
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve("cohorts.cristal" + suffix));
            }
            Files.deleteIfExists(dir);
        }
    }
}
