package org.cristal.library.print;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.Db;

/**
 * The personalised print runs (table {@code print_runs}; docs/one-to-one.md). Each printed copy is a delivery
 * of its contact (channel postal, purpose marketing, detail {@code print-run:ID}): it shows in their history
 * and counts in the frequency cap. A run is one story revision for one segment into one folder: making it
 * again (the same story, revision, segment and folder) reuses its row, and a contact already printed in it is
 * not counted a second time.
 */
public final class PrintRuns {
    private final Db db;
    private final Clock clock;

    public PrintRuns(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The earlier run of this story revision for this segment into this folder, if any. */
    public Optional<Long> find(String storyId, int revision, String segment, String folder) {
        return db.read(c -> find(c, storyId, revision, segment, folder));
    }

    /** The run of this story revision for this segment into this folder: the existing one, or a new one. */
    public long open(String storyId, int revision, String segment, String folder) {
        return db.write(c -> {
            Optional<Long> known = find(c, storyId, revision, segment, folder);
            if (known.isPresent()) {
                return known.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO print_runs(story_id, revision, segment, copies, "
                    + "folder, created_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                ps.setString(1, storyId);
                ps.setInt(2, revision);
                ps.setString(3, segment);
                ps.setString(4, folder);
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The contacts already printed in the run. */
    public Set<Long> printed(long run) {
        return db.read(c -> printed(c, run));
    }

    /**
     * Records a delivery for each of {@code contacts} not yet printed in the run, in one transaction, and
     * sets the run's number of copies. Returns how many were new.
     */
    public int record(long run, String storyId, Collection<Long> contacts) {
        return db.write(c -> {
            Set<Long> done = printed(c, run);
            int added = 0;
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries(contact, entry, story_id, channel, "
                    + "purpose, outcome, detail, at) VALUES (?, NULL, ?, 'postal', 'marketing', 'sent', ?, ?)")) {
                for (long contact : contacts) {
                    if (done.add(contact)) {
                        ps.setLong(1, contact);
                        ps.setString(2, storyId);
                        ps.setString(3, detail(run));
                        ps.setLong(4, now);
                        ps.addBatch();
                        added++;
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE print_runs SET copies = ? WHERE id = ?")) {
                ps.setInt(1, done.size());
                ps.setLong(2, run);
                ps.executeUpdate();
            }
            return added;
        });
    }

    /** How many copies the run has printed. */
    public int copies(long run) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT copies FROM print_runs WHERE id = ?")) {
                ps.setLong(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** What a printed copy's delivery says in its detail: which run made it. */
    public static String detail(long run) {
        return "print-run:" + run;
    }

    private static Optional<Long> find(Connection c, String storyId, int revision, String segment, String folder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM print_runs WHERE story_id = ? AND revision = ? "
                + "AND segment = ? AND folder = ? ORDER BY id LIMIT 1")) {
            ps.setString(1, storyId);
            ps.setInt(2, revision);
            ps.setString(3, segment);
            ps.setString(4, folder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Set<Long> printed(Connection c, long run) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact FROM deliveries WHERE detail = ? "
                + "AND channel = 'postal' AND contact IS NOT NULL")) {
            ps.setString(1, detail(run));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
