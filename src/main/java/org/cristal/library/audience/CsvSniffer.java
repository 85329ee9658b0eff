package org.cristal.library.audience;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.cristal.library.WorkspaceException;

/**
 * Reads the text of a contacts file whatever tool wrote it: UTF-8 with or without a byte-order mark, UTF-16
 * with one, else Windows-1252 (Excel's "CSV" on a French Windows, flagged in the report because a wrong guess
 * garbles accents); and guesses the separator (comma, semicolon, tab) by counting them outside quotes.
 */
public final class CsvSniffer {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The decoded text and how it was read.
     *
     * @param encoding  the charset's name (UTF-8, UTF-16LE, windows-1252)
     * @param guessed   true when the file was not valid UTF-8 and was read as Windows-1252
     * @param separator the column separator
     */
    public record Sniffed(String text, String encoding, boolean guessed, char separator) {
    }

    private CsvSniffer() {
    }

    /** @throws WorkspaceException {@code audience.import.error.empty} or {@code audience.import.error.binary} */
    public static Sniffed sniff(byte[] bytes) {
        String text;
        String encoding;
        boolean guessed = false;
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16LE";
        } else if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            text = new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16BE";
        } else {
            int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                    ? 3 : 0;
            if (binary(bytes, start)) {
                throw new WorkspaceException("audience.import.error.binary");
            }
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, n - start)).toString();
                encoding = "UTF-8";
            } catch (CharacterCodingException e) {
                text = new String(bytes, start, n - start, WINDOWS_1252);
                encoding = "windows-1252";
                guessed = true;
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new WorkspaceException("audience.import.error.binary");
        }
        if (text.isBlank()) {
            throw new WorkspaceException("audience.import.error.empty");
        }
        return new Sniffed(text, encoding, guessed, separator(text));
    }

    /** A NUL or many control characters in the first 8 KB: a spreadsheet, an image, an archive, not CSV. */
    private static boolean binary(byte[] bytes, int start) {
        int end = Math.min(bytes.length, start + 8192);
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control > 8 && control * 50 > end - start;
    }

    /**
     * The separator that appears most often outside quotes on the first lines, preferring one that gives
     * every line the same count: a French address line "12, rue …" has a comma but a semicolon file has
     * semicolons on every line.
     */
    static char separator(String text) {
        char[] candidates = {',', ';', '\t'};
        int[][] counts = new int[candidates.length][20];
        int line = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && line < 20; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '\n') {
                line++;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (ch == candidates[k]) {
                        counts[k][line]++;
                    }
                }
            }
        }
        int lines = Math.max(1, Math.min(line + 1, 20));
        char best = ',';
        long bestScore = -1;
        for (int k = 0; k < candidates.length; k++) {
            int header = counts[k][0];
            if (header == 0) {
                continue;
            }
            int same = 0;
            for (int l = 0; l < lines; l++) {
                if (counts[k][l] == header) {
                    same++;
                }
            }
            long score = (long) same * 1000 + header;
            if (score > bestScore) {
                bestScore = score;
                best = candidates[k];
            }
        }
        return best;
    }
}
