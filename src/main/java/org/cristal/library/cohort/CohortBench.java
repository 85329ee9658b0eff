package org.cristal.library.cohort;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactTokens;

/**
 * Measures the cohort read model: a workspace of {@code contacts} contacts who joined over two years, four in
 * five with an e-mail marketing grant (one in seven of those withdrawn later), {@code deliveries} messages on
 * the three channels and analytics lines tagged with contacts' tokens, then times the cohort table (weeks
 * and months, joined and first consent) with plain SQLite reading the same rows beside it as the floor. The
 * rows are written with plain SQL in one transaction (building is not what is measured); the workspace is
 * created and read by Cristal. Not a test: {@code cristal bench --cohorts} prints the figures.
 */
public final class CohortBench {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final long DAY = 86_400_000L;
    private static final String[] CHANNELS = {"email", "email", "email", "email", "email", "email", "postal",
        "postal", "sms", "email"};

    private CohortBench() {
    }

    /** One timed thing: its name, the cohorts it found and its sorted milliseconds. */
    public record Timing(String name, int cohorts, double[] ms) {
        public double median() {
            return ms[(ms.length - 1) / 2];
        }

        public double max() {
            return ms[ms.length - 1];
        }
    }

    public record Result(int contacts, int deliveries, int webLines, long buildMillis, List<Timing> timings) {
    }

    public static Result run(Path file, int contacts, int deliveries, int runs, long seed) {
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            // Creates the file at the current format; the rows go in below.
            ws.formatVersion();
        }
        int web = build(file, contacts, deliveries, new Random(seed));
        long build = (System.nanoTime() - t0) / 1_000_000;
        List<Timing> timings = new ArrayList<>();
        try (Workspace ws = Workspace.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Cohorts cohorts = ws.cohorts();
            for (CohortPeriod by : CohortPeriod.values()) {
                for (CohortStart from : CohortStart.values()) {
                    int[] n = new int[1];
                    Timing t = time("cohort table by " + by.id() + ", from " + from.id() + ", 12 periods", runs,
                            () -> n[0] = cohorts.table(by, from, Cohorts.DEFAULT_PERIODS, ZONE).cohorts().size());
                    timings.add(new Timing(t.name(), n[0], t.ms()));
                }
            }
        }
        timings.addAll(anchors(file, runs));
        return new Result(contacts, deliveries, web, build, timings);
    }

    private static int build(Path file, int contacts, int deliveries, Random r) {
        long end = NOW.toEpochMilli();
        long begin = end - 730 * DAY;
        int web = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            String salt;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'audience.salt'")) {
                rs.next();
                salt = rs.getString(1);
            }
            long[] joined = new long[contacts + 1];
            try (PreparedStatement contact = c.prepareStatement("INSERT INTO contacts(id, email, email_key, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement consent = c.prepareStatement("INSERT INTO consents(contact, channel, purpose, "
                            + "granted, at, method, recorded_at) VALUES (?, 'email', 'marketing', ?, ?, 'web-form', ?)")) {
                for (int i = 1; i <= contacts; i++) {
                    // More joined lately, as a list that grows.
                    joined[i] = begin + (long) (Math.sqrt(r.nextDouble()) * (end - begin));
                    String email = "person" + i + "@example.fr";
                    contact.setLong(1, i);
                    contact.setString(2, email);
                    contact.setString(3, email);
                    contact.setLong(4, joined[i]);
                    contact.setLong(5, joined[i]);
                    contact.executeUpdate();
                    if (r.nextInt(5) > 0) {
                        long at = joined[i] + r.nextInt(3) * DAY;
                        grant(consent, i, true, Math.min(at, end));
                        if (r.nextInt(7) == 0) {
                            grant(consent, i, false, at + (long) (r.nextDouble() * (end - at)));
                        }
                    }
                }
            }
            try (PreparedStatement d = c.prepareStatement("INSERT INTO deliveries(contact, story_id, channel, "
                    + "purpose, outcome, at) VALUES (?, ?, ?, 'marketing', ?, ?)")) {
                for (int i = 0; i < deliveries; i++) {
                    int who = 1 + r.nextInt(contacts);
                    d.setLong(1, who);
                    d.setString(2, "story-" + r.nextInt(40));
                    d.setString(3, CHANNELS[r.nextInt(CHANNELS.length)]);
                    d.setString(4, r.nextInt(20) == 0 ? "held" : "sent");
                    d.setLong(5, joined[who] + (long) (r.nextDouble() * (end - joined[who])));
                    d.executeUpdate();
                }
            }
            ContactTokens tokens = new ContactTokens(salt);
            try (PreparedStatement w = c.prepareStatement("INSERT OR IGNORE INTO web_results(tool, day, campaign, "
                    + "source, medium, content, visitors, conversions) VALUES ('plausible', ?, ?, 'newsletter', "
                    + "'email', ?, ?, ?)")) {
                for (int i = 0; i < contacts / 5; i++) {
                    int who = 1 + r.nextInt(contacts);
                    long at = joined[who] + (long) (r.nextDouble() * (end - joined[who]));
                    w.setString(1, Instant.ofEpochMilli(at).atZone(ZONE).toLocalDate().toString());
                    w.setString(2, "story-" + r.nextInt(40));
                    w.setString(3, tokens.token(who));
                    w.setInt(4, 1 + r.nextInt(3));
                    w.setInt(5, r.nextInt(10) == 0 ? 1 : 0);
                    web += w.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return web;
    }

    private static void grant(PreparedStatement ps, int contact, boolean granted, long at) throws SQLException {
        ps.setLong(1, contact);
        ps.setInt(2, granted ? 1 : 0);
        ps.setLong(3, at);
        ps.setLong(4, at);
        ps.executeUpdate();
    }

    /**
     * Plain SQLite on its own connection, no Cristal code: the rows the table is made of read bare, and the
     * messages part of the table computed by SQLite alone (weeks in UTC, a join per delivery).
     */
    private static List<Timing> anchors(Path file, int runs) {
        String[][] queries = {
            {"raw SQLite: read the sent deliveries (contact, channel, time)",
                "SELECT contact, channel, at FROM deliveries WHERE outcome = 'sent' AND contact IS NOT NULL"},
            {"raw SQLite: read contacts and the e-mail ledger", "SELECT id, created_at FROM contacts UNION ALL "
                + "SELECT contact, at FROM consents WHERE channel = 'email' AND purpose = 'marketing'"},
            {"raw SQLite: messages per joining week and following week, GROUP BY",
                "SELECT (c.created_at / 604800000) AS cohort, (d.at - c.created_at) / 604800000 AS k, d.channel, "
                + "count(*) FROM deliveries d JOIN contacts c ON c.id = d.contact WHERE d.outcome = 'sent' "
                + "GROUP BY cohort, k, d.channel"}};
        List<Timing> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            for (String[] q : queries) {
                out.add(time(q[0], runs, () -> {
                    try (PreparedStatement ps = c.prepareStatement(q[1]); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                            rs.getObject(2);
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

    private static Timing time(String name, int runs, Runnable work) {
        for (int i = 0; i < Math.max(2, runs / 5); i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(name, 0, ms);
    }

    /** The day the figures are taken (for the report). */
    public static LocalDate today() {
        return NOW.atZone(ZONE).toLocalDate();
    }
}
