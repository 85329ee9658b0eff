package org.cristal.library.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cristal.library.Workspace;
import org.cristal.story.StoryFormatException;

/**
 * {@code cristal bench --results-import}: a generated analytics report of {@code rows} lines (200 campaigns,
 * 50 of them stories' addresses, five channels, one line per day and tag set), as a plain CSV and as a GA4
 * download, each imported into a fresh workspace; and the floor under it, plain SQLite inserting the same
 * lines into the same table in one transaction.
 */
public final class ResultsImportBench {
    static final int CAMPAIGNS = 200;
    static final int STORIES = 50;
    private static final String[][] CHANNELS = {{"mastodon", "social"}, {"bluesky", "social"},
        {"newsletter", "email"}, {"x", "social"}, {"brochure", "print"}};
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    /**
     * The timings of one format, in milliseconds, one per run.
     *
     * @param name   plain, ga4 or the anchor
     * @param bytes  the file's size
     * @param kept   lines kept by the last run
     * @param millis    wall-clock time, one per run
     * @param cpuMillis the importing thread's CPU time, one per run: what a busy machine changes least
     */
    public record Timing(String name, long bytes, int kept, double[] millis, double[] cpuMillis) {
        public double median() {
            return median(millis);
        }

        public double cpuMedian() {
            return median(cpuMillis);
        }

        private static double median(double[] values) {
            double[] s = values.clone();
            java.util.Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        public double min() {
            return java.util.Arrays.stream(millis).min().orElse(0);
        }

        public double max() {
            return java.util.Arrays.stream(millis).max().orElse(0);
        }
    }

    private ResultsImportBench() {
    }

    /** Runs every timing {@code runs} times in {@code dir} (left empty after). */
    public static List<Timing> run(Path dir, int rows, int runs) throws IOException {
        byte[] plain = plainCsv(rows);
        byte[] ga4 = ga4Csv(rows);
        Timing p = imports(dir, "plain.csv", plain, rows, runs);
        Timing g = imports(dir, "ga4.csv", ga4, rows, runs);
        List<WebRow> parsed = AnalyticsFiles.read("plain.csv", plain, AnalyticsFormat.CSV).rows();
        double[] raw = new double[runs];
        double[] rawCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            raw[i] = rawInserts(dir.resolve("raw.cristal"), parsed);
            rawCpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        return List.of(p, g, new Timing("raw", plain.length, parsed.size(), raw, rawCpu));
    }

    private static Timing imports(Path dir, String name, byte[] bytes, int rows, int runs) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        int kept = 0;
        try {
            for (int i = 0; i < runs; i++) {
                Path ws = dir.resolve("run.cristal");
                try (Workspace w = Workspace.open(ws)) {
                    for (int s = 0; s < STORIES; s++) {
                        w.stories().save("story-" + s, String.format("---\ntitle: Story %d\nslug: %s\n---\nText.%n",
                                s, campaign(s)));
                    }
                    long c0 = CPU.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    ImportSummary summary = w.results().importFile(file, AnalyticsFormat.AUTO);
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                    cpuMillis[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                    kept = summary.rows();
                    if (summary.rows() != rows || summary.matched() != rows / CAMPAIGNS * STORIES) {
                        throw new IllegalStateException("the bench file was not read whole: " + summary.rows());
                    }
                } catch (StoryFormatException e) {
                    throw new IllegalStateException(e);
                } finally {
                    delete(ws);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return new Timing(name.equals("plain.csv") ? "plain" : "ga4", bytes.length, kept, millis, cpuMillis);
    }

    /** A plain CSV (English header, comma) of {@code rows} lines. */
    public static byte[] plainCsv(int rows) {
        StringBuilder out = new StringBuilder(rows * 48).append("date,campaign,source,medium,content,visitors,"
                + "conversions\n");
        for (int i = 0; i < rows; i++) {
            String[] ch = CHANNELS[(i / CAMPAIGNS) % CHANNELS.length];
            out.append(day(i)).append(',').append(campaign(i % CAMPAIGNS)).append(',').append(ch[0]).append(',')
                    .append(ch[1]).append(",,").append(visitors(i)).append(',').append(i % 7).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A GA4 download of {@code rows} lines: comment lines, source / medium, dates as 20260101, "1,234". */
    public static byte[] ga4Csv(int rows) {
        StringBuilder out = new StringBuilder(rows * 64).append("# ----------------------------------------\n"
                + "# Traffic acquisition: Session source / medium\n# Account: Bench\n# Property: bench.example - GA4\n"
                + "# ----------------------------------------\n#\n# Start date: 20260101\n# End date: 20261231\n"
                + "Session campaign,Session source / medium,Date,Sessions,Engaged sessions,Key events\n");
        DateTimeFormatter compact = DateTimeFormatter.BASIC_ISO_DATE;
        for (int i = 0; i < rows; i++) {
            String[] ch = CHANNELS[(i / CAMPAIGNS) % CHANNELS.length];
            long v = visitors(i);
            out.append(campaign(i % CAMPAIGNS)).append(',').append(ch[0]).append(" / ").append(ch[1]).append(',')
                    .append(START.plusDays(i / (CAMPAIGNS * CHANNELS.length)).format(compact)).append(',')
                    .append(v >= 1000 ? String.format("\"%,d\"", v) : String.valueOf(v)).append(',').append(v / 2)
                    .append(',').append(i % 7).append(".00\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String day(int i) {
        return START.plusDays(i / (CAMPAIGNS * CHANNELS.length)).toString();
    }

    private static String campaign(int c) {
        return c < STORIES ? String.format("story-%03d", c) : String.format("campagne-%03d", c);
    }

    private static long visitors(int i) {
        return (i * 7919L) % 1500;
    }

    /** The anchor: the same lines as bare INSERTs into a table like web_results, on Cristal's pragmas. */
    private static double rawInserts(Path file, List<WebRow> rows) throws IOException {
        delete(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("CREATE TABLE web_results (tool TEXT NOT NULL, day TEXT NOT NULL, campaign TEXT NOT NULL, "
                        + "source TEXT NOT NULL, medium TEXT NOT NULL, content TEXT NOT NULL, visitors INTEGER NOT NULL,"
                        + " conversions INTEGER NOT NULL, import INTEGER, PRIMARY KEY (tool, day, campaign, source, "
                        + "medium, content)) WITHOUT ROWID");
                st.execute("CREATE INDEX web_results_campaign ON web_results(campaign, day)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (WebRow r : rows) {
                    ps.setString(1, "csv");
                    ps.setString(2, r.day().toString());
                    ps.setString(3, r.campaign());
                    ps.setString(4, r.source());
                    ps.setString(5, r.medium());
                    ps.setString(6, r.content());
                    ps.setLong(7, r.visitors());
                    ps.setLong(8, r.conversions());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e6;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }
}
