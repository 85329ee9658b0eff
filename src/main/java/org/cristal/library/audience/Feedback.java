package org.cristal.library.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What comes back from the people written to — unsubscribe requests, bounces, complaints, double opt-in
 * confirmations — applied to the audience. Each item (one e-mail read from the mailbox, one row of a file)
 * is applied in one transaction together with a mark that it was applied, so the same item read twice
 * changes nothing the second time, and an item is never half applied.
 */
public final class Feedback {
    /** One change an item asks for. */
    public sealed interface Change {
    }

    /** A withdrawal for a contact named by a verified token. */
    public record Withdraw(long contactId, ConsentEvent event) implements Change {
    }

    /** A grant for a contact named by a verified token (a double opt-in confirmed). */
    public record Grant(long contactId, ConsentEvent event) implements Change {
    }

    /**
     * A withdrawal for an address (a file of unsubscribes, a known contact writing "unsubscribe"). An address
     * that is no contact goes on the suppression list, as a hash, if {@code suppressUnknown}.
     */
    public record WithdrawAddress(String email, ConsentEvent event, boolean suppressUnknown) implements Change {
    }

    /** The address does not exist or refuses mail for good: nothing more goes to it by e-mail. */
    public record HardBounce(String email) implements Change {
    }

    /** A temporary failure, counted on the contact. */
    public record SoftBounce(String email) implements Change {
    }

    /**
     * The person marked a message as spam: marketing e-mail withdrawn, the address suppressed. The contact is
     * found by {@code contactId} when known (a token in the reported message), else by {@code email}.
     */
    public record Complaint(long contactId, String email, ConsentEvent event) implements Change {
    }

    /** What a change did. */
    public enum Applied {
        /** Written. */
        DONE,
        /** The state was already so (withdrawn already, bounced already): nothing written. */
        ALREADY,
        /** No such contact (an unknown address on the suppression list when asked, or nothing). */
        UNKNOWN
    }

    private final Audience audience;

    private Feedback(Audience audience) {
        this.audience = audience;
    }

    public static Feedback of(Audience audience) {
        return new Feedback(audience);
    }

    /** Whether the item with this key was applied before. */
    public boolean applied(String itemKey) {
        String k = digest(itemKey);
        return audience.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM feedback_applied WHERE key = ?")) {
                ps.setString(1, k);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Applies the changes of one item at once; empty when the item with this key was applied before. The key
     * names the item (a message's Message-ID, a file row); only its digest is stored.
     */
    public Optional<List<Applied>> apply(String itemKey, List<Change> changes) {
        String k = digest(itemKey);
        long now = audience.clock().millis();
        return audience.db().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO feedback_applied(key, at) VALUES (?, ?)")) {
                ps.setString(1, k);
                ps.setLong(2, now);
                if (ps.executeUpdate() == 0) {
                    return Optional.<List<Applied>>empty();
                }
            }
            List<Applied> out = new ArrayList<>();
            for (Change change : changes) {
                out.add(apply(c, change, now));
            }
            return Optional.of(out);
        });
    }

    /** One item: its key and its changes. */
    public record Item(String key, List<Change> changes) {
    }

    /**
     * Applies many items in one transaction (the rows of a file: a commit per row would cost more than the
     * rows), each as {@link #apply(String, List)} would; all or none.
     */
    public List<Optional<List<Applied>>> applyAll(List<Item> items) {
        return audience.db().write(c -> {
            List<Optional<List<Applied>>> out = new ArrayList<>();
            for (Item item : items) {
                out.add(apply(item.key(), item.changes()));
            }
            return out;
        });
    }

    private Applied apply(Connection c, Change change, long now) throws SQLException {
        if (change instanceof Withdraw w) {
            return withdraw(c, Contacts.one(c, "c.id = ?", w.contactId()), w.event(), now);
        }
        if (change instanceof Grant g) {
            return grant(c, g, now);
        }
        if (change instanceof WithdrawAddress w) {
            Optional<Contact> contact = Contacts.find(c, ContactDraft.key(w.email()));
            if (contact.isEmpty() && w.suppressUnknown()) {
                suppress(c, w.email(), w.event().channel().id(), "unsubscribed", now);
            }
            return withdraw(c, contact, w.event(), now);
        }
        if (change instanceof HardBounce b) {
            suppress(c, b.email(), ContactChannel.EMAIL.id(), "bounced", now);
            return status(c, Contacts.find(c, ContactDraft.key(b.email())), Contact.BOUNCED, now);
        }
        if (change instanceof SoftBounce b) {
            Optional<Contact> contact = Contacts.find(c, ContactDraft.key(b.email()));
            if (contact.isEmpty()) {
                return Applied.UNKNOWN;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE contacts SET soft_bounces = soft_bounces + 1 WHERE id = ?")) {
                ps.setLong(1, contact.get().id());
                ps.executeUpdate();
            }
            return Applied.DONE;
        }
        Complaint m = (Complaint) change;
        Optional<Contact> contact = m.contactId() > 0 ? Contacts.one(c, "c.id = ?", m.contactId()) : Optional.empty();
        if (contact.isEmpty() && m.email() != null && !m.email().isBlank()) {
            contact = Contacts.find(c, ContactDraft.key(m.email()));
        }
        String email = contact.map(Contact::email).orElse(m.email());
        if (email != null && !email.isBlank()) {
            suppress(c, email, ContactChannel.EMAIL.id(), "complained", now);
        }
        Applied w = withdraw(c, contact, m.event(), now);
        Applied s = status(c, contact, Contact.COMPLAINED, now);
        return w == Applied.DONE || s == Applied.DONE ? Applied.DONE : w;
    }

    private static Applied withdraw(Connection c, Optional<Contact> contact, ConsentEvent e, long now)
            throws SQLException {
        if (contact.isEmpty()) {
            return Applied.UNKNOWN;
        }
        long id = contact.get().id();
        if (ConsentLedger.current(c, id, e.channel(), e.purpose()) == ConsentLedger.State.WITHDRAWN) {
            return Applied.ALREADY;
        }
        ConsentLedger.record(c, id, e, 0, now);
        return Applied.DONE;
    }

    private static Applied grant(Connection c, Grant g, long now) throws SQLException {
        if (Contacts.one(c, "c.id = ?", g.contactId()).isEmpty()) {
            return Applied.UNKNOWN;
        }
        ConsentLedger.record(c, g.contactId(), g.event(), 0, now);
        return Applied.DONE;
    }

    private static Applied status(Connection c, Optional<Contact> contact, String status, long now)
            throws SQLException {
        if (contact.isEmpty()) {
            return Applied.UNKNOWN;
        }
        if (status.equals(contact.get().emailStatus())) {
            return Applied.ALREADY;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE contacts SET email_status = ?, soft_bounces = 0, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, now);
            ps.setLong(3, contact.get().id());
            ps.executeUpdate();
        }
        return Applied.DONE;
    }

    private static void suppress(Connection c, String email, String channel, String reason, long now)
            throws SQLException {
        String salt = Audience.setting(c, Audience.SALT_SETTING).orElse("");
        // An erasure (channel '*') stays as it is; otherwise the latest reason for the channel wins.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO suppressions(hash, channel, reason, at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT(hash, channel) DO UPDATE SET reason = excluded.reason, "
                + "at = excluded.at")) {
            ps.setString(1, Audience.hash(salt, email));
            ps.setString(2, channel);
            ps.setString(3, reason);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /** Only a digest of the key is kept: a Message-ID may hold an address. */
    private static String digest(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
