package org.cristal.library.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Db;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Reach.Member;

/**
 * The workspace's audience: contacts, their consent, what was sent to them, and the rules that decide who
 * may receive a message (docs/audience.md). Obtained from {@code Workspace.audience()}.
 */
public final class Audience {
    static final String CAP_SETTING = "audience.frequencyCap";
    static final String SALT_SETTING = "audience.salt";

    private final Db db;
    private final Clock clock;
    private final Contacts contacts;
    private final ConsentLedger consents;
    private final Deliveries deliveries;
    private final Segments segments;

    public Audience(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.contacts = new Contacts(db, clock);
        this.consents = new ConsentLedger(db, clock);
        this.deliveries = new Deliveries(db, clock);
        this.segments = new Segments(db, clock, java.time.ZoneId.systemDefault());
    }

    public Contacts contacts() {
        return contacts;
    }

    public ConsentLedger consents() {
        return consents;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    /** Saved segments, their live counts, and the condition a segment's rule becomes. */
    public Segments segments() {
        return segments;
    }

    public Clock clock() {
        return clock;
    }

    /** Package use: the workspace's connections, for the stores of this package. */
    Db db() {
        return db;
    }

    public FrequencyCap frequencyCap() {
        return db.read(Audience::cap);
    }

    public void setFrequencyCap(FrequencyCap cap) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, CAP_SETTING);
                ps.setString(2, cap.stored());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Who among the contacts matching {@code segment} may receive a message on {@code channel} for
     * {@code purpose} now. Marketing needs a current grant; a service message goes unless the person
     * withdrew consent for service messages on that channel. A bounced address gets nothing on e-mail; the
     * frequency cap applies to marketing only.
     */
    public Reach reach(Sql segment, ContactChannel channel, Purpose purpose) {
        return db.read(c -> {
            List<Member> members = new ArrayList<>();
            List<Member> held = new ArrayList<>();
            Map<LeftOut, Integer> left = new EnumMap<>(LeftOut.class);
            FrequencyCap cap = cap(c);
            try (PreparedStatement ps = c.prepareStatement(
                    eligibility(cap, purpose, "(" + segment.where() + ") ORDER BY c.id"))) {
                segment.bind(ps, bindEligibility(ps, cap, channel, purpose));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int g = rs.getInt("granted");
                        Integer granted = rs.wasNull() ? null : g;
                        Contact contact = Contacts.row(rs, List.of(), Map.of());
                        Optional<LeftOut> why = leftOut(contact, channel, purpose, granted, rs.getInt("recent"), cap);
                        if (why.isEmpty()) {
                            members.add(member(contact));
                        } else {
                            left.merge(why.get(), 1, Integer::sum);
                            if (why.get() == LeftOut.OVER_CAP) {
                                held.add(member(contact));
                            }
                        }
                    }
                }
            }
            return new Reach(withFields(c, members), withFields(c, held), left);
        });
    }

    /**
     * Checks one contact again right before a message goes: an unsubscribe, a bounce or another send that
     * arrived since {@link #reach} leaves them out. Empty when the message may go.
     */
    public Optional<LeftOut> check(long contactId, ContactChannel channel, Purpose purpose) {
        // One read (the cap, the contact, their consent state, their recent count), as reach reads each row:
        // a newsletter checks every recipient right before their message.
        return db.read(c -> {
            FrequencyCap cap = cap(c);
            try (PreparedStatement ps = c.prepareStatement(eligibility(cap, purpose, "c.id = ?"))) {
                ps.setLong(bindEligibility(ps, cap, channel, purpose), contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.of(LeftOut.NO_CONSENT); // erased meanwhile
                    }
                    int g = rs.getInt("granted");
                    Integer granted = rs.wasNull() ? null : g;
                    Contact contact = Contacts.row(rs, List.of(), Map.of());
                    return leftOut(contact, channel, purpose, granted, rs.getInt("recent"), cap);
                }
            }
        });
    }

    /**
     * The query reach and check share: each contact matching {@code where} with their consent state for the
     * channel and purpose and, when the cap counts, their marketing messages sent within its window.
     */
    private static String eligibility(FrequencyCap cap, Purpose purpose, String where) {
        return "SELECT " + Contacts.COLUMNS + ", cs.granted, "
                + (counted(cap, purpose) ? "(SELECT count(*) FROM deliveries d WHERE d.contact = c.id AND d.at >= ? "
                        + "AND d.purpose = 'marketing' AND d.outcome = 'sent')" : "0")
                + " AS recent FROM contacts c LEFT JOIN consent_state cs ON cs.contact = c.id AND cs.channel = ? "
                + "AND cs.purpose = ? WHERE " + where;
    }

    /** Binds {@link #eligibility}'s own parameters; returns the next free position. */
    private int bindEligibility(PreparedStatement ps, FrequencyCap cap, ContactChannel channel, Purpose purpose)
            throws SQLException {
        int i = 1;
        if (counted(cap, purpose)) {
            ps.setLong(i++, clock.instant().minus(cap.window()).toEpochMilli());
        }
        ps.setString(i++, channel.id());
        ps.setString(i++, purpose.id());
        return i;
    }

    private static boolean counted(FrequencyCap cap, Purpose purpose) {
        return cap.isSet() && purpose == Purpose.MARKETING;
    }

    private static FrequencyCap cap(Connection c) throws SQLException {
        return setting(c, CAP_SETTING).flatMap(FrequencyCap::parse).orElse(FrequencyCap.NONE);
    }

    private static Optional<LeftOut> leftOut(Contact contact, ContactChannel channel, Purpose purpose,
            Integer granted, int recent, FrequencyCap cap) {
        if (granted != null && granted == 0) {
            return Optional.of(LeftOut.UNSUBSCRIBED);
        }
        if (purpose == Purpose.MARKETING && granted == null) {
            return Optional.of(LeftOut.NO_CONSENT);
        }
        if (channel == ContactChannel.EMAIL && !Contact.OK.equals(contact.emailStatus())) {
            return Optional.of(LeftOut.BOUNCED);
        }
        if (channel == ContactChannel.POSTAL && (contact.street().isEmpty() || contact.city().isEmpty())) {
            return Optional.of(LeftOut.NO_ADDRESS);
        }
        if (channel == ContactChannel.SMS && contact.phone().isEmpty()) {
            return Optional.of(LeftOut.NO_ADDRESS);
        }
        if (purpose == Purpose.MARKETING && cap.isSet() && recent >= cap.messages()) {
            return Optional.of(LeftOut.OVER_CAP);
        }
        return Optional.empty();
    }

    private static Member member(Contact c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("email", c.email());
        f.put("first_name", c.firstName());
        f.put("last_name", c.lastName());
        f.put("city", c.city());
        f.put("postcode", c.postcode());
        f.put("country", c.country());
        f.put("lang", c.lang());
        return new Member(c.id(), c.email(), c.firstName(), c.lastName(), c.lang(), f);
    }

    /** Adds each member's free fields to their merge fields, in one read. */
    private static List<Member> withFields(Connection c, List<Member> members) throws SQLException {
        if (members.isEmpty()) {
            return members;
        }
        Map<Long, Map<String, String>> extra = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, key, value FROM contact_fields");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                extra.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        if (extra.isEmpty()) {
            return members;
        }
        List<Member> out = new ArrayList<>(members.size());
        for (Member m : members) {
            Map<String, String> f = extra.get(m.contactId());
            if (f == null) {
                out.add(m);
            } else {
                Map<String, String> all = new LinkedHashMap<>(m.fields());
                f.forEach(all::putIfAbsent);
                out.add(new Member(m.contactId(), m.email(), m.firstName(), m.lastName(), m.lang(), all));
            }
        }
        return out;
    }

    // --- suppression and erasure ---

    /**
     * A salted SHA-256 of the address (lower case), hex: what stays of an erased contact on the suppression
     * list, and how a send's journal names a recipient. The salt is the workspace's own, so the hash of a
     * known address cannot be looked up in another file.
     */
    public String addressHash(String email) {
        String salt = db.read(c -> setting(c, SALT_SETTING)).orElse("");
        return hash(salt, email);
    }

    static String hash(String salt, String email) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ContactDraft.key(email).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the address may not be imported or written to on {@code channel}: erased, bounced, complained. */
    public Optional<String> suppression(String email, ContactChannel channel) {
        String h = addressHash(email);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reason FROM suppressions WHERE hash = ? AND channel IN (?, '*')")) {
                ps.setString(1, h);
                ps.setString(2, channel.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Every suppressed hash (for an import to check 100,000 rows without a query each). */
    public java.util.Set<String> suppressedHashes() {
        return db.read(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM suppressions");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The salt of {@link #addressHash}, to hash many addresses at once ({@link #hash}). */
    public String salt() {
        return db.read(c -> setting(c, SALT_SETTING)).orElse("");
    }

    /** Each contact's own link token ({@code utm_content}), keyed by this workspace's salt. */
    public ContactTokens tokens() {
        return new ContactTokens(salt());
    }

    /** Hashes {@code email} with {@code salt}, as {@link #addressHash} does. */
    public static String hashWith(String salt, String email) {
        return hash(salt, email);
    }

    /**
     * Erases the contact (GDPR right to erasure): their fields, tags, consent ledger and import history go;
     * the messages sent to them stay as anonymous figures; a salted hash of the address stays on the
     * suppression list so that an import cannot bring them back. The deleted bytes are overwritten
     * ({@code secure_delete}) and the write-ahead log emptied, so the address is not left readable in the
     * file. Returns false when there was no such contact.
     */
    public boolean forget(String email) {
        String key = ContactDraft.key(email);
        String h = addressHash(email);
        boolean found = db.write(c -> {
            Optional<Contact> contact = Contacts.find(c, key);
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO suppressions(hash, channel, reason, "
                    + "at) VALUES (?, '*', 'erased', ?)")) {
                ps.setString(1, h);
                ps.setLong(2, clock.millis());
                ps.executeUpdate();
            }
            // A send's journal names recipients by hash; older entries may still hold the address itself.
            for (String prefix : List.of("to:", "failed:")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE OR REPLACE outbox_journal SET key = ? WHERE lower(key) = ?")) {
                    ps.setString(1, prefix + "h:" + h);
                    ps.setString(2, prefix + key);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET error = replace(replace(error, ?, '…'), ?, '…') WHERE instr(lower(error), ?) > 0")) {
                ps.setString(1, contact.map(Contact::email).orElse(key));
                ps.setString(2, key);
                ps.setString(3, key);
                ps.executeUpdate();
            }
            if (contact.isEmpty()) {
                return false;
            }
            long id = contact.get().id();
            for (String sql : List.of("UPDATE deliveries SET detail = '' WHERE contact = ?",
                    "DELETE FROM import_changes WHERE contact = ?", "DELETE FROM contacts WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return true;
        });
        db.checkpoint();
        return found;
    }

    static Optional<String> setting(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** When the clock says it is now. */
    Instant now() {
        return clock.instant();
    }
}
