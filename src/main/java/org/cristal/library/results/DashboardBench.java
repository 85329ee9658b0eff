package org.cristal.library.results;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Stories;
import org.cristal.library.Workspace;

/**
 * Measures the dashboard's read model: builds, through the core, a workspace where one story went out 50
 * times (each publication with its counts changing over three weeks, 90 days of analytics lines from two
 * tools) among {@code others} stories with a few publications each, then times the story's dashboard, a
 * channel's ranking and twelve weeks, with the same rows read by plain SQLite beside them as the floor. Not
 * a test: {@code cristal bench --dashboard} prints the figures.
 */
public final class DashboardBench {
    public static final String STORY = "bench-story";
    private static final String[] PLUGINS = {"mastodon", "bluesky", "x", "smtp-newsletter", "wordpress", "ghost"};
    private static final String[] METRICS = {Counts.FAVOURITES, Counts.BOOSTS, Counts.REPLIES};

    private DashboardBench() {
    }

    /** One timed thing: its name and sorted milliseconds. */
    public record Timing(String name, double[] ms) {
        public double median() {
            return at(50);
        }

        public double p95() {
            return at(95);
        }

        public double max() {
            return ms[ms.length - 1];
        }

        private double at(int p) {
            int i = (int) Math.ceil(p / 100.0 * ms.length) - 1;
            return ms[Math.max(0, Math.min(ms.length - 1, i))];
        }
    }

    /**
     * @param publications the story's publications (50)
     * @param countRows    rows of {@code publication_counts} in the file
     * @param webRows      rows of {@code web_results} in the file
     */
    public record Result(int publications, int otherStories, long countRows, long webRows, long buildMillis,
            List<Timing> timings) {
    }

    public static Result run(Path file, int publications, int others, int runs, long seed)
            throws org.cristal.story.StoryFormatException {
        Random r = new Random(seed);
        Instant start = Instant.parse("2026-09-01T08:00:00Z");
        ZoneId zone = ZoneOffset.UTC;
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            List<Stories.Draft> drafts = new ArrayList<>();
            drafts.add(draft(STORY, "Le pain au levain"));
            for (int i = 0; i < others; i++) {
                drafts.add(draft("story-" + i, "Histoire " + i));
            }
            ws.stories().saveAll(drafts);
            List<WebRow> web = new ArrayList<>();
            for (int p = 0; p < publications; p++) {
                publish(ws, r, STORY, PLUGINS[p % PLUGINS.length], p, start.plusSeconds(3600L * 7 * p), 20);
            }
            for (int i = 0; i < others; i++) {
                for (int p = 0; p < 5; p++) {
                    publish(ws, r, "story-" + i, PLUGINS[(i + p) % PLUGINS.length], p,
                            start.plusSeconds(86400L * (i % 80) + 600L * p), 4);
                }
            }
            for (int d = 0; d < 90; d++) {
                LocalDate day = LocalDate.of(2026, 9, 1).plusDays(d);
                for (String source : new String[] {"mastodon", "bluesky", "x", "newsletter", "wordpress", "ghost"}) {
                    web.add(new WebRow(day, STORY, source, "social", "", r.nextInt(200), r.nextInt(12)));
                }
                for (int i = 0; i < others; i += 3) {
                    web.add(new WebRow(day, "story-" + i, PLUGINS[i % 3], "social", "", r.nextInt(50), r.nextInt(4)));
                }
            }
            ws.results().importWeb("plausible.zip", "plausible", "plausible", web);
            ws.results().importWeb("ga4.csv", "ga4", "ga4", web.subList(0, web.size() / 2));
        }
        long build = (System.nanoTime() - t0) / 1_000_000;
        try (Workspace ws = Workspace.open(file)) {
            Dashboards d = ws.results().dashboards();
            List<Timing> timings = new ArrayList<>();
            int[] n = new int[1];
            timings.add(time("story dashboard (" + publications + " publications)", runs,
                    () -> n[0] = d.story(STORY, zone).orElseThrow().publications().size()));
            if (n[0] != publications) {
                throw new IllegalStateException("the dashboard read " + n[0] + " publications");
            }
            timings.add(time("a channel's stories ranked (mastodon)", runs, () -> d.channel("mastodon")));
            timings.add(time("12 weeks", runs, () -> d.weeks(zone, LocalDate.of(2026, 11, 30), 12)));
            timings.addAll(anchors(file, runs));
            long[] rows = counts(file);
            return new Result(publications, others, rows[0], rows[1], build, timings);
        }
    }

    private static Stories.Draft draft(String id, String title) {
        return new Stories.Draft(id, "---\ntitle: " + title + "\nslug: " + id + "\n---\nDu bon pain, chaque matin.\n",
                "");
    }

    private static void publish(Workspace ws, Random r, String story, String plugin, int n, Instant at, int changes) {
        OutboxEntry e = ws.outbox().add(new OutboxEntry.New(story + "-" + n, story, 1, plugin + "-account", plugin,
                "social", "@boulangerie", at, ZoneOffset.UTC));
        ws.outbox().claim(e.id());
        ws.outbox().sent(e.id(), "r" + e.id(), "https://example.org/" + story + "/" + n, at, 1);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int c = 0; c < changes; c++) {
            for (String m : METRICS) {
                counts.merge(m, (long) r.nextInt(4), Long::sum);
            }
            ws.results().recordCounts(e.id(), counts, at.plusSeconds(3600L * (c + 1) * (c + 1)));
        }
    }

    /** Plain SQLite on its own connection, no Cristal code: the story's rows read bare, the floor. */
    private static List<Timing> anchors(Path file, int runs) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("raw SQLite: the story's publications", "SELECT * FROM outbox WHERE story_id = '" + STORY + "'");
        queries.put("raw SQLite: their count history", "SELECT p.* FROM publication_counts p JOIN outbox o "
                + "ON o.id = p.entry WHERE o.story_id = '" + STORY + "'");
        queries.put("raw SQLite: its analytics lines", "SELECT * FROM web_results WHERE campaign = '" + STORY + "'");
        List<Timing> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                out.add(time(q.getKey(), runs, () -> {
                    try (PreparedStatement ps = c.prepareStatement(q.getValue()); ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static long[] counts(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM publication_counts), "
                        + "(SELECT count(*) FROM web_results)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timing time(String name, int runs, Runnable work) {
        for (int i = 0; i < Math.max(5, runs / 5); i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(name, ms);
    }
}
