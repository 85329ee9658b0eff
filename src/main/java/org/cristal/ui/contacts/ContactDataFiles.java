package org.cristal.ui.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.Delivery;

/**
 * Everything the workspace holds about one person (GDPR right of access), written to a new folder:
 * {@code contact.json} (fields, consent ledger, messages) and the same as {@code consents.csv} and
 * {@code messages.csv} for a spreadsheet. Used until the core's own contact dump is available.
 */
final class ContactDataFiles {
    private ContactDataFiles() {
    }

    /** Writes into a new folder under {@code parent}; returns that folder. */
    static Path write(Workspace ws, long contactId, Path parent) throws IOException {
        Contact c = ws.audience().contacts().get(contactId).orElseThrow(
                () -> new org.cristal.library.WorkspaceException("audience.error.noContact"));
        List<ConsentRecord> ledger = ws.audience().consents().history(contactId);
        List<Delivery> sent = ws.audience().deliveries().of(contactId);
        Path dir = parent.resolve("contact-" + contactId);
        for (int n = 2; Files.exists(dir); n++) {
            dir = parent.resolve("contact-" + contactId + "-" + n);
        }
        Files.createDirectories(dir);
        Map<String, Object> all = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("email", c.email());
        fields.put("first_name", c.firstName());
        fields.put("last_name", c.lastName());
        fields.put("lang", c.lang());
        fields.put("street", c.street());
        fields.put("postcode", c.postcode());
        fields.put("city", c.city());
        fields.put("country", c.country());
        fields.put("phone", c.phone());
        fields.put("tags", c.tags());
        fields.put("fields", c.fields());
        fields.put("source", c.source());
        fields.put("email_status", c.emailStatus());
        fields.put("created_at", String.valueOf(c.createdAt()));
        fields.put("updated_at", String.valueOf(c.updatedAt()));
        all.put("contact", fields);
        List<Map<String, Object>> consents = new ArrayList<>();
        for (ConsentRecord r : ledger) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", r.event().channel().id());
            m.put("purpose", r.event().purpose().id());
            m.put("granted", r.event().granted());
            m.put("at", r.event().at().toString());
            m.put("method", r.event().method().id());
            m.put("source", r.event().source());
            m.put("ip", r.event().ip());
            m.put("proof", r.event().proof());
            m.put("recorded_at", r.recordedAt().toString());
            consents.add(m);
        }
        all.put("consents", consents);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Delivery d : sent) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("story", d.storyId());
            m.put("channel", d.channel().id());
            m.put("purpose", d.purpose().id());
            m.put("outcome", d.outcome().id());
            m.put("detail", d.detail());
            m.put("at", d.at().toString());
            messages.add(m);
        }
        all.put("messages", messages);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("contact.json").toFile(),
                all);
        csv(dir.resolve("consents.csv"), consents);
        csv(dir.resolve("messages.csv"), messages);
        return dir;
    }

    /** UTF-8 with a byte-order mark, so a spreadsheet opens the accents right. */
    private static void csv(Path file, List<Map<String, Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            if (rows.isEmpty()) {
                return;
            }
            w.write(String.join(",", rows.get(0).keySet()));
            w.write("\r\n");
            for (Map<String, Object> r : rows) {
                List<String> cells = new ArrayList<>();
                r.values().forEach(v -> cells.add(quote(String.valueOf(v))));
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
