package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cristal.library.results.ResultsImportBench;

/** {@code cristal bench --results-import}: a 100,000-line analytics report imported (target under 5 s). */
final class ResultsImportBenchReport {
    private ResultsImportBenchReport() {
    }

    static void run(PrintWriter out, int rows, int runs) throws IOException {
        Path dir = Files.createTempDirectory("cristal-bench-results");
        try {
            List<ResultsImportBench.Timing> t = ResultsImportBench.run(dir, rows, runs);
            out.printf("results import: %,d generated lines per file (200 campaigns, 50 of them stories), each run "
                    + "into a fresh workspace; %d runs; load average %s%n%n", rows, runs, loadAverage());
            out.println("| results import | lines kept | MB | median ms | min ms | max ms | median CPU ms |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            row(out, "plain CSV: read, recognise, parse, join, write (`results import`)", t.get(0));
            row(out, "GA4 CSV download: the same, comment lines and \"1,234\" counts", t.get(1));
            row(out, "raw SQLite: the same lines as bare INSERTs into web_results, one transaction", t.get(2));
            out.println("| **target** | | | **5,000** | | | |");
            out.println();
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void row(PrintWriter out, String name, ResultsImportBench.Timing t) {
        out.printf("| %s | %,d | %.1f | %,.0f | %,.0f | %,.0f | %,.0f |%n", name, t.kept(), t.bytes() / 1e6,
                t.median(), t.min(), t.max(), t.cpuMedian());
    }

    /** The machine's load, printed beside the figures: a busy machine's timings say less. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
