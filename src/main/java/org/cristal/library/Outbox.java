package org.cristal.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The publishing outbox of a workspace: every publication, written here before it is sent, with its
 * outcome, and the journal of what a long send has done (schema: Migrations v4). State changes are
 * compare-and-set, so two senders (the studio and {@code cristal publish due} under cron) never both take
 * one entry.
 */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PENDING = "('SCHEDULED','RETRYING')";
    private final Db db;
    private final Clock clock;

    Outbox(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Queues a publication; an entry with the same idempotency key is returned as it is instead. */
    public OutboxEntry add(OutboxEntry.New e) {
        db.write(c -> {
            insert(c, e);
            return null;
        });
        return byKey(e.idempotencyKey()).orElseThrow();
    }

    private void insert(java.sql.Connection c, OutboxEntry.New e) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT OR IGNORE INTO outbox(idempotency_key, story_id, revision, account, plugin, channel,
                  target, scheduled_at, zone, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""")) {
            ps.setString(1, e.idempotencyKey());
            ps.setString(2, e.storyId());
            ps.setInt(3, e.revision());
            ps.setString(4, e.account());
            ps.setString(5, e.plugin());
            ps.setString(6, e.channel());
            ps.setString(7, e.target() == null ? "" : e.target());
            ps.setLong(8, e.scheduledAt().toEpochMilli());
            ps.setString(9, e.zone().getId());
            ps.setLong(10, now);
            ps.setLong(11, now);
            ps.executeUpdate();
        }
    }

    /**
     * Queues {@code e} in place of the scheduled entry {@code oldId}, in one transaction: the old one is
     * withdrawn (cancelled) and the new one added. Empty, and nothing changed, when the old one is no longer
     * merely scheduled (a sender took it meanwhile).
     */
    public Optional<OutboxEntry> replace(long oldId, OutboxEntry.New e) {
        boolean done = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'CANCELLED', "
                    + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'SCHEDULED'")) {
                ps.setLong(1, clock.millis());
                ps.setLong(2, oldId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            insert(c, e);
            return true;
        });
        return done ? byKey(e.idempotencyKey()) : Optional.empty();
    }

    /** A story's entries on one account that have not finished: scheduled, being sent or to be retried. */
    public List<OutboxEntry> unfinished(String storyId, String account) {
        return list("SELECT * FROM outbox WHERE story_id = ? AND account = ? "
                + "AND state IN ('SCHEDULED','RETRYING','SENDING') ORDER BY id", storyId, account);
    }

    public Optional<OutboxEntry> get(long id) {
        return one("SELECT * FROM outbox WHERE id = ?", id);
    }

    public Optional<OutboxEntry> byKey(String idempotencyKey) {
        return one("SELECT * FROM outbox WHERE idempotency_key = ?", idempotencyKey);
    }

    /** Pending entries whose time has come, oldest due first. */
    public List<OutboxEntry> due(Instant now) {
        return list("SELECT * FROM outbox WHERE state IN " + PENDING
                + " AND COALESCE(next_attempt_at, scheduled_at) <= ? ORDER BY COALESCE(next_attempt_at, scheduled_at), id",
                now.toEpochMilli());
    }

    /** When the next pending entry is due, if any: a scheduler sleeps until then. */
    public Optional<Instant> nextDue() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(COALESCE(next_attempt_at, scheduled_at)) "
                    + "FROM outbox WHERE state IN " + PENDING); ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        });
    }

    /** Entries a sender took and never finished: the app stopped mid-send. */
    public List<OutboxEntry> interrupted() {
        return list("SELECT * FROM outbox WHERE state = 'SENDING' ORDER BY id");
    }

    /**
     * Sending entries whose sender has given no sign of life (claim, {@link #touch}) since {@code before}:
     * interrupted for sure, rather than being sent right now by another thread or process.
     */
    public List<OutboxEntry> interrupted(Instant before) {
        return list("SELECT * FROM outbox WHERE state = 'SENDING' AND updated_at <= ? ORDER BY id",
                before.toEpochMilli());
    }

    /** Entries scheduled or published in [from, to), for a calendar. */
    public List<OutboxEntry> between(Instant from, Instant to) {
        return list("SELECT * FROM outbox WHERE COALESCE(published_at, scheduled_at) >= ? "
                + "AND COALESCE(published_at, scheduled_at) < ? ORDER BY COALESCE(published_at, scheduled_at), id",
                from.toEpochMilli(), to.toEpochMilli());
    }

    /** A story's publications, newest first. */
    public List<OutboxEntry> forStory(String storyId) {
        return list("SELECT * FROM outbox WHERE story_id = ? ORDER BY COALESCE(published_at, scheduled_at) DESC, id DESC",
                storyId);
    }

    /** An account's publications, newest first. */
    public List<OutboxEntry> forAccount(String account) {
        return list("SELECT * FROM outbox WHERE account = ? ORDER BY COALESCE(published_at, scheduled_at) DESC, id DESC",
                account);
    }

    /** The latest {@code limit} entries, newest first. */
    public List<OutboxEntry> recent(int limit) {
        return list("SELECT * FROM outbox ORDER BY COALESCE(published_at, scheduled_at) DESC, id DESC LIMIT ?", limit);
    }

    /** Takes a pending entry for sending (counts the attempt); false when someone else has it or it is no longer pending. */
    public boolean claim(long id) {
        return update("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, updated_at = ? "
                + "WHERE id = ? AND state IN " + PENDING, clock.millis(), id);
    }

    /**
     * Says a sending entry's sender is still at work (its lease, see {@link #interrupted()}); false when the
     * entry is no longer sending.
     */
    public boolean touch(long id) {
        return update("UPDATE outbox SET updated_at = ? WHERE id = ? AND state = 'SENDING'", clock.millis(), id);
    }

    /** Records that a sending entry went live. */
    public boolean sent(long id, String remoteId, String url, Instant publishedAt, int items) {
        return update("UPDATE outbox SET state = 'SENT', remote_id = ?, url = ?, published_at = ?, items = ?, "
                + "next_attempt_at = NULL, error = '', updated_at = ? WHERE id = ? AND state = 'SENDING'",
                nz(remoteId), nz(url), publishedAt.toEpochMilli(), items, clock.millis(), id);
    }

    /** Records a failure that may pass; the entry is due again at {@code next}. */
    public boolean retry(long id, Instant next, Map<String, String> error) {
        return update("UPDATE outbox SET state = 'RETRYING', next_attempt_at = ?, error = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", next.toEpochMilli(), toJson(error), clock.millis(), id);
    }

    /**
     * Records that a sending entry waits for its account to be connected again: pending, looked at again at
     * {@code next}, and the attempt it just made not counted, since only the user can fix it. The error keeps
     * {@link OutboxEntry#REASON} = {@link OutboxEntry#RECONNECT} beside its languages, so the studio and the
     * command line can tell such an entry from a plain retry without parsing a sentence (and without a column).
     */
    public boolean awaitReconnection(long id, Instant next, Map<String, String> error) {
        Map<String, String> marked = new java.util.LinkedHashMap<>(error);
        marked.put(OutboxEntry.REASON, OutboxEntry.RECONNECT);
        return update("UPDATE outbox SET state = 'RETRYING', next_attempt_at = ?, error = ?, "
                + "attempts = MAX(attempts - 1, 0), updated_at = ? WHERE id = ? AND state = 'SENDING'",
                next.toEpochMilli(), toJson(marked), clock.millis(), id);
    }

    /**
     * Makes an account's entries that wait for a reconnection due at {@code now} (it was just connected again);
     * their {@link OutboxEntry#REASON} goes (their sentence stays). An entry waiting for another reason (a
     * server busy, a rate limit's {@code Retry-After}) keeps its time: connecting does not change that.
     */
    public int dueAgain(String account, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = ?, updated_at = ?, "
                    + "error = json_remove(error, '$." + OutboxEntry.REASON + "') WHERE account = ? "
                    + "AND state = 'RETRYING' AND next_attempt_at > ? AND json_valid(error) "
                    + "AND json_extract(error, '$." + OutboxEntry.REASON + "') = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, clock.millis());
                ps.setString(3, account);
                ps.setLong(4, now.toEpochMilli());
                ps.setString(5, OutboxEntry.RECONNECT);
                return ps.executeUpdate();
            }
        });
    }

    /** Records a failure for good. */
    public boolean failed(long id, Map<String, String> error) {
        return update("UPDATE outbox SET state = 'FAILED', next_attempt_at = NULL, error = ?, updated_at = ? "
                + "WHERE id = ? AND state IN ('SENDING','SCHEDULED','RETRYING')", toJson(error), clock.millis(), id);
    }

    /** Withdraws an entry that has not gone; false when it is sending or sent. */
    public boolean cancel(long id) {
        return update("UPDATE outbox SET state = 'CANCELLED', next_attempt_at = NULL, updated_at = ? "
                + "WHERE id = ? AND state IN ('SCHEDULED','RETRYING','FAILED')", clock.millis(), id);
    }

    /**
     * Withdraws an entry whose send the user stopped, in one step from {@link OutboxState#SENDING}, so no
     * other sender can claim it in between; its journal stays, so rescheduling resumes where it stopped.
     */
    public boolean cancelSending(long id) {
        return update("UPDATE outbox SET state = 'CANCELLED', next_attempt_at = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", clock.millis(), id);
    }

    /**
     * Moves an entry that has not gone to a new time (a drag in the calendar, "retry now" on a failed one);
     * false when it is sending or sent. The attempt count starts again.
     */
    public boolean reschedule(long id, Instant at, ZoneId zone) {
        return update("UPDATE outbox SET state = 'SCHEDULED', scheduled_at = ?, zone = ?, next_attempt_at = NULL, "
                + "attempts = 0, updated_at = ? WHERE id = ? AND state IN ('SCHEDULED','RETRYING','FAILED','CANCELLED')",
                at.toEpochMilli(), zone.getId(), clock.millis(), id);
    }

    /**
     * Puts an interrupted ({@link OutboxState#SENDING}) entry back in the queue once its outcome is known
     * not to have gone through.
     */
    public boolean release(long id) {
        return update("UPDATE outbox SET state = 'RETRYING', next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", clock.millis(), clock.millis(), id);
    }

    /** A journal item of an entry (see {@code org.cristal.publish.spi.Journal}). */
    public Optional<String> journalGet(long entry, String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM outbox_journal WHERE entry = ? AND key = ?")) {
                ps.setLong(1, entry);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Records a journal item; durable when it returns. */
    public void journalPut(long entry, String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO outbox_journal(entry, key, value) VALUES (?, ?, ?)")) {
                ps.setLong(1, entry);
                ps.setString(2, key);
                ps.setString(3, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Map<String, String> journal(long entry) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM outbox_journal WHERE entry = ?")) {
                ps.setLong(1, entry);
                Map<String, String> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
                return out;
            }
        });
    }

    private boolean update(String sql, Object... args) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private Optional<OutboxEntry> one(String sql, Object... args) {
        List<OutboxEntry> all = list(sql, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private List<OutboxEntry> list(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<OutboxEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("story_id"),
                rs.getInt("revision"), rs.getString("account"), rs.getString("plugin"), rs.getString("channel"),
                rs.getString("target"), instant(rs, "scheduled_at"), zone(rs.getString("zone")),
                OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("remote_id"), rs.getString("url"), instant(rs, "published_at"), rs.getInt("items"),
                fromJson(rs.getString("error")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String toJson(Map<String, String> error) {
        try {
            return error == null || error.isEmpty() ? "" : JSON.writeValueAsString(new TreeMap<>(error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("en", json);
        }
    }
}
