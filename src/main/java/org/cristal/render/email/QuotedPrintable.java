package org.cristal.render.email;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045 §6.7) encoding of UTF-8 text with CRLF line ends. jakarta.mail's encoder
 * works a byte at a time through a stream and was most of the cost of building a message; this one
 * writes straight into an array.
 */
final class QuotedPrintable {
    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        Out out = new Out(in.length + in.length / 8 + 64);
        int lineStart = 0;
        while (lineStart < in.length) {
            int eol = lineStart;
            while (eol < in.length && in[eol] != '\n') {
                eol++;
            }
            int end = eol;
            if (end > lineStart && in[end - 1] == '\r') {
                end--;
            }
            line(in, lineStart, end, out);
            if (eol < in.length) {
                out.crlf();
            }
            lineStart = eol + 1;
        }
        return out.toArray();
    }

    private static void line(byte[] in, int start, int end, Out out) {
        int column = 0;
        for (int i = start; i < end; i++) {
            int b = in[i] & 0xFF;
            boolean last = i == end - 1;
            // "From " at a line start is mangled by mbox tools; a leading dot by some SMTP paths.
            boolean risky = column == 0 && (b == '.' || (b == 'F' && startsWith(in, i, end, "From ")));
            boolean literal = !risky && ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last));
            int width = literal ? 1 : 3;
            // Keep one column for the '=' of a soft break, unless this is the line's last character.
            if (column + width > (last ? MAX_LINE : MAX_LINE - 1)) {
                out.put('=');
                out.crlf();
                column = 0;
                if (b == '.' || (b == 'F' && startsWith(in, i, end, "From "))) {
                    literal = false;
                    width = 3;
                }
            }
            if (literal) {
                out.put(b);
            } else {
                out.put('=');
                out.put(HEX[b >> 4]);
                out.put(HEX[b & 0xF]);
            }
            column += width;
        }
    }

    private static boolean startsWith(byte[] in, int i, int end, String prefix) {
        if (end - i < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (in[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        void put(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        void crlf() {
            put('\r');
            put('\n');
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
