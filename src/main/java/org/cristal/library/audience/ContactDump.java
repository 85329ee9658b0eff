package org.cristal.library.audience;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.WorkspaceException;

/**
 * Everything the workspace holds about one person (GDPR right of access), written to a folder:
 * <ul>
 * <li>{@code contact.json}: {@code {"format": "cristal-contact", "version": 1, "exportedAt", "contact": {…},
 * "consents": [ledger rows, oldest first], "deliveries": [messages, newest first], "imports": [import batches
 * that created or changed them, with their data before]}};</li>
 * <li>{@code contact.csv} (field, value), {@code consents.csv} and {@code deliveries.csv}: the same, for a
 * spreadsheet.</li>
 * </ul>
 * Field names are stable; times are ISO 8601 in UTC.
 */
public final class ContactDump {
    /** The files written, in this order. */
    public static final List<String> FILES = List.of("contact.json", "contact.csv", "consents.csv", "deliveries.csv");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Audience audience;

    public ContactDump(Audience audience) {
        this.audience = audience;
    }

    /**
     * Writes the files into {@code dir} (created if needed) and returns their paths.
     *
     * @throws WorkspaceException {@code audience.error.noContact} for an unknown address,
     *                            {@code audience.export.error.write} when the folder cannot be written
     */
    public List<Path> write(String email, Path dir) {
        Contact c = audience.contacts().find(email).orElseThrow(() -> new WorkspaceException("audience.error.noContact"));
        List<ConsentRecord> consents = audience.consents().history(c.id());
        List<Delivery> deliveries = audience.deliveries().of(c.id());
        List<Map<String, Object>> imports = imports(c.id());
        Map<String, Object> contact = contact(c);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("format", "cristal-contact");
        all.put("version", 1);
        all.put("exportedAt", audience.now().toString());
        all.put("contact", contact);
        List<Map<String, Object>> ledger = new ArrayList<>();
        consents.forEach(r -> ledger.add(consent(r)));
        all.put("consents", ledger);
        List<Map<String, Object>> sent = new ArrayList<>();
        deliveries.forEach(d -> sent.add(delivery(d)));
        all.put("deliveries", sent);
        all.put("imports", imports);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(FILES.get(0));
            JSON.writeValue(json.toFile(), all);
            files.add(json);
            List<List<String>> fields = new ArrayList<>();
            contact.forEach((k, v) -> fields.add(List.of(k, v instanceof List<?> l ? String.join("|",
                    l.stream().map(String::valueOf).toList()) : v instanceof Map<?, ?> ? "" : String.valueOf(v))));
            c.fields().forEach((k, v) -> fields.add(List.of("field:" + k, v)));
            files.add(csv(dir.resolve(FILES.get(1)), List.of("field", "value"), fields));
            files.add(csv(dir.resolve(FILES.get(2)), new ArrayList<>(ledger.isEmpty() ? consent(null).keySet()
                    : ledger.get(0).keySet()), rows(ledger)));
            files.add(csv(dir.resolve(FILES.get(3)), new ArrayList<>(sent.isEmpty() ? delivery(null).keySet()
                    : sent.get(0).keySet()), rows(sent)));
        } catch (IOException e) {
            throw new WorkspaceException(e, "audience.export.error.write", dir.getFileName());
        }
        return files;
    }

    private static Map<String, Object> contact(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("email", c.email());
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("lang", c.lang());
        m.put("street", c.street());
        m.put("postcode", c.postcode());
        m.put("city", c.city());
        m.put("country", c.country());
        m.put("phone", c.phone());
        m.put("tags", c.tags());
        m.put("fields", new java.util.TreeMap<>(c.fields()));
        m.put("source", c.source());
        m.put("emailStatus", c.emailStatus());
        m.put("softBounces", c.softBounces());
        m.put("createdAt", time(c.createdAt()));
        m.put("updatedAt", time(c.updatedAt()));
        return m;
    }

    /** A ledger row; with null, the empty shape (for the header of an empty file). */
    private static Map<String, Object> consent(ConsentRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r == null ? "" : r.id());
        m.put("channel", r == null ? "" : r.event().channel().id());
        m.put("purpose", r == null ? "" : r.event().purpose().id());
        m.put("granted", r == null ? "" : r.event().granted());
        m.put("at", r == null ? "" : time(r.event().at()));
        m.put("method", r == null ? "" : r.event().method().id());
        m.put("source", r == null ? "" : r.event().source());
        m.put("ip", r == null ? "" : r.event().ip());
        m.put("proof", r == null ? "" : r.event().proof());
        m.put("importBatch", r == null ? "" : r.batch());
        m.put("recordedAt", r == null ? "" : time(r.recordedAt()));
        return m;
    }

    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d == null ? "" : d.id());
        m.put("storyId", d == null ? "" : d.storyId());
        m.put("channel", d == null ? "" : d.channel().id());
        m.put("purpose", d == null ? "" : d.purpose().id());
        m.put("outcome", d == null ? "" : d.outcome().id());
        m.put("detail", d == null ? "" : d.detail());
        m.put("at", d == null ? "" : time(d.at()));
        return m;
    }

    private List<Map<String, Object>> imports(long id) {
        return audience.db().read(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.file_name, b.imported_at, b.undone_at, "
                    + "x.before FROM import_changes x JOIN import_batches b ON b.id = x.batch WHERE x.contact = ? "
                    + "ORDER BY b.id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("batch", rs.getLong(1));
                        m.put("fileName", rs.getString(2));
                        m.put("importedAt", time(Instant.ofEpochMilli(rs.getLong(3))));
                        long undone = rs.getLong(4);
                        m.put("undoneAt", rs.wasNull() ? null : time(Instant.ofEpochMilli(undone)));
                        m.put("before", rs.getString(5));
                        out.add(m);
                    }
                }
            }
            return out;
        });
    }

    private static List<List<String>> rows(List<Map<String, Object>> maps) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> m : maps) {
            out.add(m.values().stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
        }
        return out;
    }

    private static Path csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); CsvOut csv = new CsvOut(out)) {
            csv.row(header);
            for (List<String> r : rows) {
                csv.row(r);
            }
        }
        return file;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
