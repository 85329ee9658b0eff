package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cristal.library.audience.AudienceBench;

/** {@code cristal bench --audience}: segment counts and the contacts search at 100,000 contacts. */
final class AudienceBenchReport {
    private AudienceBenchReport() {
    }

    static void run(PrintWriter out, int contacts, int runs) throws IOException {
        Path dir = Files.createTempDirectory("cristal-bench-audience");
        Path file = dir.resolve("audience.cristal");
        try {
            AudienceBench.Result r = AudienceBench.run(file, contacts, runs, 42);
            out.printf("audience: %,d generated contacts, built through the core in %.1f s; %d runs each%n%n",
                    r.contacts(), r.buildMillis() / 1000.0, runs);
            out.println("| audience (" + String.format("%,d", r.contacts()) + " contacts) | matches | median ms "
                    + "| p95 ms | max ms | p95 CPU ms |");
            out.println("|---|---:|---:|---:|---:|---:|");
            for (AudienceBench.Timing t : r.counts()) {
                row(out, "segment count: `" + t.name() + "`", t);
            }
            for (AudienceBench.Timing t : r.searches()) {
                row(out, t.name(), t);
            }
            for (AudienceBench.Timing t : r.anchors()) {
                row(out, t.name(), t);
            }
            out.printf("| **segment counts, all rules** | | | %.2f | | |%n", r.countsP95());
            out.printf("| **contacts search, all keystrokes** | | | %.2f | | |%n", r.searchesP95());
            out.println();
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve("audience.cristal" + suffix));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void row(PrintWriter out, String name, AudienceBench.Timing t) {
        out.printf("| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n", name.replace("|", "\\|"), t.matches(), t.median(),
                t.p95(), t.max(), t.cpuP95());
    }
}
