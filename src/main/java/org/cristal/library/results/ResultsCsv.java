package org.cristal.library.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A story's channel table as CSV, for a spreadsheet or a script: the same columns in every language
 * (they are names, not sentences), rates as decimals with a dot, a reach nobody reported left empty rather
 * than written as 0 or -1, and the range of every conversion rate beside it.
 */
public final class ResultsCsv {
    public static final List<String> HEADER = List.of("channel", "publications", "reach", "reactions", "visitors",
            "conversions", "conversion_rate", "rate_low", "rate_high", "too_few_to_tell");
    /** The total line's name in the channel column. */
    public static final String TOTAL = "(total)";

    private ResultsCsv() {
    }

    /** The channels, then the total line; CRLF line ends, as spreadsheets expect. */
    public static String channels(StoryResults results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ChannelFigures f : results.channels()) {
            rows.add(row(f.channel(), f));
        }
        rows.add(row(TOTAL, results.total()));
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Writes {@link #channels} in UTF-8 with a byte-order mark, so Excel reads accents right. */
    public static void write(StoryResults results, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(channels(results).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> row(String channel, ChannelFigures f) {
        Rate r = f.conversionRate();
        boolean rate = f.visitors() > 0;
        return List.of(channel, Long.toString(f.publications()), f.reach() < 0 ? "" : Long.toString(f.reach()),
                Long.toString(f.reactions()), Long.toString(f.visitors()), Long.toString(f.conversions()),
                rate ? decimal(r.value()) : "", rate ? decimal(r.low()) : "", rate ? decimal(r.high()) : "",
                r.tooFew() ? "yes" : "no");
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        // A channel name comes from an analytics file: one starting with = + - @ would run as a formula.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
