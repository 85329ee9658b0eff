package org.cristal.publish.newsletter;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * The newsletter's recipients, read from a CSV file with a header row: an {@code email} column, usually
 * {@code first_name} and {@code last_name}, and any other column, each usable as a merge field
 * ({@code {{company|your business}}}). Rows with a blank or invalid address are skipped and counted, as
 * are later copies of an address already listed (compared without regard to case); a problem with the
 * file itself (missing, not UTF-8, no email column, broken quoting) refuses the whole list before
 * anything is sent.
 *
 * @param list       the recipients in file order, each address once
 * @param blank      rows without an address
 * @param invalid    rows whose address is not one
 * @param duplicates rows repeating an address already listed
 */
record CsvRecipients(List<Recipient> list, int blank, int invalid, int duplicates) {
    /** Above this, a file is surely not a recipients list (a million rows is about 100 MB). */
    static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final Set<String> EMAIL_COLUMNS = Set.of("email", "e-mail", "email_address", "email address",
            "mail", "courriel", "adresse e-mail");
    private static final Pattern DOMAIN = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * One recipient.
     *
     * @param address the e-mail address, as written (trimmed)
     * @param fields  lower-case column name → value, the address under {@code email} too
     */
    record Recipient(String address, Map<String, String> fields) {
        /** "Marie Curie", or "" when the list gives no name. */
        String fullName() {
            return (fields.getOrDefault("first_name", "") + " " + fields.getOrDefault("last_name", "")).strip();
        }
    }

    int skipped() {
        return blank + invalid + duplicates;
    }

    /** Reads and checks the whole file; {@link PublishException} (permanent) when it cannot be used. */
    static CsvRecipients read(Path file) throws PublishException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw failure("smtp.csv.tooLarge", file.getFileName(), MAX_BYTES / (1024 * 1024));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure("smtp.csv.notFound", file);
        } catch (IOException e) {
            throw failure("smtp.csv.unreadable", file, String.valueOf(e.getMessage()));
        }
        return parse(file.getFileName().toString(), bytes);
    }

    static CsvRecipients parse(String name, byte[] bytes) throws PublishException {
        String text = decode(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        if (header.isBlank()) {
            throw failure("smtp.csv.empty", name);
        }
        // Spreadsheets in French (and German …) save "CSV" with semicolons.
        char separator = header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';'
                : header.indexOf(',') < 0 && header.indexOf('\t') >= 0 ? '\t' : ',';
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0;
            throw failure("smtp.csv.malformed", name, line);
        }
        List<String> columns = new ArrayList<>();
        for (String c : rows.get(0)) {
            columns.add(c.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        }
        int emailColumn = -1;
        for (int i = 0; i < rows.get(0).length; i++) {
            String raw = rows.get(0)[i].strip().toLowerCase(Locale.ROOT);
            if (EMAIL_COLUMNS.contains(raw)) {
                emailColumn = i;
                break;
            }
        }
        if (emailColumn < 0) {
            throw failure("smtp.csv.noEmailColumn", name, String.join(", ", rows.get(0)));
        }
        columns.set(emailColumn, "email");
        List<Recipient> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int blank = 0;
        int invalid = 0;
        int duplicates = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length == 0 || (row.length == 1 && row[0].isBlank())) {
                continue; // an empty line
            }
            String address = emailColumn < row.length ? row[emailColumn].strip() : "";
            if (address.isEmpty()) {
                blank++;
            } else if (!valid(address)) {
                invalid++;
            } else if (!seen.add(address.toLowerCase(Locale.ROOT))) {
                duplicates++;
            } else {
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (!columns.get(i).isEmpty()) {
                        fields.putIfAbsent(columns.get(i), i < row.length ? row[i].strip() : "");
                    }
                }
                fields.put("email", address);
                list.add(new Recipient(address, Map.copyOf(fields)));
            }
        }
        return new CsvRecipients(List.copyOf(list), blank, invalid, duplicates);
    }

    /** A single mailbox with a domain that has a dot, as a sending server will accept it. */
    static boolean valid(String address) {
        if (!DOMAIN.matcher(address).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && parsed.getAddress().equals(address);
        } catch (AddressException e) {
            return false;
        }
    }

    private static String decode(String name, byte[] bytes) throws PublishException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw failure("smtp.csv.notUtf8", name, lineOfFirstBadByte(bytes));
        }
    }

    /** The line of the first byte that is not UTF-8, for the message ("line 12"). */
    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static PublishException failure(String key, Object... args) {
        return PublishException.permanent(LocalText.fromBundle(PublishException.BUNDLE, key, args));
    }
}
