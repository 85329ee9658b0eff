package org.cristal.publish.audience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.CsvRows;
import org.cristal.library.audience.CsvSniffer;
import org.cristal.library.audience.Emails;
import org.cristal.library.audience.Feedback;
import org.cristal.library.audience.Folding;
import org.cristal.library.audience.Purpose;

/**
 * A file of unsubscribes exported by the user's form or e-mail provider: Mailchimp's unsubscribed export
 * ({@code Email Address}, {@code UNSUB_TIME}, {@code UNSUB_REASON}), Brevo's blacklist export
 * ({@code EMAIL}, {@code BLACKLISTED_AT} or {@code DATE}), or a plain list with an {@code email}
 * ({@code e-mail}, {@code courriel}) column — or no header at all, one address a line. Comma, semicolon or
 * tab separated; UTF-8 with or without BOM, UTF-16 with one, else Windows-1252 (read as the contacts import reads). Each address withdraws e-mail marketing
 * consent (method: unsubscribe link, source: the file's name); an address that is no contact goes on the
 * suppression list as a hash, so a later import does not bring it in.
 */
final class UnsubscribeCsv {
    static final long MAX_BYTES = 200L * 1024 * 1024;
    /** Rows per transaction: each row is still applied once, and a batch all or not at all. */
    static final int BATCH = 500;
    private static final Set<String> EMAIL = Set.of("email address", "email", "e-mail", "courriel", "mail",
            "adresse e-mail", "adresse email", "email_address");
    private static final Set<String> DATE = Set.of("unsub_time", "blacklisted_at", "unsubscribed_at", "date",
            "unsubscribe_date", "date de desinscription", "date de desabonnement", "opt_out_date");
    private static final Set<String> REASON = Set.of("unsub_reason", "reason", "raison", "motif");

    private UnsubscribeCsv() {
    }

    static void read(Path file, Feedback feedback, Instant now, SyncReport report) throws SyncException {
        String name = String.valueOf(file.getFileName());
        List<CsvRows.Row> rows;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw SyncException.of("unsubscribes.error.csvTooBig", name);
            }
            // The contacts import's reader: the same encodings, separators and quoting rules.
            CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(Files.readAllBytes(file));
            rows = CsvRows.parse(sniffed.text(), sniffed.separator());
        } catch (NoSuchFileException e) {
            throw SyncException.of("unsubscribes.error.noFile", name);
        } catch (IOException e) {
            throw SyncException.of("unsubscribes.error.unreadable", name);
        } catch (WorkspaceException e) {
            switch (e.key()) {
                case "audience.import.error.empty" -> {
                    return;
                }
                case "audience.import.error.malformed" -> throw SyncException.of("unsubscribes.error.malformed", name,
                        e.args().get(0));
                default -> throw SyncException.of("unsubscribes.error.noEmailColumn", name);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0).cells().stream().map(h -> Folding.fold(h.strip())).toList();
        int email = find(header, EMAIL);
        int date = find(header, DATE);
        int reason = find(header, REASON);
        int first = 1;
        if (email < 0) {
            if (!Emails.valid(rows.get(0).cell(0).strip())) {
                throw SyncException.of("unsubscribes.error.noEmailColumn", name);
            }
            email = 0; // no header: one address a line
            first = 0;
        }
        List<Feedback.Item> batch = new ArrayList<>();
        for (int i = first; i < rows.size(); i++) {
            CsvRows.Row row = rows.get(i);
            String address = cell(row, email);
            if (address.isEmpty() && row.blank()) {
                continue;
            }
            if (!Emails.valid(address)) {
                report.ignore();
                continue;
            }
            String when = cell(row, date);
            Instant at = parseDate(when, now);
            String why = cell(row, reason);
            String proof = when.isEmpty() ? "" : "unsubscribed at " + when + (why.isEmpty() ? "" : "; " + why);
            List<Feedback.Change> changes = List.of(new Feedback.WithdrawAddress(address, ConsentEvent.withdraw(
                    ContactChannel.EMAIL, Purpose.MARKETING, at, ConsentMethod.UNSUBSCRIBE_LINK, name, proof), true));
            batch.add(new Feedback.Item("csv:" + address.toLowerCase(Locale.ROOT) + ":" + when, changes));
            if (batch.size() == BATCH) {
                apply(feedback, batch, report);
            }
        }
        apply(feedback, batch, report);
    }

    private static void apply(Feedback feedback, List<Feedback.Item> batch, SyncReport report) {
        if (batch.isEmpty()) {
            return;
        }
        List<java.util.Optional<List<Feedback.Applied>>> applied = feedback.applyAll(batch);
        for (int i = 0; i < batch.size(); i++) {
            report.count(batch.get(i).changes(), applied.get(i));
        }
        batch.clear();
    }

    private static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(CsvRows.Row row, int i) {
        return i >= 0 ? row.cell(i).strip() : "";
    }

    static Instant parseDate(String s, Instant fallback) {
        if (s.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // not ISO with a zone; the providers' own forms follow
        }
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm",
                "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm")) {
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ofPattern(pattern)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        for (String pattern : List.of("yyyy-MM-dd", "dd/MM/yyyy")) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ofPattern(pattern)).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return fallback;
    }
}
