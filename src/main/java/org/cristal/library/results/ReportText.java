package org.cristal.library.results;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.CsvRows;

/**
 * The text of one analytics report, split into rows: UTF-8 with or without a byte-order mark, UTF-16 with
 * one (Matomo's "TSV for Excel"), else Windows-1252; comma, semicolon or tab, guessed from the header line
 * (GA4 puts {@code #} comment lines above it, so the first line of the file says nothing).
 */
final class ReportText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f\\u2009]+");
    private static final Pattern SLASH = Pattern.compile(" ?/ ?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ReportText() {
    }

    /** The rows of {@code bytes}, each with its line in the file; {@code name} is for messages. */
    static List<CsvRows.Row> rows(String name, byte[] bytes) {
        String text = decode(name, bytes);
        if (text.isBlank()) {
            throw new WorkspaceException("results.import.error.empty", name);
        }
        try {
            return CsvRows.parse(text, separator(text));
        } catch (WorkspaceException e) {
            // CsvRows speaks of contacts files; say the same thing about this report.
            throw new WorkspaceException(e, "results.import.error.malformed", name, e.args().get(0));
        }
    }

    private static String decode(String name, byte[] bytes) {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        for (int i = start; i < Math.min(n, start + 8192); i++) {
            if (bytes[i] == 0) {
                throw new WorkspaceException("results.import.error.binary", name);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, n - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, n - start, WINDOWS_1252);
        }
    }

    /** The separator found most often, outside quotes, on the first line that is not a comment. */
    static char separator(String text) {
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end;
            String line = text.substring(at, end).strip();
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("\ufeff#")) {
                return mostFrequent(line);
            }
            at = end + 1;
        }
        return ',';
    }

    private static char mostFrequent(String line) {
        char[] candidates = {',', ';', '\t'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            }
            for (int k = 0; !quoted && k < candidates.length; k++) {
                counts[k] += ch == candidates[k] ? 1 : 0;
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /**
     * A column name as the readers compare it: lower case, without accents, one space between words and
     * none around a slash ("Source / Support de la session" = "source/support de la session").
     */
    static String header(String cell) {
        String s = cell.replace("\ufeff", "").replace('’', '\'');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return SLASH.matcher(s).replaceAll("/");
    }
}
