package org.cristal.library.persona;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Db;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.Sql;

/**
 * The workspace's personas (table {@code personas}; docs/one-to-one.md, "Personas"): saved by name (names
 * compare without regard to case), their contacts found through their segment rule, and the typical one
 * among them the studio previews a story as.
 */
public final class Personas {
    private static final String COLUMNS = "id, name, portrait, goals, objections, tone, words_use, words_avoid, "
            + "channels, channels_avoid, reading_target, segment, created_at, updated_at";

    private final Db db;
    private final Clock clock;
    private final Audience audience;

    public Personas(Db db, Clock clock, Audience audience) {
        this.db = db;
        this.clock = clock;
        this.audience = audience;
    }

    /**
     * Saves {@code p} under its name, replacing the persona of that name (its id and creation time stay).
     * The segment rule is checked first: a rule that does not read saves nothing.
     *
     * @throws WorkspaceException {@code persona.error.noName} for a blank name
     * @throws org.cristal.library.audience.SegmentException for a segment rule that does not read
     */
    public Persona save(Persona p) {
        String n = name(p.name());
        String segment = p.segment() == null ? "" : p.segment().strip();
        if (!segment.isEmpty()) {
            audience.segments().members(segment);
        }
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO personas(name, portrait, goals, objections, "
                    + "tone, words_use, words_avoid, channels, channels_avoid, reading_target, segment, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                    + "name = excluded.name, portrait = excluded.portrait, goals = excluded.goals, "
                    + "objections = excluded.objections, tone = excluded.tone, words_use = excluded.words_use, "
                    + "words_avoid = excluded.words_avoid, channels = excluded.channels, "
                    + "channels_avoid = excluded.channels_avoid, reading_target = excluded.reading_target, "
                    + "segment = excluded.segment, updated_at = excluded.updated_at")) {
                ps.setString(1, n);
                ps.setString(2, nz(p.portrait()).strip());
                ps.setString(3, lines(p.goals()));
                ps.setString(4, lines(p.objections()));
                ps.setString(5, nz(p.tone()).strip());
                ps.setString(6, lines(p.wordsUse()));
                ps.setString(7, lines(p.wordsAvoid()));
                ps.setString(8, channels(p.channels()));
                ps.setString(9, channels(p.channelsAvoid()));
                ps.setInt(10, Math.max(0, Math.min(100, p.readingTarget())));
                ps.setString(11, segment);
                ps.setLong(12, now);
                ps.setLong(13, now);
                return ps.executeUpdate();
            }
        });
        return find(n).orElseThrow();
    }

    /** A new persona with only a name (the form and the CLI fill in the rest). */
    public static Persona named(String name) {
        return new Persona(0, nz(name), "", List.of(), List.of(), "", List.of(), List.of(), List.of(), List.of(), 0,
                "", Instant.EPOCH, Instant.EPOCH);
    }

    public Optional<Persona> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return one("name = ?", name.strip());
    }

    public Optional<Persona> get(long id) {
        return one("id = ?", id);
    }

    /** Every persona, by name. */
    public List<Persona> list() {
        return db.read(c -> {
            List<Persona> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM personas "
                    + "ORDER BY name COLLATE NOCASE"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /**
     * Gives the persona another name. Stories that name the old one in {@code persona:} keep that name and
     * get a finding saying no persona has it.
     *
     * @throws WorkspaceException {@code persona.error.unknown} when there is none of that name,
     *         {@code persona.error.nameTaken} when another one has the new name
     */
    public Persona rename(String name, String newName) {
        String from = name(name);
        String to = name(newName);
        db.write(c -> {
            Optional<Persona> other = find(to);
            if (other.isPresent() && !other.get().name().equalsIgnoreCase(from)) {
                throw new WorkspaceException("persona.error.nameTaken", to);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE personas SET name = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, to);
                ps.setLong(2, clock.millis());
                ps.setString(3, from);
                if (ps.executeUpdate() == 0) {
                    throw new WorkspaceException("persona.error.unknown", from);
                }
            }
            return null;
        });
        return find(to).orElseThrow();
    }

    /** Removes the persona; false when there was none of that name. */
    public boolean delete(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM personas WHERE name = ?")) {
                ps.setString(1, name.strip());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * The persona's contacts now; none when it has no segment rule (a portrait without a rule finds nobody,
     * rather than everybody).
     *
     * @throws org.cristal.library.audience.SegmentException for a rule that no longer reads
     */
    public Sql contacts(Persona p) {
        return p.segment().isBlank() ? new Sql("0", List.of()) : audience.segments().members(p.segment());
    }

    /** How many contacts the persona's segment holds now. */
    public int count(Persona p) {
        return audience.segments().count(contacts(p));
    }

    /**
     * The persona's most typical contact: the member who shares the most with the other members. Each
     * member scores, for their language, their city and each of their tags, how many other members share it;
     * the highest score wins, the lowest id among equals (the earliest contact). Empty when the segment
     * holds nobody. Two passes over the members, so memory stays small for a large segment.
     */
    public Optional<Contact> typicalContact(Persona p) {
        Sql members = contacts(p);
        Map<String, Integer> langs = new HashMap<>();
        Map<String, Integer> cities = new HashMap<>();
        Map<String, Integer> tags = new HashMap<>();
        audience.contacts().forEach(members, c -> {
            count(langs, key(c.lang()));
            count(cities, key(c.city()));
            c.tags().forEach(t -> count(tags, key(t)));
        });
        long[] best = {-1, -1};
        audience.contacts().forEach(members, c -> {
            long score = shared(langs, c.lang()) + shared(cities, c.city());
            for (String t : c.tags()) {
                score += shared(tags, t);
            }
            // forEach goes in id order: a later contact must score strictly more to win a tie.
            if (best[0] < 0 || score > best[1]) {
                best[0] = c.id();
                best[1] = score;
            }
        });
        return best[0] < 0 ? Optional.empty() : audience.contacts().get(best[0]);
    }

    private static void count(Map<String, Integer> m, String key) {
        if (!key.isEmpty()) {
            m.merge(key, 1, Integer::sum);
        }
    }

    /** How many other members share this value. */
    private static int shared(Map<String, Integer> m, String value) {
        String k = key(value);
        return k.isEmpty() ? 0 : m.getOrDefault(k, 1) - 1;
    }

    private static String key(String s) {
        return nz(s).strip().toLowerCase(Locale.ROOT);
    }

    private Optional<Persona> one(String where, Object value) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM personas WHERE " + where)) {
                ps.setObject(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Persona>empty();
                }
            }
        });
    }

    private static String name(String name) {
        String n = nz(name).strip();
        if (n.isEmpty()) {
            throw new WorkspaceException("persona.error.noName");
        }
        return n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One item per line, blank items and surrounding spaces dropped. */
    private static String lines(List<String> items) {
        return String.join("\n", clean(items));
    }

    /** Channel ids, lower case, separated by commas. */
    private static String channels(List<String> ids) {
        return String.join(",", clean(ids).stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    private static List<String> clean(List<String> items) {
        return items.stream().map(s -> nz(s).replace('\n', ' ').replace('\r', ' ').strip())
                .filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> split(String stored, String separator) {
        return stored.isEmpty() ? List.of() : Arrays.stream(stored.split(separator)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Persona row(ResultSet rs) throws SQLException {
        return new Persona(rs.getLong(1), rs.getString(2), rs.getString(3), split(rs.getString(4), "\n"),
                split(rs.getString(5), "\n"), rs.getString(6), split(rs.getString(7), "\n"), split(rs.getString(8), "\n"),
                split(rs.getString(9), ","), split(rs.getString(10), ","), rs.getInt(11), rs.getString(12),
                Instant.ofEpochMilli(rs.getLong(13)), Instant.ofEpochMilli(rs.getLong(14)));
    }
}
