package org.cristal.library.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.cristal.library.Db;
import org.cristal.library.WorkspaceException;

/** The workspace's contacts: one per e-mail address, compared without regard to case. */
public final class Contacts {
    static final String COLUMNS = "c.id, c.email, c.first_name, c.last_name, c.lang, c.street, c.postcode, c.city, "
            + "c.country, c.phone, c.source, c.email_status, c.soft_bounces, c.created_at, c.updated_at";
    /** The contacts list's order. */
    static final String ORDER = "c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.email_key";

    /** What saving a draft did. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** A saved contact and what the save did. */
    public record Saved(Contact contact, Change change) {
    }

    private final Db db;
    private final Clock clock;
    private volatile ContactIndex index;

    Contacts(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Contact> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> find(c, ContactDraft.key(email)));
    }

    public Optional<Contact> get(long id) {
        return db.read(c -> one(c, "c.id = ?", id));
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM contacts");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Creates the contact, or updates the one with the same address: a blank value in the draft keeps
     * what is stored (an import without a city does not erase the city), tags are added, fields merged.
     *
     * @throws WorkspaceException {@code audience.error.invalidEmail} for an address that is not one
     */
    public Saved save(ContactDraft draft) {
        if (!Emails.valid(draft.email())) {
            throw new WorkspaceException("audience.error.invalidEmail");
        }
        return db.write(c -> save(c, draft, clock.millis()));
    }

    /**
     * Replaces the contact's data with {@code draft} as a whole (the contact form): blank values clear,
     * tags and fields are exactly those given. The address may change if the new one is not taken.
     */
    public Contact replace(long id, ContactDraft draft) {
        if (!Emails.valid(draft.email())) {
            throw new WorkspaceException("audience.error.invalidEmail");
        }
        return db.write(c -> {
            Optional<Contact> other = find(c, draft.emailKey());
            if (other.isPresent() && other.get().id() != id) {
                throw new WorkspaceException("audience.error.emailTaken");
            }
            Contact before = one(c, "c.id = ?", id).orElseThrow(
                    () -> new WorkspaceException("audience.error.noContact"));
            write(c, id, draft, before.source(), clock.millis());
            return one(c, "c.id = ?", id).orElseThrow();
        });
    }

    /** Searching as you type: every word must appear (accents and case ignored), within {@code filter}. */
    public List<Contact> search(String text, Sql filter, int offset, int limit) {
        return db.read(c -> {
            ContactIndex in = filter == Sql.ALL ? index(c) : null;
            if (in == null) {
                return searchSql(c, matching(text, filter), offset, limit);
            }
            BitSet hits = in.matching(words(text));
            List<Long> page = new ArrayList<>();
            int skipped = 0;
            for (int p = hits.nextSetBit(0); p >= 0 && page.size() < limit; p = hits.nextSetBit(p + 1)) {
                if (skipped++ >= offset) {
                    page.add(in.id(p));
                }
            }
            return byIds(c, page);
        });
    }

    /** How many contacts {@link #search} would find in all. */
    public int count(String text, Sql filter) {
        return db.read(c -> {
            ContactIndex in = filter == Sql.ALL ? index(c) : null;
            if (in != null) {
                return in.matching(words(text)).cardinality();
            }
            Sql where = matching(text, filter);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM contacts c WHERE " + where.where())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static List<Contact> searchSql(Connection c, Sql where, int offset, int limit) throws SQLException {
        List<Contact> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts c WHERE "
                + where.where() + " ORDER BY " + ORDER + " LIMIT ? OFFSET ?")) {
            int i = where.bind(ps, 1);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, List.of(), Map.of()));
                }
            }
        }
        return withTagsAndFields(c, out);
    }

    /** The contacts of {@code ids}, in that order. */
    private static List<Contact> byIds(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringJoiner in = new StringJoiner(",", "(", ")");
        ids.forEach(id -> in.add(Long.toString(id)));
        Map<Long, Contact> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts c WHERE c.id IN " + in);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Contact x = row(rs, List.of(), Map.of());
                found.put(x.id(), x);
            }
        }
        List<Contact> ordered = new ArrayList<>(ids.size());
        for (long id : ids) {
            Contact x = found.get(id);
            if (x != null) {
                ordered.add(x);
            }
        }
        return withTagsAndFields(c, ordered);
    }

    /** The in-memory search index, rebuilt when the contacts changed; null for a file without a version. */
    private ContactIndex index(Connection c) throws SQLException {
        long version = ContactIndex.version(c);
        if (version < 0) {
            return null;
        }
        ContactIndex in = index;
        if (in != null && in.version() == version) {
            return in;
        }
        synchronized (this) {
            in = index;
            if (in == null || in.version() != version) {
                in = ContactIndex.load(c, version);
                index = in;
            }
            return in;
        }
    }

    private static String[] words(String text) {
        return Arrays.stream(Folding.fold(text == null ? "" : text).replace('\u0000', ' ').split("\\s+"))
                .filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** Every contact within {@code filter}, in address order, read page by page (an export of 100,000). */
    public void forEach(Sql filter, Consumer<Contact> action) {
        long after = -1;
        while (true) {
            long from = after;
            List<Contact> page = db.read(c -> {
                List<Contact> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts c WHERE ("
                        + filter.where() + ") AND c.id > ? ORDER BY c.id LIMIT 2000")) {
                    int i = filter.bind(ps, 1);
                    ps.setLong(i, from);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row(rs, List.of(), Map.of()));
                        }
                    }
                }
                return withTagsAndFields(c, out);
            });
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            after = page.get(page.size() - 1).id();
        }
    }

    /** Every tag in use, with how many contacts carry it, most used first. */
    public Map<String, Integer> tags() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tag, count(*) n FROM contact_tags GROUP BY tag COLLATE NOCASE ORDER BY n DESC, tag");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** A hard bounce or a complaint: the address gets nothing more until the user clears it. */
    public void setEmailStatus(long id, String status) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE contacts SET email_status = ?, soft_bounces = 0, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setLong(2, clock.millis());
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** A temporary failure, counted. */
    public void countSoftBounce(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE contacts SET soft_bounces = soft_bounces + 1 WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    // --- on a connection, for the import and the other stores of this package ---

    static Optional<Contact> find(Connection c, String emailKey) throws SQLException {
        return one(c, "c.email_key = ?", emailKey);
    }

    static Saved save(Connection c, ContactDraft d, long now) throws SQLException {
        Optional<Contact> found = find(c, d.emailKey());
        if (found.isEmpty()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contacts(email, email_key, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, d.email());
                ps.setString(2, d.emailKey());
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            write(c, id, d, d.source(), now);
            return new Saved(one(c, "c.id = ?", id).orElseThrow(), Change.CREATED);
        }
        Contact old = found.get();
        ContactDraft merged = merge(old, d);
        if (merged.equals(old.draft())) {
            return new Saved(old, Change.UNCHANGED);
        }
        write(c, old.id(), merged, old.source(), now);
        return new Saved(one(c, "c.id = ?", old.id()).orElseThrow(), Change.UPDATED);
    }

    /** The stored contact with what {@code d} adds: blank values keep the stored ones; tags added; fields merged. */
    static ContactDraft merge(Contact old, ContactDraft d) {
        List<String> tags = new ArrayList<>(old.tags());
        tags.addAll(d.tags());
        Map<String, String> fields = new LinkedHashMap<>(old.fields());
        d.fields().forEach((k, v) -> {
            if (!v.isEmpty()) {
                fields.put(k, v);
            }
        });
        return new ContactDraft(old.email(), or(d.firstName(), old.firstName()), or(d.lastName(), old.lastName()),
                or(d.lang(), old.lang()), or(d.street(), old.street()), or(d.postcode(), old.postcode()),
                or(d.city(), old.city()), or(d.country(), old.country()), or(d.phone(), old.phone()), tags, fields,
                old.source());
    }

    /** Writes every column, tag and field of contact {@code id} from {@code d}. */
    static void write(Connection c, long id, ContactDraft d, String source, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET email = ?, email_key = ?, first_name = ?, "
                + "last_name = ?, lang = ?, street = ?, postcode = ?, city = ?, country = ?, phone = ?, source = ?, "
                + "folded = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, d.email());
            ps.setString(2, d.emailKey());
            ps.setString(3, d.firstName());
            ps.setString(4, d.lastName());
            ps.setString(5, d.lang());
            ps.setString(6, d.street());
            ps.setString(7, d.postcode());
            ps.setString(8, d.city());
            ps.setString(9, d.country());
            ps.setString(10, d.phone());
            ps.setString(11, source.isEmpty() ? d.source() : source);
            ps.setString(12, folded(d));
            ps.setLong(13, now);
            ps.setLong(14, id);
            ps.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM contact_tags WHERE contact = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO contact_tags(contact, tag, position) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String tag : d.tags()) {
                ps.setLong(1, id);
                ps.setString(2, tag);
                ps.setInt(3, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM contact_fields WHERE contact = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO contact_fields(contact, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> f : d.fields().entrySet()) {
                if (!f.getValue().isEmpty()) {
                    ps.setLong(1, id);
                    ps.setString(2, f.getKey());
                    ps.setString(3, f.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static String folded(ContactDraft d) {
        StringJoiner j = new StringJoiner(" ");
        for (String s : List.of(d.email(), d.firstName(), d.lastName(), d.street(), d.postcode(), d.city(),
                d.country(), d.phone())) {
            if (!s.isEmpty()) {
                j.add(s);
            }
        }
        d.tags().forEach(j::add);
        return Folding.fold(j.toString());
    }

    static Optional<Contact> one(Connection c, String where, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts c WHERE " + where)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Contact bare = row(rs, List.of(), Map.of());
                return Optional.of(withTagsAndFields(c, List.of(bare)).get(0));
            }
        }
    }

    static List<Contact> withTagsAndFields(Connection c, List<Contact> bare) throws SQLException {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        Map<Long, Map<String, String>> fields = new HashMap<>();
        StringJoiner ids = new StringJoiner(",", "(", ")");
        bare.forEach(x -> ids.add(Long.toString(x.id())));
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, tag FROM contact_tags WHERE contact IN "
                + ids + " ORDER BY contact, position"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, key, value FROM contact_fields WHERE contact IN "
                + ids + " ORDER BY key"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fields.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        List<Contact> out = new ArrayList<>(bare.size());
        for (Contact x : bare) {
            out.add(new Contact(x.id(), x.email(), x.firstName(), x.lastName(), x.lang(), x.street(), x.postcode(),
                    x.city(), x.country(), x.phone(), tags.getOrDefault(x.id(), List.of()),
                    fields.getOrDefault(x.id(), Map.of()), x.source(), x.emailStatus(), x.softBounces(), x.createdAt(),
                    x.updatedAt()));
        }
        return out;
    }

    static Contact row(ResultSet rs, List<String> tags, Map<String, String> fields) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("lang"), rs.getString("street"), rs.getString("postcode"),
                rs.getString("city"), rs.getString("country"), rs.getString("phone"), tags, fields,
                rs.getString("source"), rs.getString("email_status"), rs.getInt("soft_bounces"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    /** {@code filter} and, for each word of {@code text}, "the folded text contains it". */
    private static Sql matching(String text, Sql filter) {
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder where = new StringBuilder("(").append(filter.where()).append(")");
        for (String word : Folding.fold(text == null ? "" : text).split("\\s+")) {
            if (!word.isEmpty()) {
                // instr, not LIKE: no wildcard characters to escape in what the user typed.
                where.append(" AND instr(c.folded, ?) > 0");
                params.add(word);
            }
        }
        return new Sql(where.toString(), params);
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
