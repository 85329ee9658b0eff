package org.cristal.library.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Db;

/**
 * Each contact's way through a scenario (tables {@code scenario_runs}, {@code scenario_touches},
 * {@code scenario_posts}): the engine's ({@code publish.scenario.ScenarioRunner}) memory, so that a restart
 * picks up exactly where the last tick stopped. Touch states: {@value #WAITING}, {@value #HELD},
 * {@value #QUEUED}, {@value #SENT}, {@value #SKIPPED}, {@value #FAILED}; reasons are short ids the engine
 * puts into words.
 */
public final class ScenarioRuns {
    public static final String WAITING = "waiting";
    public static final String HELD = "held";
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String EXITED = "exited";

    private final Db db;
    private final Clock clock;

    ScenarioRuns(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One contact's run. {@code state}: active, completed or exited ({@code reason} says why). */
    public record Run(long id, long scenario, int version, long contact, Instant enteredAt, String state,
            Instant endedAt, String reason) {
    }

    /** One step of one run. {@code entry}: its outbox entry once queued, else 0. */
    public record Touch(long run, String step, Instant dueAt, String state, long entry, String reason, int attempt) {
        public boolean done() {
            return state.equals(SENT) || state.equals(SKIPPED) || state.equals(FAILED);
        }
    }

    /** A step on a public channel, posted once for the scenario. */
    public record Post(long scenario, int version, String step, Instant dueAt, String state, long entry,
            String reason) {
    }

    /**
     * Enters the contact on {@code version} at {@code at}, with every step's due time; empty when they already
     * have an active run (the unique index decides, so two ticks at once cannot both enter them).
     */
    public Optional<Run> enter(long scenario, int version, long contact, Instant at, Map<String, Instant> dueByStep) {
        long now = clock.millis();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario_runs(scenario, version, contact, "
                    + "entered_at, state) VALUES (?, ?, ?, ?, 'active') ON CONFLICT DO NOTHING",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, scenario);
                ps.setInt(2, version);
                ps.setLong(3, contact);
                ps.setLong(4, at.toEpochMilli());
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            addTouches(c, id, dueByStep, now);
            return runs(c, "r.id = ?", id).stream().findFirst();
        });
    }

    private static void addTouches(Connection c, long run, Map<String, Instant> dueByStep, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO scenario_touches(run, step, due_at, "
                + "state, updated_at) VALUES (?, ?, ?, 'waiting', ?)")) {
            for (Map.Entry<String, Instant> t : dueByStep.entrySet()) {
                ps.setLong(1, run);
                ps.setString(2, t.getKey());
                ps.setLong(3, t.getValue().toEpochMilli());
                ps.setLong(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Each contact's latest run of the scenario (contact → run). */
    public Map<Long, Run> latest(long scenario) {
        return db.read(c -> {
            Map<Long, Run> out = new LinkedHashMap<>();
            for (Run r : runs(c, "r.scenario = ? ORDER BY r.id", scenario)) {
                out.put(r.contact(), r);
            }
            return out;
        });
    }

    public List<Run> active(long scenario) {
        return db.read(c -> runs(c, "r.scenario = ? AND r.state = 'active' ORDER BY r.id", scenario));
    }

    public Optional<Run> run(long id) {
        return db.read(c -> runs(c, "r.id = ?", id).stream().findFirst());
    }

    /** A run's touches, by due time. */
    public List<Touch> touches(long run) {
        return db.read(c -> touches(c, "run = ? ORDER BY due_at, step", run));
    }

    /** Every touch of the scenario's runs in {@code state}. */
    public List<Touch> touches(long scenario, String state) {
        return db.read(c -> touches(c, "state = ? AND run IN (SELECT id FROM scenario_runs WHERE scenario = ?) "
                + "ORDER BY due_at", state, scenario));
    }

    /** Sets a touch's state; {@code entry} 0 keeps the one it has. */
    public void set(long run, String step, String state, long entry, String reason) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_touches SET state = ?, "
                    + "entry = CASE WHEN ? > 0 THEN ? ELSE entry END, reason = ?, updated_at = ? WHERE run = ? AND step = ?")) {
                ps.setString(1, state);
                ps.setLong(2, entry);
                ps.setLong(3, entry);
                ps.setString(4, reason == null ? "" : reason);
                ps.setLong(5, clock.millis());
                ps.setLong(6, run);
                ps.setString(7, step);
                return ps.executeUpdate();
            }
        });
    }

    /** A send held the step back at the cap: held again, and the next try is a new attempt (a new entry). */
    public void heldAtSend(long run, String step, String reason) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_touches SET state = 'held', entry = NULL, "
                    + "reason = ?, attempt = attempt + 1, updated_at = ? WHERE run = ? AND step = ?")) {
                ps.setString(1, reason);
                ps.setLong(2, clock.millis());
                ps.setLong(3, run);
                ps.setString(4, step);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Ends a run ({@value #COMPLETED} or {@value #EXITED}); its steps not yet queued are skipped with the same
     * reason, so nothing of it can go any more.
     */
    public void end(long run, String state, String reason) {
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_runs SET state = ?, ended_at = ?, "
                    + "reason = ? WHERE id = ? AND state = 'active'")) {
                ps.setString(1, state);
                ps.setLong(2, now);
                ps.setString(3, reason == null ? "" : reason);
                ps.setLong(4, run);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_touches SET state = 'skipped', reason = ?, "
                    + "updated_at = ? WHERE run = ? AND state IN ('waiting', 'held')")) {
                ps.setString(1, reason == null ? "" : reason);
                ps.setLong(2, now);
                ps.setLong(3, run);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Moves an active run to {@code version}: the steps it already has keep their state (never sent again);
     * the version's new steps are added with {@code newSteps}' due times; steps the version dropped and not
     * yet queued are skipped (reason {@code removed}).
     */
    public void move(long run, int version, Map<String, Instant> newSteps, List<String> keptSteps) {
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_runs SET version = ? WHERE id = ?")) {
                ps.setInt(1, version);
                ps.setLong(2, run);
                ps.executeUpdate();
            }
            for (Touch t : touches(c, "run = ?", run)) {
                if (!keptSteps.contains(t.step()) && (t.state().equals(WAITING) || t.state().equals(HELD))) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_touches SET state = 'skipped', "
                            + "reason = 'removed', updated_at = ? WHERE run = ? AND step = ?")) {
                        ps.setLong(1, now);
                        ps.setLong(2, run);
                        ps.setString(3, t.step());
                        ps.executeUpdate();
                    }
                }
            }
            addTouches(c, run, newSteps, now);
            return null;
        });
    }

    // --- public posts ---

    public Optional<Post> post(long scenario, String step) {
        return db.read(c -> posts(c, "scenario = ? AND step = ?", scenario, step).stream().findFirst());
    }

    public List<Post> posts(long scenario) {
        return db.read(c -> posts(c, "scenario = ? ORDER BY due_at", scenario));
    }

    /** Records the public step as queued with its entry; false when another tick recorded it first. */
    public boolean addPost(long scenario, int version, String step, Instant due, long entry) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO scenario_posts(scenario, version, "
                    + "step, due_at, state, entry, updated_at) SELECT ?, ?, ?, ?, 'queued', ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM scenario_posts WHERE scenario = ? AND step = ?)")) {
                ps.setLong(1, scenario);
                ps.setInt(2, version);
                ps.setString(3, step);
                ps.setLong(4, due.toEpochMilli());
                ps.setLong(5, entry);
                ps.setLong(6, clock.millis());
                ps.setLong(7, scenario);
                ps.setString(8, step);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public void setPost(long scenario, String step, String state, String reason) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_posts SET state = ?, reason = ?, "
                    + "updated_at = ? WHERE scenario = ? AND step = ?")) {
                ps.setString(1, state);
                ps.setString(2, reason == null ? "" : reason);
                ps.setLong(3, clock.millis());
                ps.setLong(4, scenario);
                ps.setString(5, step);
                return ps.executeUpdate();
            }
        });
    }

    /** The contacts at one step: each run that has it, with the contact's name (or address) for the screen. */
    public List<Row> at(long scenario, String step) {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.contact, trim(k.first_name || ' ' || "
                    + "k.last_name), k.email, r.version, t.state, t.due_at, t.reason FROM scenario_touches t "
                    + "JOIN scenario_runs r ON r.id = t.run JOIN contacts k ON k.id = r.contact "
                    + "WHERE r.scenario = ? AND t.step = ? ORDER BY t.due_at, r.id")) {
                ps.setLong(1, scenario);
                ps.setString(2, step);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(3);
                        out.add(new Row(rs.getLong(1), rs.getLong(2), name.isEmpty() ? rs.getString(4) : name,
                                rs.getInt(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    /** A row of {@link #at}. */
    public record Row(long run, long contactId, String contact, int version, String state, Instant dueAt,
            String reason) {
    }

    /** How many touches of each step are in each state (step → state → count). */
    public Map<String, Map<String, Integer>> counts(long scenario) {
        return db.read(c -> {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.step, t.state, count(*) FROM scenario_touches t "
                    + "JOIN scenario_runs r ON r.id = t.run WHERE r.scenario = ? GROUP BY t.step, t.state")) {
                ps.setLong(1, scenario);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                }
            }
            return out;
        });
    }

    /** Whom one run's step writes to, and which variant of the story ("" as written). */
    public record Personal(long contact, String variant) {
    }

    /** The contact and variant of a run's step, for the send of its outbox entry; empty once the run is gone. */
    public Optional<Personal> personal(long run, String step) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.contact, v.steps FROM scenario_runs r JOIN "
                    + "scenario_versions v ON v.scenario = r.scenario AND v.version = r.version WHERE r.id = ?")) {
                ps.setLong(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String variant = ScenarioJson.steps(rs.getString(2)).stream().filter(x -> x.id().equals(step))
                            .map(Step::variant).findFirst().orElse("");
                    return Optional.of(new Personal(rs.getLong(1), variant));
                }
            }
        });
    }

    /** What the imported web analytics say of links tagged with a contact's token. */
    public record Visits(long visitors, long conversions) {
    }

    /** The visits imported for {@code token} ({@code utm_content}), within {@code campaign} ("" for any). */
    public Visits visits(String token, String campaign) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(visitors), 0), "
                    + "coalesce(sum(conversions), 0) FROM web_results WHERE content = ? AND (? = '' OR campaign = ?)")) {
                ps.setString(1, token);
                ps.setString(2, campaign);
                ps.setString(3, campaign);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Visits(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    private static List<Run> runs(Connection c, String where, Object... args) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.scenario, r.version, r.contact, r.entered_at, "
                + "r.state, r.ended_at, r.reason FROM scenario_runs r WHERE " + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ended = rs.getLong(7);
                    Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                    out.add(new Run(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), endedAt, rs.getString(8)));
                }
            }
        }
        return out;
    }

    private static List<Touch> touches(Connection c, String where, Object... args) throws SQLException {
        List<Touch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run, step, due_at, state, entry, reason, attempt "
                + "FROM scenario_touches WHERE " + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Touch(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7)));
                }
            }
        }
        return out;
    }

    private static List<Post> posts(Connection c, String where, Object... args) throws SQLException {
        List<Post> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT scenario, version, step, due_at, state, entry, reason "
                + "FROM scenario_posts WHERE " + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Post(rs.getLong(1), rs.getInt(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }
}
