package org.cristal.library.audience;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.WorkspaceException;

/**
 * Writes contacts to a CSV file that Excel opens right and that {@link ContactImport} reads back: one column per
 * field, tags joined with {@code |}, one column per free field, and the e-mail marketing consent (granted,
 * withdrawn or none, with its date). A withdrawal read back stays a withdrawal; a grant is not re-imported as
 * one, since the file is no proof of consent.
 */
public final class ContactExport {
    /** The fixed columns, in order; free fields follow, by name. */
    public static final List<String> COLUMNS = List.of("email", "first_name", "last_name", "lang", "street",
            "postcode", "city", "country", "phone", "tags", "email_marketing", "email_marketing_at", "email_status",
            "source", "created_at");

    private final Audience audience;

    public ContactExport(Audience audience) {
        this.audience = audience;
    }

    /**
     * Writes every contact matching {@code filter} ({@link Sql#ALL} for all) to {@code file}; returns how many.
     *
     * @throws WorkspaceException {@code audience.export.error.write} when the file cannot be written
     */
    public int write(Sql filter, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(filter, out);
        } catch (IOException | UncheckedIOException e) {
            throw new WorkspaceException(e, "audience.export.error.write", file.getFileName());
        }
    }

    public int write(Sql filter, OutputStream stream) throws IOException {
        List<String> keys = new ArrayList<>();
        Map<Long, String[]> consent = new HashMap<>();
        audience.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT key FROM contact_fields ORDER BY key COLLATE NOCASE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (keys.stream().noneMatch(rs.getString(1)::equalsIgnoreCase)) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT contact, granted, at FROM consent_state "
                    + "WHERE channel = 'email' AND purpose = 'marketing'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consent.put(rs.getLong(1), new String[] {rs.getInt(2) == 1 ? "granted" : "withdrawn",
                        Instant.ofEpochMilli(rs.getLong(3)).toString()});
                }
            }
            return null;
        });
        int[] n = {0};
        try (CsvOut csv = new CsvOut(stream)) {
            List<String> header = new ArrayList<>(COLUMNS);
            header.addAll(keys);
            csv.row(header);
            audience.contacts().forEach(filter, x -> {
                String[] state = consent.getOrDefault(x.id(), new String[] {"none", ""});
                List<String> row = new ArrayList<>(List.of(x.email(), x.firstName(), x.lastName(), x.lang(), x.street(),
                        x.postcode(), x.city(), x.country(), x.phone(), String.join("|", x.tags()), state[0], state[1],
                        x.emailStatus(), x.source(), x.createdAt() == null ? "" : x.createdAt().toString()));
                Map<String, String> lower = new HashMap<>();
                x.fields().forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                for (String k : keys) {
                    row.add(lower.getOrDefault(k.toLowerCase(java.util.Locale.ROOT), ""));
                }
                try {
                    csv.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n[0]++;
            });
        }
        return n[0];
    }
}
