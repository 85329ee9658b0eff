package org.cristal.library.audience;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Excel opens it right: UTF-8 with a byte-order mark, commas, CRLF, quotes only where needed. */
public final class CsvOut implements AutoCloseable {
    private final Writer out;

    public CsvOut(OutputStream stream) throws IOException {
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        // A cell starting with = or @ would run as a formula in a spreadsheet: kept as text.
        if (!v.isEmpty() && (v.charAt(0) == '=' || v.charAt(0) == '@')) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0 || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
