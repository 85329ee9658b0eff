package org.cristal.library.audience;

import java.util.List;

/**
 * An import worked out but not written: how the file was read, which column goes where, and the report of
 * what {@link ContactImport#apply} would do. Change a column's field with {@link ContactImport#remap} and look
 * again; nothing is written until {@code apply}.
 */
public final class ImportPlan {
    /** A column of the file and what it is read as. */
    public record Column(String header, ImportField field) {
    }

    private final String fileName;
    private final ImportPreset preset;
    private final CsvSniffer.Sniffed sniffed;
    private final List<Column> columns;
    private final String consentProof;
    private final ImportReport report;
    private final List<CsvRows.Row> rows;
    private final List<ImportRow> parsed;

    ImportPlan(String fileName, ImportPreset preset, CsvSniffer.Sniffed sniffed, List<Column> columns,
            String consentProof, ImportReport report, List<CsvRows.Row> rows, List<ImportRow> parsed) {
        this.fileName = fileName;
        this.preset = preset;
        this.sniffed = sniffed;
        this.columns = List.copyOf(columns);
        this.consentProof = consentProof;
        this.report = report;
        this.rows = rows;
        this.parsed = parsed;
    }

    public String fileName() {
        return fileName;
    }

    /** The preset used: the one asked for, or the one recognised from the header. */
    public ImportPreset preset() {
        return preset;
    }

    /** The charset the file was read with: UTF-8, UTF-16LE/BE or windows-1252. */
    public String encoding() {
        return sniffed.encoding();
    }

    /** True when the file was not UTF-8 and was read as Windows-1252: the user should check the accents. */
    public boolean encodingGuessed() {
        return sniffed.guessed();
    }

    /** The warning to show when the file was read as Windows-1252, in the user's language. */
    public java.util.Optional<String> encodingWarning(java.util.Locale locale) {
        return sniffed.guessed() ? java.util.Optional.of(org.cristal.story.Messages.format(
                org.cristal.library.WorkspaceException.BUNDLE, locale, "audience.import.warning.encoding"))
                : java.util.Optional.empty();
    }

    public char separator() {
        return sniffed.separator();
    }

    public List<Column> columns() {
        return columns;
    }

    /** False when no column is read as the address: {@link ContactImport#apply} refuses such a plan. */
    public boolean hasEmailColumn() {
        return columns.stream().anyMatch(c -> c.field() == ImportField.EMAIL);
    }

    /** The proof the user declared for the whole file ("signed up at the counter"), or "". */
    public String consentProof() {
        return consentProof;
    }

    public ImportReport report() {
        return report;
    }

    CsvSniffer.Sniffed sniffed() {
        return sniffed;
    }

    List<CsvRows.Row> rows() {
        return rows;
    }

    List<ImportRow> parsed() {
        return parsed;
    }
}
