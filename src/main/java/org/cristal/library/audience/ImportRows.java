package org.cristal.library.audience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the cells of a row into a contact draft and consent events, following the column mapping. */
final class ImportRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED_TAG = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern TWO_SPACES = Pattern.compile("\\s{2,}");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "oui", "o", "x", "vrai");
    private static final Set<String> WITHDRAWN = Set.of("blocklisted", "blacklisted", "unsubscribed", "withdrawn",
            "desabonne", "desinscrit", "retire");
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"), DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));

    private ImportRows() {
    }

    static List<ImportRow> read(List<CsvRows.Row> data, List<ImportPlan.Column> columns, ImportPreset preset,
            String fileName, String consentProof, Instant now) {
        List<ImportRow> out = new ArrayList<>(data.size());
        for (CsvRows.Row r : data) {
            if (!r.blank()) {
                out.add(row(r, columns, preset, fileName, consentProof, now));
            }
        }
        return out;
    }

    private static ImportRow row(CsvRows.Row r, List<ImportPlan.Column> columns, ImportPreset preset, String fileName,
            String consentProof, Instant now) {
        Map<ImportField, String> v = new java.util.EnumMap<>(ImportField.class);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ImportPlan.Column col = columns.get(i);
            String cell = r.cell(i).strip();
            switch (col.field()) {
                case IGNORE -> { }
                case CUSTOM -> fields.put(col.header().strip(), cell);
                case TAGS -> tags.addAll(tags(cell));
                case ATTRIBUTES -> attributes(cell, col.header(), fields);
                default -> {
                    if (!cell.isEmpty()) {
                        v.putIfAbsent(col.field(), cell);
                    }
                }
            }
        }
        String first = v.getOrDefault(ImportField.FIRST_NAME, "");
        String last = v.getOrDefault(ImportField.LAST_NAME, "");
        String full = v.getOrDefault(ImportField.FULL_NAME, "");
        if (first.isEmpty() && last.isEmpty() && !full.isEmpty()) {
            int space = full.indexOf(' ');
            first = space < 0 ? full : full.substring(0, space);
            last = space < 0 ? "" : full.substring(space + 1).strip();
        }
        String street = v.getOrDefault(ImportField.STREET, "");
        String postcode = v.getOrDefault(ImportField.POSTCODE, "");
        String city = v.getOrDefault(ImportField.CITY, "");
        String country = v.getOrDefault(ImportField.COUNTRY, "");
        String address = v.getOrDefault(ImportField.ADDRESS, "");
        if (!address.isEmpty()) {
            // Mailchimp writes the address parts separated by two spaces: street, [line 2,] city, state, zip, country.
            String[] p = TWO_SPACES.split(address);
            if (p.length >= 5) {
                country = or(country, p[p.length - 1]);
                postcode = or(postcode, p[p.length - 2]);
                if (!p[p.length - 3].isBlank()) {
                    fields.putIfAbsent("state", p[p.length - 3]);
                }
                city = or(city, p[p.length - 4]);
                street = or(street, String.join(", ", java.util.Arrays.copyOf(p, p.length - 4)));
            } else {
                street = or(street, TWO_SPACES.matcher(address).replaceAll(", "));
            }
        }
        String source = "import " + fileName;
        ContactDraft draft = new ContactDraft(v.getOrDefault(ImportField.EMAIL, ""), first, last,
                v.getOrDefault(ImportField.LANG, ""), street, postcode, city, country,
                v.getOrDefault(ImportField.PHONE, ""), tags, fields, source);

        List<ConsentEvent> events = new ArrayList<>();
        boolean badDate = false;
        boolean withdraws = false;
        String unsub = v.getOrDefault(ImportField.UNSUB_TIME, "");
        if (!unsub.isEmpty()) {
            Optional<Instant> at = time(unsub);
            badDate |= at.isEmpty();
            String proof = "UNSUB_TIME " + unsub + reasonText(v.getOrDefault(ImportField.UNSUB_REASON, ""));
            events.add(ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING, at.orElse(now),
                    ConsentMethod.IMPORT, source, proof));
            withdraws = true;
        }
        String blocked = v.getOrDefault(ImportField.BLOCKED, "");
        String status = Folding.fold(v.getOrDefault(ImportField.STATUS, ""));
        if (!withdraws && (YES.contains(Folding.fold(blocked)) || WITHDRAWN.contains(status))) {
            String header = header(columns, YES.contains(Folding.fold(blocked)) ? ImportField.BLOCKED : ImportField.STATUS);
            events.add(ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING, now, ConsentMethod.IMPORT, source,
                    header + " " + (blocked.isEmpty() ? v.get(ImportField.STATUS) : blocked)));
            withdraws = true;
        }
        String optin = v.getOrDefault(ImportField.OPTIN_TIME, "");
        String confirm = v.getOrDefault(ImportField.CONFIRM_TIME, "");
        String flag = v.getOrDefault(ImportField.OPTIN_FLAG, "");
        if (!confirm.isEmpty() || !optin.isEmpty()) {
            Optional<Instant> at = time(confirm.isEmpty() ? optin : confirm);
            if (at.isEmpty()) {
                badDate = true;
            } else {
                StringBuilder proof = new StringBuilder();
                if (!optin.isEmpty()) {
                    proof.append("OPTIN_TIME ").append(optin);
                    v.computeIfPresent(ImportField.OPTIN_IP, (k, ip) -> {
                        proof.append(", OPTIN_IP ").append(ip);
                        return ip;
                    });
                }
                if (!confirm.isEmpty()) {
                    proof.append(proof.length() > 0 ? "; " : "").append("CONFIRM_TIME ").append(confirm);
                    v.computeIfPresent(ImportField.CONFIRM_IP, (k, ip) -> {
                        proof.append(", CONFIRM_IP ").append(ip);
                        return ip;
                    });
                }
                String ip = confirm.isEmpty() ? v.getOrDefault(ImportField.OPTIN_IP, "")
                        : v.getOrDefault(ImportField.CONFIRM_IP, v.getOrDefault(ImportField.OPTIN_IP, ""));
                events.add(new ConsentEvent(ContactChannel.EMAIL, Purpose.MARKETING, true, at.get(),
                        ConsentMethod.IMPORT, confirm.isEmpty() ? source : source + " (double opt-in confirmed)", ip,
                        proof.toString()));
            }
        } else if (YES.contains(Folding.fold(flag))) {
            String header = header(columns, ImportField.OPTIN_FLAG);
            boolean doubleOptIn = ImportPreset.normal(header).startsWith("double");
            events.add(ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING, now, ConsentMethod.IMPORT,
                    doubleOptIn ? source + " (double opt-in confirmed)" : source, header + " " + flag));
        } else if (!consentProof.isBlank() && !withdraws) {
            events.add(ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING, now, ConsentMethod.IMPORT, source,
                    consentProof.strip()));
        }
        // The ledger is in time order: an opt-in of 2023 comes before an unsubscribe of 2025.
        events.sort(Comparator.comparing(ConsentEvent::at).thenComparing(e -> !e.granted()));
        boolean bounced = !v.getOrDefault(ImportField.CLEAN_TIME, "").isEmpty();
        return new ImportRow(r.line(), draft, List.copyOf(events), bounced, badDate, Emails.valid(draft.email()));
    }

    private static String reasonText(String reason) {
        return reason.isEmpty() ? "" : ", UNSUB_REASON " + reason;
    }

    private static String header(List<ImportPlan.Column> columns, ImportField field) {
        return columns.stream().filter(c -> c.field() == field).map(ImportPlan.Column::header).findFirst()
                .orElse(field.id());
    }

    /** Mailchimp's {@code "clients","vip"}, Mautic's {@code clients|vip}, or a list with commas or semicolons. */
    static List<String> tags(String cell) {
        List<String> out = new ArrayList<>();
        if (cell.isEmpty()) {
            return out;
        }
        if (cell.indexOf('"') >= 0) {
            Matcher m = QUOTED_TAG.matcher(cell);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
        for (String t : cell.split(cell.indexOf('|') >= 0 ? "\\|" : "[,;]")) {
            if (!t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }

    /** listmonk's attributes: each key of the JSON object a free field; anything else kept as it is. */
    private static void attributes(String cell, String header, Map<String, String> fields) {
        if (cell.isEmpty() || cell.equals("{}")) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(cell);
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode value = e.getValue();
                    fields.put(e.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
                return;
            }
        } catch (java.io.IOException e) {
            // Not JSON: kept whole below, the user sees it and nothing is lost.
        }
        fields.put(header.strip(), cell);
    }

    /** An export's time: ISO 8601, or "2025-03-14 09:12:45" in UTC (Mailchimp, Brevo), or a French date. */
    static Optional<Instant> time(String text) {
        String s = text.strip();
        // The common form first, without an exception per row (100,000 rows, two times each).
        if (s.length() == 19 && s.charAt(4) == '-' && s.charAt(10) == ' ') {
            try {
                return Optional.of(LocalDateTime.parse(s, LOCAL_TIMES.get(0)).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        for (DateTimeFormatter f : LOCAL_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (String p : List.of("yyyy-MM-dd", "dd/MM/yyyy")) {
            try {
                return Optional.of(LocalDate.parse(s, DateTimeFormatter.ofPattern(p, Locale.ROOT))
                        .atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback.strip() : value;
    }
}
