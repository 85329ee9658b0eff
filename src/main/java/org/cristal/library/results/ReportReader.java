package org.cristal.library.results;

import static org.cristal.library.results.Dialect.Role.CAMPAIGN;
import static org.cristal.library.results.Dialect.Role.CONTENT;
import static org.cristal.library.results.Dialect.Role.CONVERSIONS;
import static org.cristal.library.results.Dialect.Role.DAY;
import static org.cristal.library.results.Dialect.Role.LABEL;
import static org.cristal.library.results.Dialect.Role.MEDIUM;
import static org.cristal.library.results.Dialect.Role.SOURCE;
import static org.cristal.library.results.Dialect.Role.SOURCE_MEDIUM;
import static org.cristal.library.results.Dialect.Role.VISITORS;
import static org.cristal.library.results.Dialect.Role.VISITS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.CsvRows;

/**
 * Reads the lines of one report table into {@link WebRow}s. A file may hold several tables, each after
 * blank or {@code #} comment lines (GA4); the first one whose header a candidate tool recognises is read.
 * Lines without a campaign (direct visits, search engines, GA4's "(not set)") are counted, not kept: no
 * story can answer to them. A "Total" line is skipped, so nothing is counted twice.
 */
final class ReportReader {
    /** What GA4 and Matomo write where a visit carried no campaign. */
    private static final Set<String> NO_CAMPAIGN = Set.of("(not set)", "(direct)", "(none)", "(organic)",
            "(referral)", "(not provided)", "(other)", "-", "non défini", "(non défini)", "aucun", "(aucun)");
    private static final Set<String> TOTALS = Set.of("total", "totals", "grand total", "totaux", "total général",
            "total general", "sum", "somme");

    /** The lines read and how many had no campaign. */
    record Table(AnalyticsFormat format, List<WebRow> rows, int withoutCampaign) {
    }

    private ReportReader() {
    }

    /**
     * @param day the day of every line when the table has no date column (Plausible's dashboard export,
     *            one period), or null: then a table without dates is refused
     * @throws WorkspaceException {@code results.import.error.unknownReport}, or {@code noHeader} when one
     *                            format was asked for, when no table is recognised
     */
    static Table read(String name, List<CsvRows.Row> rows, List<Dialect> candidates, LocalDate day) {
        for (int start = 0; start < rows.size(); start++) {
            CsvRows.Row header = rows.get(start);
            if (separator(header) || start > 0 && !separator(rows.get(start - 1))) {
                continue;
            }
            for (Dialect d : candidates) {
                if (d.fits(header.cells())) {
                    return table(name, rows, start, d, day);
                }
            }
        }
        if (candidates.size() > 1) {
            throw new WorkspaceException("results.import.error.unknownReport", name);
        }
        throw new WorkspaceException("results.import.error.noHeader", name, candidates.get(0).format().id());
    }

    private static boolean separator(CsvRows.Row row) {
        return row.blank() || row.cell(0).startsWith("#");
    }

    private static Table table(String name, List<CsvRows.Row> rows, int start, Dialect d, LocalDate fixedDay) {
        int[] at = d.columns(rows.get(start).cells());
        if (at[DAY.ordinal()] < 0 && fixedDay == null) {
            throw new WorkspaceException("results.import.error.noDate", name);
        }
        int visits = at[VISITS.ordinal()] >= 0 ? at[VISITS.ordinal()] : at[VISITORS.ordinal()];
        List<WebRow> out = new ArrayList<>(rows.size() - start);
        int without = 0;
        for (int i = start + 1; i < rows.size(); i++) {
            CsvRows.Row r = rows.get(i);
            if (r.blank()) {
                int next = i + 1;
                while (next < rows.size() && rows.get(next).blank()) {
                    next++;
                }
                if (next == rows.size() || !dataLine(rows.get(next), at[DAY.ordinal()], visits)) {
                    break;
                }
                // A blank line inside a table (a spreadsheet's empty row): the lines after it are still data.
                continue;
            }
            if (r.cell(0).startsWith("#")) {
                break;
            }
            if (total(r)) {
                continue;
            }
            int line = r.line();
            LocalDate day = fixedDay != null && at[DAY.ordinal()] < 0 ? fixedDay
                    : ReportCells.day(r.cell(at[DAY.ordinal()]), name, line);
            long v = ReportCells.count(cell(r, visits), name, line);
            long c = ReportCells.count(cell(r, at[CONVERSIONS.ordinal()]), name, line);
            String campaign = at[CAMPAIGN.ordinal()] >= 0 ? cell(r, at[CAMPAIGN.ordinal()])
                    : first(cell(r, at[LABEL.ordinal()]), " - ");
            if (NO_CAMPAIGN.contains(campaign.strip().toLowerCase(Locale.ROOT)) || campaign.isBlank()) {
                without++;
                continue;
            }
            String source = cell(r, at[SOURCE.ordinal()]);
            String medium = cell(r, at[MEDIUM.ordinal()]);
            String both = cell(r, at[SOURCE_MEDIUM.ordinal()]);
            if (!both.isEmpty()) {
                String sep = both.contains(" / ") ? " / " : both.contains(" - ") ? " - " : "/";
                int cut = both.indexOf(sep);
                source = source.isEmpty() ? (cut < 0 ? both : both.substring(0, cut)) : source;
                medium = medium.isEmpty() && cut >= 0 ? both.substring(cut + sep.length()) : medium;
            }
            out.add(new WebRow(day, campaign, tag(source), tag(medium), tag(cell(r, at[CONTENT.ordinal()])), v, c));
        }
        return new Table(d.format(), out, without);
    }

    /**
     * After a blank line, the next table (GA4 puts several in one file) starts with a comment or a header,
     * whose cells are names: no date where this table has its dates, no count where it has its visits.
     */
    private static boolean dataLine(CsvRows.Row r, int day, int visits) {
        if (r.cell(0).startsWith("#")) {
            return false;
        }
        try {
            if (day >= 0) {
                ReportCells.day(r.cell(day), "", r.line());
            }
            ReportCells.count(cell(r, visits), "", r.line());
            return true;
        } catch (WorkspaceException e) {
            return false;
        }
    }

    private static String cell(CsvRows.Row r, int column) {
        return column < 0 ? "" : r.cell(column);
    }

    private static String first(String label, String sep) {
        int cut = label.indexOf(sep);
        return cut < 0 ? label : label.substring(0, cut);
    }

    /** GA4's "(not set)" source or medium is no tag at all. */
    private static String tag(String value) {
        return NO_CAMPAIGN.contains(value.strip().toLowerCase(Locale.ROOT)) ? "" : value;
    }

    private static boolean total(CsvRows.Row r) {
        for (String c : r.cells()) {
            if (!c.isBlank()) {
                return !Character.isDigit(c.charAt(0)) && TOTALS.contains(c.strip().toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }
}
