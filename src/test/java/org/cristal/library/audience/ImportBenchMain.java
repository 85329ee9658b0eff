package org.cristal.library.audience;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cristal.library.Workspace;

/** Times plan + apply of a generated Mailchimp export by hand: {@code ImportBenchMain FILE [ROWS]}. Not a test. */
public final class ImportBenchMain {
    private ImportBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Files.deleteIfExists(file);
        byte[] bytes = MailchimpFile.of(n, 7);
        try (Workspace ws = Workspace.open(file)) {
            ContactImport importer = new ContactImport(ws.audience());
            // CPU time of this thread besides wall time: the machine is shared, and its load shows in the latter.
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportPlan plan = importer.plan(bytes, "audience.csv", ImportPreset.AUTO);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            ContactImport.Applied done = importer.apply(plan);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            System.err.printf("%d rows (%d MB): plan %d ms (cpu %d), apply %d ms (cpu %d), total %d ms (cpu %d); "
                    + "created %d%n", n, bytes.length / (1024 * 1024), (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, (t2 - t0) / 1_000_000, (c2 - c0) / 1_000_000,
                    done.report().created());
        }
    }
}
