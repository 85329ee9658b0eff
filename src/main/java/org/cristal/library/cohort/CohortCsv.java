package org.cristal.library.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The cohort table as CSV, one line per cohort and following period that has begun: counts only, nothing
 * personal (no name, address or token). Same columns in every language; shares as decimals with a dot,
 * always beside their count; visits left empty, not 0, when no imported analytics carry contacts' tokens.
 */
public final class CohortCsv {
    public static final List<String> HEADER = List.of("grouped_by", "from", "cohort_start", "cohort_size", "period",
            "period_start", "underway", "email", "postal", "sms", "messages", "consenting", "consenting_share",
            "visitors", "conversions");

    private CohortCsv() {
    }

    /** CRLF line ends, as spreadsheets expect. */
    public static String of(CohortTable table) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", HEADER)).append("\r\n");
        boolean visits = table.tokenResults();
        for (Cohort c : table.cohorts()) {
            for (CohortCell cell : c.cells()) {
                List<String> row = List.of(table.by().id(), table.from().id(), c.start().toString(),
                        Integer.toString(c.size()), Integer.toString(cell.period()), cell.start().toString(),
                        cell.underway() ? "yes" : "no", Long.toString(cell.email()), Long.toString(cell.postal()),
                        Long.toString(cell.sms()), Long.toString(cell.messages()), Integer.toString(cell.consenting()),
                        String.format(Locale.ROOT, "%.4f", c.consentingShare(cell)),
                        visits ? Long.toString(cell.visitors()) : "", visits ? Long.toString(cell.conversions()) : "");
                out.append(String.join(",", row)).append("\r\n");
            }
        }
        return out.toString();
    }

    /** Writes {@link #of} in UTF-8 with a byte-order mark, as the other exports do for Excel. */
    public static void write(CohortTable table, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(of(table).getBytes(StandardCharsets.UTF_8));
    }
}
