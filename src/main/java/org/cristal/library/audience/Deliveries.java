package org.cristal.library.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cristal.library.Db;

/** Every message sent to a contact: their history, and what the frequency cap counts. */
public final class Deliveries {
    private final Db db;
    private final Clock clock;

    Deliveries(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(long contactId, long entry, String storyId, ContactChannel channel, Purpose purpose,
            Delivery.Outcome outcome, String detail) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries(contact, entry, story_id, channel, "
                    + "purpose, outcome, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, contactId);
                if (entry > 0) {
                    ps.setLong(2, entry);
                } else {
                    ps.setNull(2, Types.INTEGER);
                }
                ps.setString(3, storyId);
                ps.setString(4, channel.id());
                ps.setString(5, purpose.id());
                ps.setString(6, outcome.id());
                ps.setString(7, detail == null ? "" : detail);
                ps.setLong(8, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    /** The contact's messages, newest first. */
    public List<Delivery> of(long contactId) {
        return db.read(c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, contact, entry, story_id, channel, purpose, "
                    + "outcome, detail, at FROM deliveries WHERE contact = ? ORDER BY at DESC, id DESC")) {
                ps.setLong(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                ContactChannel.of(rs.getString(5)).orElse(ContactChannel.EMAIL),
                                Purpose.of(rs.getString(6)).orElse(Purpose.MARKETING),
                                Delivery.Outcome.of(rs.getString(7)), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
            }
            return out;
        });
    }

    /** Marketing messages sent to the contact since {@code since}, on every channel: what the cap counts. */
    public int marketingSince(long contactId, Instant since) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM deliveries WHERE contact = ? "
                    + "AND at >= ? AND purpose = 'marketing' AND outcome = 'sent'")) {
                ps.setLong(1, contactId);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
