package org.cristal.library.abtest;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Db;

/**
 * The workspace's A/B tests of newsletter sends (tables {@code ab_tests}, {@code ab_arms}; docs/results.md):
 * each test, the plan it was sized with and its seed; the arm each contact was put in, recorded before the
 * first message goes so that a retry, a crash and restart or a resend gives every contact the same arm; and
 * what each arm brought back.
 */
public final class AbTests {
    /** What a test counts as a success: a visit from the e-mail, or a conversion the analytics recorded. */
    public static final String CLICKS = "clicks";
    public static final String CONVERSIONS = "conversions";

    private final Db db;
    private final Clock clock;

    public AbTests(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The plan a test was sized with, as the user gave it to the planner (Cristal stores it, the planner
     * computes it). 0 for baseline, mde and plannedPerArm: no plan was given.
     */
    public record Plan(double baseline, double mde, boolean relative, double alpha, double power, int plannedPerArm) {
        /** No plan given: the usual significance level and power, nothing planned. */
        public static final Plan NONE = new Plan(0, 0, false, 0.05, 0.8, 0);

        public boolean planned() {
            return plannedPerArm > 0;
        }
    }

    /**
     * A test.
     *
     * @param element  what varies ({@code subject}, {@code title}, {@code cta}, {@code lead})
     * @param arms     the arms, the control {@code a} first
     * @param outcome  {@link #CLICKS} or {@link #CONVERSIONS}
     * @param entry    the outbox entry of its send, 0 until it is queued
     * @param entryKey that entry's idempotency key
     */
    public record Test(long id, String storyId, String element, List<String> arms, String outcome, long seed,
            Plan plan, long entry, String entryKey, Instant createdAt) {
        public Test {
            arms = List.copyOf(arms);
        }
    }

    /**
     * What one arm brought back.
     *
     * @param contacts     contacts the server accepted the arm's message for
     * @param visitors     visits from the arm's links ({@code utm_content} = the arm), as the analytics counted
     * @param conversions  conversions from those visits
     * @param unsubscribed contacts of the arm who withdrew their consent to marketing e-mail after the send
     */
    public record ArmOutcome(String arm, int contacts, long visitors, long conversions, int unsubscribed) {
    }

    /**
     * The test of the send whose idempotency key is {@code entryKey}: created with a fresh seed the first
     * time, the same test every later time (a send queued twice is one test).
     */
    public Test create(String entryKey, String storyId, String element, List<String> arms, String outcome,
            Plan plan) {
        long seed = new SecureRandom().nextLong();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ab_tests(story_id, element, arms, outcome, seed, entry_key, baseline, mde, relative,
                      alpha, power, planned_per_arm, entry, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(entry_key) DO NOTHING""")) {
                ps.setString(1, storyId);
                ps.setString(2, element);
                ps.setString(3, String.join(",", arms));
                ps.setString(4, outcome);
                ps.setLong(5, seed);
                ps.setString(6, entryKey);
                ps.setDouble(7, plan.baseline());
                ps.setDouble(8, plan.mde());
                ps.setInt(9, plan.relative() ? 1 : 0);
                ps.setDouble(10, plan.alpha());
                ps.setDouble(11, plan.power());
                ps.setInt(12, plan.plannedPerArm());
                ps.setLong(13, clock.millis());
                ps.executeUpdate();
            }
            return one(c, "entry_key = ?", entryKey).orElseThrow();
        });
    }

    /** Ties the test to the outbox entry of its send. */
    public void link(long testId, long entry) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ab_tests SET entry = ? WHERE id = ?")) {
                ps.setLong(1, entry);
                ps.setLong(2, testId);
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets a test that never split anyone (its send was not queued after all); true when it went. */
    public boolean discard(long testId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ab_tests WHERE id = ? AND entry IS NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM ab_arms WHERE test = ?)")) {
                ps.setLong(1, testId);
                ps.setLong(2, testId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<Test> get(long id) {
        return db.read(c -> one(c, "id = ?", id));
    }

    /** The test a send belongs to, by the idempotency key of its outbox entry. */
    public Optional<Test> forEntryKey(String entryKey) {
        return db.read(c -> one(c, "entry_key = ?", entryKey));
    }

    /** A story's tests, newest first. */
    public List<Test> forStory(String storyId) {
        return db.read(c -> {
            List<Test> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE story_id = ? ORDER BY created_at DESC, "
                    + "id DESC")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(test(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The arm of each of {@code contacts} in the test: those already in an arm keep it, the others are drawn
     * ({@link Split}) and recorded, in one transaction, before anyone is sent anything.
     */
    public Map<Long, String> assign(long testId, Collection<Long> contacts) {
        return db.write(c -> {
            Test t = one(c, "id = ?", testId).orElseThrow(() -> new IllegalArgumentException("no test " + testId));
            Map<Long, String> existing = arms(c, testId);
            Map<Long, String> out = new Split(t.seed(), t.arms()).assign(contacts, existing);
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO ab_arms(test, contact, arm) "
                    + "VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, String> e : out.entrySet()) {
                    if (!existing.containsKey(e.getKey())) {
                        ps.setLong(1, testId);
                        ps.setLong(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return out;
        });
    }

    /** Every contact recorded in the test, with their arm. */
    public Map<Long, String> arms(long testId) {
        return db.read(c -> arms(c, testId));
    }

    private static Map<Long, String> arms(Connection c, long testId) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, arm FROM ab_arms WHERE test = ?")) {
            ps.setLong(1, testId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * What each arm brought back, the control first: contacts from the deliveries of the test's send,
     * visits and conversions from the imported web analytics whose tags name the story's address
     * (campaign), the newsletter (source) and the arm (content), unsubscribes from the consent ledger after
     * the contact's message. An arm with nothing yet has zeros.
     */
    public List<ArmOutcome> outcomes(long testId) {
        return db.read(c -> {
            Test t = one(c, "id = ?", testId).orElseThrow(() -> new IllegalArgumentException("no test " + testId));
            Map<String, int[]> people = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT a.arm, count(DISTINCT d.contact),
                      count(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM consents k WHERE k.contact = d.contact
                        AND k.channel = 'email' AND k.purpose = 'marketing' AND k.granted = 0 AND k.at >= d.at)
                        THEN d.contact END)
                    FROM deliveries d JOIN ab_arms a ON a.test = ? AND a.contact = d.contact
                    WHERE d.entry = ? AND d.outcome = 'sent' GROUP BY a.arm""")) {
                ps.setLong(1, testId);
                ps.setLong(2, t.entry());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        people.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                    }
                }
            }
            Map<String, long[]> web = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT w.content, sum(w.visitors), sum(w.conversions) FROM web_results w
                    WHERE w.campaign = (SELECT web_slug FROM stories WHERE id = ?) AND w.source = ?
                    GROUP BY w.content""")) {
                ps.setString(1, t.storyId());
                ps.setString(2, org.cristal.story.Utm.NEWSLETTER);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        web.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            List<ArmOutcome> out = new ArrayList<>();
            for (String arm : t.arms()) {
                int[] p = people.getOrDefault(arm, new int[2]);
                long[] w = web.getOrDefault(arm, new long[2]);
                out.add(new ArmOutcome(arm, p[0], w[0], w[1], p[1]));
            }
            return out;
        });
    }

    private static final String SELECT = "SELECT id, story_id, element, arms, outcome, seed, baseline, mde, "
            + "relative, alpha, power, planned_per_arm, entry, entry_key, created_at FROM ab_tests";

    private static Optional<Test> one(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(test(rs)) : Optional.empty();
            }
        }
    }

    private static Test test(ResultSet rs) throws SQLException {
        Plan plan = new Plan(rs.getDouble(7), rs.getDouble(8), rs.getInt(9) != 0, rs.getDouble(10),
                rs.getDouble(11), rs.getInt(12));
        return new Test(rs.getLong(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                rs.getString(5), rs.getLong(6), plan, rs.getLong(13), rs.getString(14),
                Instant.ofEpochMilli(rs.getLong(15)));
    }
}
