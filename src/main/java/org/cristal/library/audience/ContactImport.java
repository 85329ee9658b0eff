package org.cristal.library.audience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.Db;
import org.cristal.library.WorkspaceException;

/**
 * Importing contacts from a CSV file in two steps: {@link #plan} reads the file and says what would happen
 * (nothing written), {@link #apply} writes it all in one transaction as one import batch the user can
 * {@linkplain #undo undo}. Consent is never assumed: see {@link ImportPreset} and docs/audience.md.
 */
public final class ContactImport {
    /** Above this, a file is surely not a contacts list (a million rows is about 100 MB). */
    public static final int MAX_BYTES = 200 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What undoing a batch did. */
    public record Undone(long batch, String fileName, int removed, int restored) {
    }

    private final Audience audience;

    public ContactImport(Audience audience) {
        this.audience = audience;
    }

    /** Reads the file with the preset recognised from its header (or {@code preset} if not AUTO). */
    public ImportPlan plan(byte[] bytes, String fileName, ImportPreset preset) {
        return plan(bytes, fileName, preset, "");
    }

    /**
     * Reads the file and works out what importing it would do.
     *
     * @param consentProof for a file without opt-in data: the user's statement that every person in it agreed
     *                     to the newsletter, and how ("signed up at the counter, paper form of 2025"); "" for none
     * @throws WorkspaceException {@code audience.import.error.*}: empty, binary, malformed quoting (with its
     *                            line), too large. A file without an e-mail column gives a plan that says so
     *                            ({@link ImportPlan#hasEmailColumn}), to choose the column in the mapping.
     */
    public ImportPlan plan(byte[] bytes, String fileName, ImportPreset preset, String consentProof) {
        if (bytes.length > MAX_BYTES) {
            throw new WorkspaceException("audience.import.error.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(bytes);
        List<CsvRows.Row> rows = CsvRows.parse(sniffed.text(), sniffed.separator());
        if (rows.isEmpty() || rows.get(0).blank()) {
            throw new WorkspaceException("audience.import.error.empty");
        }
        List<String> headers = rows.get(0).cells();
        ImportPreset used = preset == null || preset == ImportPreset.AUTO ? ImportPreset.detect(headers) : preset;
        List<ImportPlan.Column> columns = new ArrayList<>();
        for (String h : headers) {
            columns.add(new ImportPlan.Column(h, used.field(h)));
        }
        return plan(fileName, used, sniffed, columns, consentProof == null ? "" : consentProof, rows);
    }

    /** The same file read again with the column {@code header} read as {@code field}. */
    public ImportPlan remap(ImportPlan plan, String header, ImportField field) {
        List<ImportPlan.Column> columns = new ArrayList<>();
        for (ImportPlan.Column c : plan.columns()) {
            columns.add(c.header().equals(header) ? new ImportPlan.Column(header, field) : c);
        }
        return plan(plan.fileName(), plan.preset(), plan.sniffed(), columns, plan.consentProof(), plan.rows());
    }

    /** The same file with another consent statement for the whole file ("" for none). */
    public ImportPlan withConsentProof(ImportPlan plan, String consentProof) {
        return plan(plan.fileName(), plan.preset(), plan.sniffed(), plan.columns(), consentProof, plan.rows());
    }

    private ImportPlan plan(String fileName, ImportPreset preset, CsvSniffer.Sniffed sniffed,
            List<ImportPlan.Column> columns, String consentProof, List<CsvRows.Row> rows) {
        if (columns.stream().noneMatch(c -> c.field() == ImportField.EMAIL)) {
            // Shown so that the user can pick the address column; apply refuses it as it is.
            return new ImportPlan(fileName, preset, sniffed, columns, consentProof,
                    new ImportReport(rows.size() - 1, 0, 0, 0, 0, 0, 0, 0, List.of()), rows, List.of());
        }
        List<ImportRow> parsed = ImportRows.read(rows.subList(1, rows.size()), columns, preset, fileName,
                consentProof, audience.now());
        String salt = audience.salt();
        Set<String> suppressed = audience.suppressedHashes();
        ImportReport report = audience.db().read(c -> decide(c, parsed, salt, suppressed).report);
        return new ImportPlan(fileName, preset, sniffed, columns, consentProof, report, rows, parsed);
    }

    /**
     * Writes the plan: contacts created and updated, consents recorded, all in one transaction tagged with one
     * import batch. The workspace is read again inside the transaction, so the report returned is what was
     * done even if it changed since the plan. Nothing is written when anything fails.
     */
    public Applied apply(ImportPlan plan) {
        if (!plan.hasEmailColumn()) {
            throw new WorkspaceException("audience.import.error.noEmailColumn");
        }
        String salt = audience.salt();
        Set<String> suppressed = audience.suppressedHashes();
        long now = audience.now().toEpochMilli();
        return audience.db().write(c -> {
            Decisions d = decide(c, plan.parsed(), salt, suppressed);
            // A larger page cache for this one transaction: 100,000 rows touch every index of four tables.
            Db.exec(c, "PRAGMA cache_size = -200000");
            long batch;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches(file_name, preset, summary, "
                    + "imported_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, plan.fileName());
                ps.setString(2, plan.preset().id());
                ps.setString(3, summary(d.report));
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            batch = lastId(c);
            try {
                new BatchWriter(c, batch, now).write(d);
            } finally {
                Db.exec(c, "PRAGMA cache_size = -32000");
            }
            return new Applied(batch, d.report);
        });
    }

    /** A written import: its batch (to undo it) and its report. */
    public record Applied(long batch, ImportReport report) {
    }

    /** Undoes the latest import not yet undone; empty when there is none. */
    public Optional<Undone> undoLast() {
        Optional<Long> last = audience.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(id) FROM import_batches WHERE undone_at IS NULL"); ResultSet rs = ps.executeQuery()) {
                long id = rs.next() ? rs.getLong(1) : 0;
                return id > 0 ? Optional.of(id) : Optional.<Long>empty();
            }
        });
        return last.map(this::undo);
    }

