package org.cristal.library.results;

import static org.cristal.library.results.Dialect.Role.CAMPAIGN;
import static org.cristal.library.results.Dialect.Role.CONTENT;
import static org.cristal.library.results.Dialect.Role.CONVERSIONS;
import static org.cristal.library.results.Dialect.Role.DAY;
import static org.cristal.library.results.Dialect.Role.MEDIUM;
import static org.cristal.library.results.Dialect.Role.SOURCE;
import static org.cristal.library.results.Dialect.Role.VISITORS;
import static org.cristal.library.results.Dialect.Role.VISITS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.CsvRows;

/**
 * Plausible's exports, both ZIP files of CSV files (docs/decisions/0029-analytics-import.md):
 * <ul>
 * <li>the site export (Site settings › Imports &amp; exports), whose {@code imported_sources_*.csv} has a
 * line per day and per set of tags, UTM tags side by side: {@code date, source, referrer, utm_source,
 * utm_medium, utm_campaign, utm_content, utm_term, pageviews, visitors, visits, visit_duration, bounces}. It
 * holds no conversions by campaign (goals are in {@code imported_custom_events}, without tags);</li>
 * <li>the dashboard's "Download CSV", one file per dimension over the whole period shown: only
 * {@code utm_campaigns.csv} ({@code name, visitors, …}, or {@code name, conversions, …} with a goal filter)
 * can be joined to a story, on the period's first day taken from {@code visitors.csv}; which source or
 * medium brought the visits is in other files, not crossed with the campaign, so it is lost.</li>
 * </ul>
 */
final class PlausibleExport {
    static final Dialect SOURCES = new Dialect(AnalyticsFormat.PLAUSIBLE, Dialect.names(
            DAY, "date",
            CAMPAIGN, "utm_campaign",
            SOURCE, "utm_source",
            MEDIUM, "utm_medium",
            CONTENT, "utm_content",
            VISITS, "visits",
            VISITORS, "visitors"),
            Set.of("visit_duration", "bounces", "referrer", "utm_term"));
    private static final Dialect CAMPAIGNS = new Dialect(AnalyticsFormat.PLAUSIBLE, Dialect.names(
            DAY, "date",
            CAMPAIGN, "name",
            VISITORS, "visitors",
            CONVERSIONS, "conversions"),
            Set.of());

    private PlausibleExport() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static ReportReader.Table read(String name, byte[] zip) {
        Map<String, byte[]> csv = entries(name, zip);
        List<WebRow> rows = new ArrayList<>();
        int without = 0;
        boolean found = false;
        for (Map.Entry<String, byte[]> e : csv.entrySet()) {
            if (base(e.getKey()).startsWith("imported_sources")) {
                ReportReader.Table t = ReportReader.read(base(e.getKey()), ReportText.rows(base(e.getKey()),
                        e.getValue()), List.of(SOURCES), null);
                rows.addAll(t.rows());
                without += t.withoutCampaign();
                found = true;
            }
        }
        if (!found) {
            byte[] campaigns = byName(csv, "utm_campaigns.csv");
            byte[] visitors = byName(csv, "visitors.csv");
            if (campaigns == null) {
                throw new WorkspaceException("results.import.error.zipNoReport", name);
            }
            LocalDate first = visitors == null ? null : firstDay(visitors);
            ReportReader.Table t = ReportReader.read("utm_campaigns.csv", ReportText.rows("utm_campaigns.csv",
                    campaigns), List.of(CAMPAIGNS), first);
            return t;
        }
        return new ReportReader.Table(AnalyticsFormat.PLAUSIBLE, rows, without);
    }

    private static LocalDate firstDay(byte[] visitors) {
        List<CsvRows.Row> rows = ReportText.rows("visitors.csv", visitors);
        LocalDate first = null;
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                LocalDate d = ReportCells.day(rows.get(i).cell(0), "visitors.csv", rows.get(i).line());
                first = first == null || d.isBefore(first) ? d : first;
            }
        }
        return first;
    }

    private static byte[] byName(Map<String, byte[]> csv, String file) {
        for (Map.Entry<String, byte[]> e : csv.entrySet()) {
            if (base(e.getKey()).equals(file)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String base(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** The archive's files this reader uses, by entry name; a damaged archive is refused whole. */
    private static Map<String, byte[]> entries(String name, byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        int seen = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                seen++;
                String file = base(e.getName());
                if (!e.isDirectory() && (file.startsWith("imported_sources") && file.endsWith(".csv")
                        || file.equals("utm_campaigns.csv") || file.equals("visitors.csv"))) {
                    // The same bound as a file's, over everything inflated: a ZIP bomb stops here.
                    byte[] bytes = in.readNBytes(AnalyticsFiles.MAX_BYTES + 1 - (int) total);
                    total += bytes.length;
                    if (total > AnalyticsFiles.MAX_BYTES) {
                        throw new WorkspaceException("results.import.error.tooLarge", name,
                                AnalyticsFiles.MAX_BYTES / (1024 * 1024));
                    }
                    out.put(e.getName(), bytes);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkspaceException(e, "results.import.error.badZip", name);
        }
        if (seen == 0) {
            // ZipInputStream reads a truncated archive as an empty one.
            throw new WorkspaceException("results.import.error.badZip", name);
        }
        if (out.isEmpty()) {
            throw new WorkspaceException("results.import.error.zipNoReport", name);
        }
        return out;
    }
}
