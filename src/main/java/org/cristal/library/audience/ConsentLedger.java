package org.cristal.library.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cristal.library.Db;

/**
 * The append-only record of every consent given and withdrawn (docs/decisions/0015). The current state of
 * a contact's consent for a channel and purpose is the last row written for them; rows are never changed.
 */
public final class ConsentLedger {
    /** Where a contact stands for one channel and purpose. */
    public enum State {
        /** Never asked, or nothing recorded: no marketing. */
        NONE,
        GRANTED,
        WITHDRAWN
    }

    /** What {@link #record} did. */
    public enum Result {
        RECORDED,
        /** An imported grant over a withdrawal: refused, only a new consent with its proof may undo a withdrawal. */
        REFUSED_WITHDRAWN,
        /** The same state again from an import: nothing written. */
        ALREADY
    }

    private final Db db;
    private final Clock clock;

    ConsentLedger(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends {@code event} for the contact. A grant made by {@linkplain ConsentMethod#IMPORT import} never
     * replaces a withdrawal, and an import repeating the current state writes nothing.
     */
    public Result record(long contactId, ConsentEvent event) {
        return db.write(c -> record(c, contactId, event, 0, clock.millis()));
    }

    public State current(long contactId, ContactChannel channel, Purpose purpose) {
        return db.read(c -> current(c, contactId, channel, purpose));
    }

    /** The contact's ledger, oldest first. */
    public List<ConsentRecord> history(long contactId) {
        return db.read(c -> {
            List<ConsentRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, contact, channel, purpose, granted, at, method, "
                    + "source, ip, proof, batch, recorded_at FROM consents WHERE contact = ? ORDER BY id")) {
                ps.setLong(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    static Result record(Connection c, long contactId, ConsentEvent e, long batch, long now) throws SQLException {
        State state = current(c, contactId, e.channel(), e.purpose());
        if (e.method() == ConsentMethod.IMPORT) {
            if (e.granted() && state == State.WITHDRAWN) {
                return Result.REFUSED_WITHDRAWN;
            }
            if (e.granted() == (state == State.GRANTED) && state != State.NONE) {
                return Result.ALREADY;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consents(contact, channel, purpose, granted, at, "
                + "method, source, ip, proof, batch, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, contactId);
            ps.setString(2, e.channel().id());
            ps.setString(3, e.purpose().id());
            ps.setInt(4, e.granted() ? 1 : 0);
            ps.setLong(5, e.at().toEpochMilli());
            ps.setString(6, e.method().id());
            ps.setString(7, e.source());
            ps.setString(8, e.ip());
            ps.setString(9, e.proof());
            if (batch > 0) {
                ps.setLong(10, batch);
            } else {
                ps.setNull(10, Types.INTEGER);
            }
            ps.setLong(11, now);
            ps.executeUpdate();
        }
        return Result.RECORDED;
    }

    static State current(Connection c, long contactId, ContactChannel channel, Purpose purpose) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT granted FROM consent_state WHERE contact = ? AND channel = ? AND purpose = ?")) {
            ps.setLong(1, contactId);
            ps.setString(2, channel.id());
            ps.setString(3, purpose.id());
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() ? State.NONE : rs.getInt(1) == 1 ? State.GRANTED : State.WITHDRAWN;
            }
        }
    }

    /** Rebuilds the derived state of one contact from the ledger (after an import batch was undone). */
    static void rederive(Connection c, long contactId) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM consent_state WHERE contact = ?")) {
            del.setLong(1, contactId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO consent_state(contact, channel, purpose, granted, at, ledger_id)
                SELECT contact, channel, purpose, granted, at, id FROM consents x
                WHERE contact = ? AND id = (SELECT max(id) FROM consents y
                  WHERE y.contact = x.contact AND y.channel = x.channel AND y.purpose = x.purpose)""")) {
            ps.setLong(1, contactId);
            ps.executeUpdate();
        }
    }

    static ConsentRecord row(ResultSet rs) throws SQLException {
        ConsentEvent e = new ConsentEvent(ContactChannel.of(rs.getString("channel")).orElse(ContactChannel.EMAIL),
                Purpose.of(rs.getString("purpose")).orElse(Purpose.MARKETING), rs.getInt("granted") == 1,
                Instant.ofEpochMilli(rs.getLong("at")),
                ConsentMethod.of(rs.getString("method")).orElse(ConsentMethod.MANUAL), rs.getString("source"),
                rs.getString("ip"), rs.getString("proof"));
        return new ConsentRecord(rs.getLong("id"), rs.getLong("contact"), e, rs.getLong("batch"),
                Instant.ofEpochMilli(rs.getLong("recorded_at")));
    }

    /** The latest row for the contact, channel and purpose. */
    public Optional<ConsentRecord> latest(long contactId, ContactChannel channel, Purpose purpose) {
        return history(contactId).stream().filter(r -> r.event().channel() == channel
                && r.event().purpose() == purpose).reduce((a, b) -> b);
    }
}
