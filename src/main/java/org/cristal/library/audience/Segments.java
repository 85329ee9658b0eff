package org.cristal.library.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cristal.library.Db;
import org.cristal.library.WorkspaceException;

/**
 * Saved segments: named rules over the contacts ({@link SegmentExpression}), counted live. A segment's
 * contacts are an {@link Sql}, so a segment goes wherever one is taken: {@code Audience.reach}, the contacts
 * search, an export.
 */
public final class Segments {
    /** A segment and how many contacts it holds now; -1 when its rule no longer reads. */
    public record Counted(Segment segment, int count) {
    }

    private final Db db;
    private final Clock clock;
    private final ZoneId zone;

    Segments(Db db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Saves the segment under {@code name}, replacing the rule of one of that name (names compare without
     * regard to case).
     *
     * @throws SegmentException for a rule that does not read: nothing is saved
     * @throws WorkspaceException {@code audience.segment.error.noName} for a blank name
     */
    public Segment save(String name, String expression) {
        String n = name(name);
        SegmentExpression parsed = SegmentExpression.parse(expression == null ? "" : expression);
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO segments(name, expression, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET expression = excluded.expression, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, n);
                ps.setString(2, parsed.text());
                ps.setLong(3, now);
                ps.setLong(4, now);
                return ps.executeUpdate();
            }
        });
        return find(n).orElseThrow();
    }

    public Optional<Segment> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, expression, created_at, updated_at FROM segments WHERE name = ?")) {
                ps.setString(1, name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Segment>empty();
                }
            }
        });
    }

    /** Every segment, by name. */
    public List<Segment> list() {
        return db.read(c -> {
            List<Segment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, expression, created_at, updated_at "
                    + "FROM segments ORDER BY name COLLATE NOCASE"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** Every segment with how many contacts it holds now. */
    public List<Counted> counted() {
        List<Counted> out = new ArrayList<>();
        for (Segment s : list()) {
            int n;
            try {
                n = count(s.expression());
            } catch (SegmentException e) {
                n = -1;
            }
            out.add(new Counted(s, n));
        }
        return out;
    }

    /**
     * Gives the segment another name.
     *
     * @throws WorkspaceException {@code audience.segment.error.unknown} when there is no such segment,
     *         {@code audience.segment.error.nameTaken} when another one has the new name
     */
    public Segment rename(String name, String newName) {
        String from = name(name);
        String to = name(newName);
        db.write(c -> {
            Optional<Segment> other = find(to);
            if (other.isPresent() && !other.get().name().equalsIgnoreCase(from)) {
                throw new WorkspaceException("audience.segment.error.nameTaken", to);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE segments SET name = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, to);
                ps.setLong(2, clock.millis());
                ps.setString(3, from);
                if (ps.executeUpdate() == 0) {
                    throw new WorkspaceException("audience.segment.error.unknown", from);
                }
            }
            return null;
        });
        return find(to).orElseThrow();
    }

    /** Removes the segment (its contacts stay); false when there was none of that name. */
    public boolean delete(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM segments WHERE name = ?")) {
                ps.setString(1, name.strip());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * The contacts {@code expression} selects, now, as a condition for the other stores.
     *
     * @throws SegmentException for a rule that does not read
     */
    public Sql members(String expression) {
        return SegmentExpression.parse(expression == null ? "" : expression).toSql(clock.instant(), zone);
    }

    /**
     * The contacts a segment name stands for wherever one is given (a send, a list, an export): "" or null
     * is every contact, a saved segment its rule; empty when there is no segment of that name.
     */
    public Optional<Sql> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Sql.ALL);
        }
        return find(name).map(s -> members(s.expression()));
    }

    /**
     * The contacts of the saved segment {@code name}.
     *
     * @throws WorkspaceException {@code audience.segment.error.unknown} when there is no such segment
     */
    public Sql membersOf(String name) {
        Segment s = find(name).orElseThrow(() -> new WorkspaceException("audience.segment.error.unknown",
                name == null ? "" : name.strip()));
        return members(s.expression());
    }

    /** How many contacts {@code expression} selects: the editor's live count. */
    public int count(String expression) {
        return count(members(expression));
    }

    /** How many contacts {@code where} selects. */
    public int count(Sql where) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM contacts c WHERE " + where.where())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new WorkspaceException("audience.segment.error.noName");
        }
        return n;
    }

    private static Segment row(ResultSet rs) throws java.sql.SQLException {
        return new Segment(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)));
    }
}
