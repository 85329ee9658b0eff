package org.cristal.library.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.cristal.library.WorkspaceException;

/**
 * Reads a web analytics file into {@link WebRow}s: Plausible's ZIP, a Matomo campaign report, a GA4 CSV
 * download (English or French) or a plain CSV (docs/results.md, "Web analytics"). All or nothing: a line
 * Cristal cannot read refuses the file with a message naming the line, before anything is written.
 */
public final class AnalyticsFiles {
    /**
     * Above this, a file is surely not one analytics report (100,000 lines of GA4 are about 5 MB), and
     * reading it whole could exhaust the studio's memory.
     */
    public static final int MAX_BYTES = 200 * 1024 * 1024;
    /** AUTO tries the tools in this order: the ones with their own names first, the plain CSV last. */
    private static final List<Dialect> AUTO = List.of(Ga4Report.DIALECT, MatomoReport.DIALECT,
            PlausibleExport.SOURCES, PlainReport.DIALECT);

    /**
     * A file read.
     *
     * @param format          the format it was read as (never AUTO)
     * @param rows            its lines with a campaign
     * @param withoutCampaign lines left aside because their visits carried no campaign tag
     */
    public record Read(AnalyticsFormat format, List<WebRow> rows, int withoutCampaign) {
        public Read {
            rows = List.copyOf(rows);
        }
    }

    private AnalyticsFiles() {
    }

    /** @throws WorkspaceException with a localized message when the file cannot be read as such a report */
    public static Read read(Path file, AnalyticsFormat format) {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new WorkspaceException("results.import.error.notAFile", name);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new WorkspaceException("results.import.error.tooLarge", name, MAX_BYTES / (1024 * 1024));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(e, "results.import.error.notFound", name);
        } catch (IOException e) {
            throw new WorkspaceException(e, "results.import.error.unreadable", name);
        }
        return read(name, bytes, format);
    }

    /** Reads {@code bytes}, the content of a file called {@code name} (for messages). */
    public static Read read(String name, byte[] bytes, AnalyticsFormat format) {
        if (bytes.length == 0) {
            throw new WorkspaceException("results.import.error.empty", name);
        }
        ReportReader.Table t;
        if (PlausibleExport.isZip(bytes)) {
            if (format != AnalyticsFormat.AUTO && format != AnalyticsFormat.PLAUSIBLE) {
                throw new WorkspaceException("results.import.error.zipNotPlausible", name, format.id());
            }
            t = PlausibleExport.read(name, bytes);
        } else {
            t = ReportReader.read(name, ReportText.rows(name, bytes), dialects(format), null);
        }
        return new Read(t.format(), t.rows(), t.withoutCampaign());
    }

    private static List<Dialect> dialects(AnalyticsFormat format) {
        return switch (format) {
            case AUTO -> AUTO;
            case GA4 -> List.of(Ga4Report.DIALECT);
            case MATOMO -> List.of(MatomoReport.DIALECT);
            // One file taken out of Plausible's ZIP reads as the ZIP's would.
            case PLAUSIBLE -> List.of(PlausibleExport.SOURCES);
            case CSV -> List.of(PlainReport.DIALECT);
        };
    }
}
