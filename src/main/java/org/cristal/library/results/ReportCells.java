package org.cristal.library.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.WorkspaceException;

/**
 * Days and counts as analytics tools write them: 2026-12-01, 20261201 (GA4), 01/12/2026 (a French
 * spreadsheet); 1234, "1,234" (English), "1 234" with a non-breaking space (French GA4), 12,5 or 12.5 (GA4's
 * key events can be fractional; rounded to the nearest whole).
 */
final class ReportCells {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,.])\\d{3}(\\1\\d{3})*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private ReportCells() {
    }

    /** @throws WorkspaceException {@code results.import.error.badDate} naming the file and line */
    static LocalDate day(String cell, String file, int line) {
        String s = cell.strip();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7)
                && digits(s, 8, 10)) {
            // The common case, without a regular expression: 100,000 lines must read in well under a second.
            try {
                return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                        Integer.parseInt(s, 8, 10, 10));
            } catch (DateTimeException e) {
                throw new WorkspaceException(e, "results.import.error.badDate", file, line, shown(s));
            }
        }
        try {
            Matcher m;
            if ((m = ISO.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches() || (m = YMD.matcher(s)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if ((m = DMY.matcher(s)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new WorkspaceException(e, "results.import.error.badDate", file, line, shown(s));
        }
        throw new WorkspaceException("results.import.error.badDate", file, line, shown(s));
    }

    /**
     * A count; blank is 0 (a tool leaves a cell empty when nothing happened).
     *
     * @throws WorkspaceException {@code results.import.error.negative} or {@code results.import.error.badCount}
     */
    static long count(String cell, String file, int line) {
        if (!cell.isEmpty() && cell.length() < 16 && digits(cell, 0, cell.length())) {
            return Long.parseLong(cell);
        }
        String s = cell.strip().replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
                .replace("'", "");
        if (s.isEmpty()) {
            return 0;
        }
        boolean negative = s.startsWith("-") || s.startsWith("\u2212");
        String digits = negative ? s.substring(1) : s;
        if (GROUPED.matcher(digits).matches()) {
            // "1,234" or "1.234.567": thousands, as no tool writes three decimals of a count.
            digits = digits.replace(",", "").replace(".", "");
        } else {
            int comma = digits.lastIndexOf(',');
            int dot = digits.lastIndexOf('.');
            if (comma > dot) {
                digits = digits.replace(".", "").replace(',', '.');
            } else {
                digits = digits.replace(",", "");
            }
        }
        if (!NUMBER.matcher(digits).matches()) {
            throw new WorkspaceException("results.import.error.badCount", file, line, shown(cell.strip()));
        }
        BigDecimal value = new BigDecimal(digits).setScale(0, RoundingMode.HALF_UP);
        if (negative && value.signum() != 0) {
            throw new WorkspaceException("results.import.error.negative", file, line, shown(cell.strip()));
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new WorkspaceException(e, "results.import.error.badCount", file, line, shown(cell.strip()));
        }
    }

    /** A cell as quoted in a message: a 5 MB cell must not become a 5 MB message. */
    private static String shown(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
