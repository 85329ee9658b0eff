package org.cristal.library.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cristal.library.Db;

/**
 * What came back from publishing (schema step 8, docs/results.md): the counts each service reported about
 * each publication, over time, and the visits and conversions of the user's web analytics, by UTM tags.
 */
public final class Results {
    private final Db db;
    private final Clock clock;

    public Results(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The dashboard's read model over the same file: per story, per channel, per week (ADR 0028). */
    public Dashboards dashboards() {
        return new Dashboards(db);
    }

    /**
     * Records the counts a service reported about outbox entry {@code entry} at {@code at}. Only the
     * figures that differ from the last ones recorded are written, so the history holds one point per
     * change. Negative values are not counts and are left out.
     */
    public void recordCounts(long entry, Map<String, Long> counts, Instant at) {
        db.write(c -> {
            Map<String, Long> last = latest(c, entry);
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO publication_counts(entry, metric, "
                    + "at, value) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
                    if (e.getValue() == null || e.getValue() < 0 || e.getValue().equals(last.get(e.getKey()))) {
                        continue;
                    }
                    ps.setLong(1, entry);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, at.toEpochMilli());
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The latest value of each count of {@code entry}; empty when nothing came back yet. */
    public Map<String, Long> latestCounts(long entry) {
        return db.read(c -> latest(c, entry));
    }

    private static Map<String, Long> latest(Connection c, long entry) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, value FROM publication_counts p WHERE entry = ? "
                + "AND at = (SELECT max(at) FROM publication_counts WHERE entry = p.entry AND metric = p.metric) "
                + "ORDER BY metric")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Every recorded value of {@code entry}'s counts, oldest first: metric → (time → value). */
    public Map<String, Map<Instant, Long>> countHistory(long entry) {
        return db.read(c -> {
            Map<String, Map<Instant, Long>> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT metric, at, value FROM publication_counts "
                    + "WHERE entry = ? ORDER BY metric, at")) {
                ps.setLong(1, entry);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .put(Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3));
                    }
                }
            }
            return out;
        });
    }

    /** Records how fetching {@code entry}'s counts went, and when to ask again. */
    public void recordFetch(long entry, FetchState.Status status, Instant nextAt, String message) {
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO result_fetches(entry, status, fetched_at, next_at, message) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(entry) DO UPDATE SET status = excluded.status,
                      fetched_at = coalesce(excluded.fetched_at, result_fetches.fetched_at),
                      next_at = excluded.next_at, message = excluded.message""")) {
                ps.setLong(1, entry);
                ps.setString(2, status.id());
                if (status == FetchState.Status.OK) {
                    ps.setLong(3, now);
                } else {
                    ps.setNull(3, Types.INTEGER);
                }
                ps.setLong(4, nextAt.toEpochMilli());
                ps.setString(5, message == null ? "" : message);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<FetchState> fetchState(long entry) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, fetched_at, next_at, message "
                    + "FROM result_fetches WHERE entry = ?")) {
                ps.setLong(1, entry);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long fetched = rs.getLong(2);
                    Instant fetchedAt = rs.wasNull() ? null : Instant.ofEpochMilli(fetched);
                    return Optional.of(new FetchState(entry, FetchState.Status.of(rs.getString(1)), fetchedAt,
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
        });
    }

    /**
     * The published outbox entries whose counts may be asked for now (never asked, or their next time
     * has come), oldest publication first; of one story when {@code storyId} is not null.
     */
    public List<Long> dueForFetch(Instant now, String storyId) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id FROM outbox o LEFT JOIN result_fetches f "
                    + "ON f.entry = o.id WHERE o.state = 'SENT' AND (f.entry IS NULL OR f.next_at <= ?) "
                    + "AND (? IS NULL OR o.story_id = ?) ORDER BY o.published_at, o.id")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, storyId);
                ps.setString(3, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A newsletter's own figures for outbox entry {@code entry}, from Cristal's journal: recipients (e-mails
     * the servers accepted), refused, bounced and unsubscribed after it (docs/results.md).
     */
    public Map<String, Long> newsletterCounts(long entry) {
        return db.read(c -> NewsletterFigures.of(c, entry));
    }

    /**
     * Reads a web analytics file ({@code format}, or recognised from the file with {@link AnalyticsFormat#AUTO})
     * and keeps its lines as {@link #importWeb} does, all or nothing: a file with a line Cristal cannot read
     * writes nothing ({@link org.cristal.library.WorkspaceException} with the line).
     */
    public ImportSummary importFile(java.nio.file.Path file, AnalyticsFormat format) {
        return importRead(String.valueOf(file.getFileName()), AnalyticsFiles.read(file, format));
    }

    /** Keeps the lines of a file already read (the command line reads first, to say what it left aside). */
    public ImportSummary importRead(String fileName, AnalyticsFiles.Read read) {
        // The tool is the format: a GA4 file and a Matomo file count the same visits in their own ways, so
        // neither replaces the other's figures.
        return importWeb(fileName, read.format().id(), read.format().id(), read.rows());
    }

    /**
     * Keeps the lines of one analytics file in one transaction: a line for a day and tags already known from
     * the same {@code tool} replaces the earlier figures (a file imported twice counts nothing twice). Lines
     * with the same day and tags inside the file are added together (a report split by page, by country).
     */
    public ImportSummary importWeb(String fileName, String format, String tool, List<WebRow> rows) {
        Map<List<Object>, long[]> merged = new LinkedHashMap<>();
        for (WebRow r : rows) {
            long[] sum = merged.computeIfAbsent(List.of(r.day().toString(), r.campaign(), r.source(), r.medium(),
                    r.content()), k -> new long[2]);
            sum[0] += r.visitors();
            sum[1] += r.conversions();
        }
        return db.write(c -> {
            java.util.Set<String> slugs = storySlugs(c);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO result_imports(file_name, format, at, rows, "
                    + "matched, unmatched) VALUES (?, ?, ?, 0, 0, 0)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, fileName);
                ps.setString(2, format);
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            int matched = 0;
            Map<String, long[]> unmatched = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO web_results(tool, day, campaign, "
                    + "source, medium, content, visitors, conversions, import) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<List<Object>, long[]> e : merged.entrySet()) {
                    List<Object> k = e.getKey();
                    ps.setString(1, tool);
                    for (int i = 0; i < 5; i++) {
                        ps.setString(i + 2, (String) k.get(i));
                    }
                    ps.setLong(7, e.getValue()[0]);
                    ps.setLong(8, e.getValue()[1]);
                    ps.setLong(9, id);
                    ps.addBatch();
                    String campaign = (String) k.get(1);
                    if (slugs.contains(campaign)) {
                        matched++;
                    } else {
                        long[] u = unmatched.computeIfAbsent(campaign, x -> new long[2]);
                        u[0]++;
                        u[1] += e.getValue()[0];
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_imports SET rows = ?, matched = ?, "
                    + "unmatched = ? WHERE id = ?")) {
                ps.setInt(1, merged.size());
                ps.setInt(2, matched);
                ps.setInt(3, merged.size() - matched);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            List<ImportSummary.Unmatched> report = new ArrayList<>();
            unmatched.forEach((k, v) -> report.add(new ImportSummary.Unmatched(k, (int) v[0], v[1])));
            report.sort(java.util.Comparator.comparingLong(ImportSummary.Unmatched::visitors).reversed()
                    .thenComparing(ImportSummary.Unmatched::campaign));
            return new ImportSummary(id, format, merged.size(), matched, report);
        });
    }

    /** Every visitor and conversion recorded for {@code campaign}, all days, sources and tools. */
    public WebTotals webTotals(String campaign) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(visitors), 0), "
                    + "coalesce(sum(conversions), 0) FROM web_results WHERE campaign = ?")) {
                ps.setString(1, campaign.toLowerCase(java.util.Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new WebTotals(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    private static java.util.Set<String> storySlugs(Connection c) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT web_slug FROM stories WHERE web_slug IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