    /**
     * Undoes an import batch: the contacts it created are deleted, those it changed get their former data back,
     * and the consents it recorded leave the ledger (the only rows that ever may).
     *
     * @throws WorkspaceException {@code audience.import.error.noBatch} when there is no such batch not yet undone
     */
    public Undone undo(long batch) {
        long now = audience.now().toEpochMilli();
        return audience.db().write(c -> {
            String fileName;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT file_name FROM import_batches WHERE id = ? AND undone_at IS NULL")) {
                ps.setLong(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WorkspaceException("audience.import.error.noBatch");
                    }
                    fileName = rs.getString(1);
                }
            }
            // Marked undone first: the ledger's trigger lets a batch's rows go only then.
            exec(c, "UPDATE import_batches SET undone_at = ? WHERE id = ?", now, batch);
            Set<Long> touched = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT contact FROM consents WHERE batch = ?")) {
                ps.setLong(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getLong(1));
                    }
                }
            }
            exec(c, "DELETE FROM consents WHERE batch = ?", batch);
            for (long id : touched) {
                ConsentLedger.rederive(c, id);
            }
            int removed = 0;
            int restored = 0;
            List<long[]> created = new ArrayList<>();
            Map<Long, String> before = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT contact, before FROM import_changes WHERE batch = ?")) {
                ps.setLong(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String b = rs.getString(2);
                        if (b == null) {
                            created.add(new long[] {rs.getLong(1)});
                        } else {
                            before.put(rs.getLong(1), b);
                        }
                    }
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
                for (long[] id : created) {
                    del.setLong(1, id[0]);
                    removed += del.executeUpdate();
                }
            }
            for (Map.Entry<Long, String> e : before.entrySet()) {
                if (restore(c, e.getKey(), e.getValue(), now)) {
                    restored++;
                }
            }
            return new Undone(batch, fileName, removed, restored);
        });
    }

    // --- deciding, shared by plan and apply ---

    /** What to do with each row, and the report that says it. */
    static final class Decisions {
        final List<ImportRow> create = new ArrayList<>();
        /** Rows for existing contacts (updated, unchanged, or only their consent or status changed). */
        final List<ImportRow> existing = new ArrayList<>();
        final Map<String, Contact> contacts;
        ImportReport report;

        Decisions(Map<String, Contact> contacts) {
            this.contacts = contacts;
        }
    }

    private static Decisions decide(Connection c, List<ImportRow> rows, String salt, Set<String> suppressed)
            throws SQLException {
        Map<String, Contact> contacts = load(c);
        Map<Long, Boolean> states = states(c);
        Decisions d = new Decisions(contacts);
        List<ImportReport.Issue> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int grants = 0;
        int withdrawals = 0;
        int stays = 0;
        int bounced = 0;
        for (ImportRow r : rows) {
            String email = r.draft().email();
            if (email.isEmpty()) {
                issues.add(new ImportReport.Issue(r.line(), ImportReport.Reason.BLANK_EMAIL, 0));
                continue;
            }
            if (!r.validEmail()) {
                issues.add(new ImportReport.Issue(r.line(), ImportReport.Reason.INVALID_EMAIL, 0));
                continue;
            }
            String key = r.draft().emailKey();
            Integer first = seen.putIfAbsent(key, r.line());
            if (first != null) {
                issues.add(new ImportReport.Issue(r.line(), ImportReport.Reason.DUPLICATE, first));
                continue;
            }
            if (!suppressed.isEmpty() && suppressed.contains(Audience.hash(salt, email))) {
                issues.add(new ImportReport.Issue(r.line(), ImportReport.Reason.SUPPRESSED, 0));
                continue;
            }
            if (r.badDate()) {
                issues.add(new ImportReport.Issue(r.line(), ImportReport.Reason.BAD_DATE, 0));
            }
            Contact old = contacts.get(key);
            Boolean state = old == null ? null : states.get(old.id());
            for (ConsentEvent e : r.events()) {
                if (e.granted()) {
                    if (Boolean.FALSE.equals(state)) {
                        stays++;
                    } else if (state == null) {
                        grants++;
                        state = true;
                    }
                } else if (!Boolean.FALSE.equals(state)) {
                    withdrawals++;
                    state = false;
                }
            }
            boolean bounces = r.bounced() && (old == null || Contact.OK.equals(old.emailStatus()));
            if (bounces) {
                bounced++;
            }
            if (old == null) {
                created++;
                d.create.add(r);
            } else {
                d.existing.add(r);
                if (bounces || !Contacts.merge(old, r.draft()).equals(old.draft())) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        d.report = new ImportReport(rows.size(), created, updated, unchanged, grants, withdrawals, stays, bounced,
                issues);
        return d;
    }

    /** Every contact by address key, with tags and fields: three scans rather than a query per row. */
    private static Map<String, Contact> load(Connection c) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, tag FROM contact_tags ORDER BY contact, position");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, Map<String, String>> fields = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, key, value FROM contact_fields ORDER BY key");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fields.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        Map<String, Contact> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Contacts.COLUMNS + ", c.email_key FROM contacts c");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.put(rs.getString("email_key"), Contacts.row(rs, tags.getOrDefault(id, List.of()),
                        fields.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    /** The current e-mail marketing consent of every contact that has one. */
    private static Map<Long, Boolean> states(Connection c) throws SQLException {
        Map<Long, Boolean> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contact, granted FROM consent_state WHERE channel = ? AND purpose = ?")) {
            ps.setString(1, ContactChannel.EMAIL.id());
            ps.setString(2, Purpose.MARKETING.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2) == 1);
                }
            }
        }
        return out;
    }

    // --- writing ---

    /** Writes one batch with statements prepared once: 100,000 rows in a few seconds. */
    private static final class BatchWriter {
        private final Connection c;
        private final long batch;
        private final long now;

        BatchWriter(Connection c, long batch, long now) {
            this.c = c;
            this.batch = batch;
            this.now = now;
        }

        void write(Decisions d) throws SQLException {
            // Ids given here, not read back row by row: the write lock is held, no one else inserts meanwhile.
            long next;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM contacts");
                    ResultSet rs = ps.executeQuery()) {
                next = rs.next() ? rs.getLong(1) : 0;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO contacts(email, email_key, first_name, "
                    + "last_name, lang, street, postcode, city, country, phone, source, email_status, folded, "
                    + "created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement tag = c.prepareStatement(
                            "INSERT OR IGNORE INTO contact_tags(contact, tag, position) VALUES (?, ?, ?)");
                    PreparedStatement field = c.prepareStatement(
                            "INSERT OR REPLACE INTO contact_fields(contact, key, value) VALUES (?, ?, ?)");
                    PreparedStatement change = c.prepareStatement(
                            "INSERT INTO import_changes(batch, contact, before) VALUES (?, ?, ?)");
                    PreparedStatement consent = c.prepareStatement("INSERT INTO consents(contact, channel, purpose, "
                            + "granted, at, method, source, ip, proof, batch, recorded_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (ImportRow r : d.create) {
                    ContactDraft x = r.draft();
                    insert.setString(1, x.email());
                    insert.setString(2, x.emailKey());
                    insert.setString(3, x.firstName());
                    insert.setString(4, x.lastName());
                    insert.setString(5, x.lang());
                    insert.setString(6, x.street());
                    insert.setString(7, x.postcode());
                    insert.setString(8, x.city());
                    insert.setString(9, x.country());
                    insert.setString(10, x.phone());
                    insert.setString(11, x.source());
                    insert.setString(12, r.bounced() ? Contact.BOUNCED : Contact.OK);
                    insert.setString(13, Contacts.folded(x));
                    insert.setLong(14, now);
                    insert.setLong(15, now);
                    long id = ++next;
                    insert.setLong(16, id);
                    insert.executeUpdate();
                    int position = 0;
                    for (String t : x.tags()) {
                        tag.setLong(1, id);
                        tag.setString(2, t);
                        tag.setInt(3, position++);
                        tag.addBatch();
                        pending++;
                    }
                    for (Map.Entry<String, String> f : x.fields().entrySet()) {
                        if (!f.getValue().isEmpty()) {
                            field.setLong(1, id);
                            field.setString(2, f.getKey());
                            field.setString(3, f.getValue());
                            field.addBatch();
                            pending++;
                        }
                    }
                    change.setLong(1, batch);
                    change.setLong(2, id);
                    change.setNull(3, Types.VARCHAR);
                    change.addBatch();
                    // A new contact has no consent yet: its events go in as they are, in time order.
                    for (ConsentEvent e : r.events()) {
                        consent.setLong(1, id);
                        consent.setString(2, e.channel().id());
                        consent.setString(3, e.purpose().id());
                        consent.setInt(4, e.granted() ? 1 : 0);
                        consent.setLong(5, e.at().toEpochMilli());
                        consent.setString(6, e.method().id());
                        consent.setString(7, e.source());
                        consent.setString(8, e.ip());
                        consent.setString(9, e.proof());
                        consent.setLong(10, batch);
                        consent.setLong(11, now);
                        consent.executeUpdate();
                    }
                    if (++pending > 2000) {
                        tag.executeBatch();
                        field.executeBatch();
                        change.executeBatch();
                        pending = 0;
                    }
                }
                tag.executeBatch();
                field.executeBatch();
                change.executeBatch();
            }
            for (ImportRow r : d.existing) {
                Contact old = d.contacts.get(r.draft().emailKey());
                ContactDraft merged = Contacts.merge(old, r.draft());
                boolean bounces = r.bounced() && Contact.OK.equals(old.emailStatus());
                if (bounces || !merged.equals(old.draft())) {
                    exec(c, "INSERT INTO import_changes(batch, contact, before) VALUES (?, ?, ?)", batch, old.id(),
                            before(old));
                    Contacts.write(c, old.id(), merged, old.source(), now);
                    if (bounces) {
                        exec(c, "UPDATE contacts SET email_status = ? WHERE id = ?", Contact.BOUNCED, old.id());
                    }
                }
                // The ledger's own rule decides: an imported grant never undoes a withdrawal.
                for (ConsentEvent e : r.events()) {
                    ConsentLedger.record(c, old.id(), e, batch, now);
                }
            }
        }
    }

    /** The contact as it was, to restore it when the batch is undone. */
    private static String before(Contact old) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", old.email());
        m.put("first_name", old.firstName());
        m.put("last_name", old.lastName());
        m.put("lang", old.lang());
        m.put("street", old.street());
        m.put("postcode", old.postcode());
        m.put("city", old.city());
        m.put("country", old.country());
        m.put("phone", old.phone());
        m.put("tags", old.tags());
        m.put("fields", new java.util.TreeMap<>(old.fields()));
        m.put("source", old.source());
        m.put("email_status", old.emailStatus());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean restore(Connection c, long id, String json, long now) throws SQLException {
        if (Contacts.one(c, "c.id = ?", id).isEmpty()) {
            return false; // erased since: nothing to bring back
        }
        Map<String, Object> m;
        try {
            m = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable import_changes.before", e);
        }
        ContactDraft d = new ContactDraft(s(m, "email"), s(m, "first_name"), s(m, "last_name"), s(m, "lang"),
                s(m, "street"), s(m, "postcode"), s(m, "city"), s(m, "country"), s(m, "phone"),
                (List<String>) m.getOrDefault("tags", List.of()), (Map<String, String>) m.getOrDefault("fields",
                        Map.of()), s(m, "source"));
        Contacts.write(c, id, d, d.source(), now);
        exec(c, "UPDATE contacts SET email_status = ? WHERE id = ?", s(m, "email_status").isEmpty() ? Contact.OK
                : s(m, "email_status"), id);
        return true;
    }

    private static String s(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private static String summary(ImportReport r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("rows", r.rows());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("grants", r.grants());
        m.put("withdrawals", r.withdrawals());
        m.put("staysUnsubscribed", r.staysUnsubscribed());
        m.put("bounced", r.bounced());
        m.put("invalid", r.invalid());
        m.put("duplicates", r.duplicates());
        m.put("suppressed", r.suppressed());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    /** When the import runs, for the report's consent times (package use by tests). */
    Instant now() {
        return audience.now();
    }
}
