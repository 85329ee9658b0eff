package org.cristal.library.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cristal.library.Db;
import org.cristal.library.WorkspaceException;

/**
 * The workspace's scenarios and their versions (tables {@code scenarios}, {@code scenario_versions};
 * docs/one-to-one.md). A draft's edits change its version in place; once it has started, an edit makes a
 * new version and the runs under way keep theirs (ADR 0030). Runs and steps under way are the engine's
 * ({@code publish.scenario}); this class only keeps the definitions.
 */
public final class Scenarios {
    private final Db db;
    private final Clock clock;
    private final ScenarioRuns runs;

    public Scenarios(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.runs = new ScenarioRuns(db, clock);
    }

    /** The runs of every scenario: the engine's memory of who is where. */
    public ScenarioRuns runs() {
        return runs;
    }

    /** A new draft scenario with its first version. Refused when the name is taken or blank. */
    public Scenario create(String name, String segment, Reentry reentry, int reentryDays, ZoneId zone,
            List<Step> steps, List<ExitRule> exits) {
        String n = checkedName(name);
        long now = clock.millis();
        return db.write(c -> {
            if (one(c, "name = ?", n).isPresent()) {
                throw new WorkspaceException("scenario.error.nameTaken", n);
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenarios(name, segment, reentry, "
                    + "reentry_days, zone, state, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'draft', 1, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, n);
                ps.setString(2, segment == null ? "" : segment.strip());
                ps.setString(3, reentry.id());
                ps.setInt(4, Math.max(0, reentryDays));
                ps.setString(5, zone.getId());
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertVersion(c, id, 1, steps, exits, now);
            return one(c, "id = ?", id).orElseThrow();
        });
    }

    public Optional<Scenario> find(String name) {
        return db.read(c -> one(c, "name = ?", name == null ? "" : name.strip()));
    }

    public Optional<Scenario> get(long id) {
        return db.read(c -> one(c, "id = ?", id));
    }

    /** Every scenario, by name. */
    public List<Scenario> list() {
        return db.read(c -> many(c, "1 = 1 ORDER BY name COLLATE NOCASE"));
    }

    /** The version new runs follow. */
    public ScenarioVersion current(long scenario) {
        return db.read(c -> {
            Scenario s = one(c, "id = ?", scenario).orElseThrow(() -> new WorkspaceException("scenario.error.missing",
                    Long.toString(scenario)));
            return version(c, scenario, s.version()).orElseThrow();
        });
    }

    /** One version, as runs started on it follow it. */
    public Optional<ScenarioVersion> version(long scenario, int version) {
        return db.read(c -> version(c, scenario, version));
    }

    /** Every version, oldest first. */
    public List<ScenarioVersion> versions(long scenario) {
        return db.read(c -> {
            List<ScenarioVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM scenario_versions WHERE scenario = ? "
                    + "ORDER BY version")) {
                ps.setLong(1, scenario);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(c, scenario, rs.getInt(1)).orElseThrow());
                    }
                }
            }
            return out;
        });
    }

    /**
     * Saves new steps and exit rules: in place for a draft, as a new version once the scenario has started
     * (runs under way keep the version they started). Returns the version written.
     */
    public ScenarioVersion edit(long scenario, List<Step> steps, List<ExitRule> exits) {
        long now = clock.millis();
        return db.write(c -> {
            Scenario s = one(c, "id = ?", scenario).orElseThrow(() -> new WorkspaceException("scenario.error.missing",
                    Long.toString(scenario)));
            int v = s.version();
            if (s.state() == ScenarioState.DRAFT) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE scenario_versions SET steps = ?, exits = ? "
                        + "WHERE scenario = ? AND version = ?")) {
                    ps.setString(1, ScenarioJson.steps(steps));
                    ps.setString(2, ScenarioJson.exits(exits));
                    ps.setLong(3, scenario);
                    ps.setInt(4, v);
                    ps.executeUpdate();
                }
            } else {
                v++;
                insertVersion(c, scenario, v, steps, exits, now);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenarios SET version = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, v);
                ps.setLong(2, now);
                ps.setLong(3, scenario);
                ps.executeUpdate();
            }
            return version(c, scenario, v).orElseThrow();
        });
    }

    /** Changes the segment, re-entry rule and default zone (they apply to entries from now on). */
    public Scenario settings(long scenario, String segment, Reentry reentry, int reentryDays, ZoneId zone) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenarios SET segment = ?, reentry = ?, "
                    + "reentry_days = ?, zone = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, segment == null ? "" : segment.strip());
                ps.setString(2, reentry.id());
                ps.setInt(3, Math.max(0, reentryDays));
                ps.setString(4, zone.getId());
                ps.setLong(5, clock.millis());
                ps.setLong(6, scenario);
                ps.executeUpdate();
            }
            return one(c, "id = ?", scenario).orElseThrow();
        });
    }

    /**
     * Moves the scenario to {@code state}, stamping when it started or was paused. The engine
     * ({@code publish.scenario.ScenarioRunner}) decides what a change means for the runs.
     */
    public Scenario setState(long scenario, ScenarioState state) {
        long now = clock.millis();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenarios SET state = ?, updated_at = ?, "
                    + "started_at = CASE WHEN ? = 'running' AND started_at IS NULL THEN ? ELSE started_at END, "
                    + "paused_at = CASE WHEN ? = 'paused' THEN ? ELSE NULL END WHERE id = ?")) {
                ps.setString(1, state.id());
                ps.setLong(2, now);
                ps.setString(3, state.id());
                ps.setLong(4, now);
                ps.setString(5, state.id());
                ps.setLong(6, now);
                ps.setLong(7, scenario);
                ps.executeUpdate();
            }
            return one(c, "id = ?", scenario).orElseThrow();
        });
    }

    /** Deletes a scenario that is not running or paused, with its versions and runs; true when it went. */
    public boolean delete(long scenario) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenarios WHERE id = ? "
                    + "AND state NOT IN ('running', 'paused')")) {
                ps.setLong(1, scenario);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new WorkspaceException("scenario.error.nameEmpty");
        }
        return n;
    }

    private static void insertVersion(Connection c, long scenario, int version, List<Step> steps,
            List<ExitRule> exits, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario_versions(scenario, version, steps, "
                + "exits, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, scenario);
            ps.setInt(2, version);
            ps.setString(3, ScenarioJson.steps(steps));
            ps.setString(4, ScenarioJson.exits(exits));
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    private static Optional<ScenarioVersion> version(Connection c, long scenario, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT steps, exits, created_at FROM scenario_versions "
                + "WHERE scenario = ? AND version = ?")) {
            ps.setLong(1, scenario);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ScenarioVersion(scenario, version, ScenarioJson.steps(rs.getString(1)),
                        ScenarioJson.exits(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
            }
        }
    }

    private static Optional<Scenario> one(Connection c, String where, Object arg) throws SQLException {
        List<Scenario> found = many(c, where, arg);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Scenario> many(Connection c, String where, Object... args) throws SQLException {
        List<Scenario> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, segment, reentry, reentry_days, zone, state, "
                + "version, started_at, paused_at, created_at, updated_at FROM scenarios WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Scenario(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Reentry.of(rs.getString(4)).orElse(Reentry.NEVER), rs.getInt(5), zone(rs.getString(6)),
                            ScenarioState.of(rs.getString(7)).orElse(ScenarioState.DRAFT), rs.getInt(8),
                            instant(rs, 9), instant(rs, 10), Instant.ofEpochMilli(rs.getLong(11)),
                            Instant.ofEpochMilli(rs.getLong(12))));
                }
            }
        }
        return out;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
