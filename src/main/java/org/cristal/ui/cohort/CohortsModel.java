package org.cristal.ui.cohort;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.cohort.Cohort;
import org.cristal.library.cohort.CohortCell;
import org.cristal.library.cohort.CohortCsv;
import org.cristal.library.cohort.CohortMeasure;
import org.cristal.library.cohort.CohortPeriod;
import org.cristal.library.cohort.CohortStart;
import org.cristal.library.cohort.CohortTable;
import org.cristal.library.cohort.Cohorts;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The cohorts screen: the user's choices (weeks or months, from joining or first consent, which measure),
 * the table read on the workspace thread, and each cell as the user reads it, with the level its shade
 * comes from. A share is always written with its count ("1/2 · 50 %"), never alone.
 */
public final class CohortsModel {
    /** One cell as shown: its text, what hovering it says, its level (0 to 1) for the shade. */
    public record Cell(String text, String tip, double level, boolean underway) {
    }

    /** One cohort's line: its start, its size, its cells (only the periods that have begun). */
    public record Row(String cohort, String size, List<Cell> cells) {
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ZoneId zone;
    private final ObjectProperty<CohortPeriod> by = new SimpleObjectProperty<>(CohortPeriod.WEEK);
    private final ObjectProperty<CohortStart> from = new SimpleObjectProperty<>(CohortStart.JOINED);
    private final ObjectProperty<CohortMeasure> measure = new SimpleObjectProperty<>(CohortMeasure.CONSENTING);
    private final ReadOnlyObjectWrapper<CohortTable> table = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Tells the answer to the latest request from answers overtaken by a newer one. */
    private long generation;

    public CohortsModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale,
            ZoneId zone) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        this.zone = zone;
        by.addListener((o, a, b) -> load());
        from.addListener((o, a, b) -> load());
        measure.addListener((o, a, b) -> show(table.get()));
    }

    /** Reads the table with the current choices. */
    public CompletableFuture<Void> load() {
        long mine = ++generation;
        if (workspace.get() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CohortPeriod p = by.get();
        CohortStart s = from.get();
        return workers.onWorkspace("reading the cohorts",
                () -> workspace.get().cohorts().table(p, s, Cohorts.DEFAULT_PERIODS, zone)).handle((t, failure) -> {
                    if (mine != generation) {
                        return null;
                    }
                    if (failure != null) {
                        problem.set(Problems.describe(failure, text, locale));
                        return null;
                    }
                    problem.set("");
                    table.set(t);
                    show(t);
                    return null;
                });
    }

    private void show(CohortTable t) {
        if (t == null) {
            return;
        }
        boolean weeks = t.by() == CohortPeriod.WEEK;
        int n = t.cohorts().stream().mapToInt(c -> c.cells().size()).max().orElse(0);
        List<String> heads = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            heads.add(format(weeks ? "cohorts.col.week" : "cohorts.col.month", k));
        }
        CohortMeasure m = measure.get();
        double top = m.top(t);
        List<Row> out = new ArrayList<>();
        for (Cohort c : t.cohorts()) {
            List<Cell> cells = new ArrayList<>();
            for (CohortCell cell : c.cells()) {
                cells.add(cell(c, cell, m, top, weeks));
            }
            out.add(new Row(c.start().toString(), number(c.size()), cells));
        }
        columns.setAll(heads);
        rows.setAll(out);
        summary.set(t.cohorts().isEmpty()
                ? text.getString(t.from() == CohortStart.CONSENT ? "cohorts.noConsent" : "cohorts.empty")
                : format("cohorts.summary", t.contacts(), t.cohorts().size(), t.zone().getId()));
        List<String> notes = new ArrayList<>();
        if (t.from() == CohortStart.CONSENT && t.outside() > 0) {
            notes.add(format("cohorts.outside", t.outside()));
        }
        if (m == CohortMeasure.VISITS || !t.tokenResults()) {
            notes.add(text.getString(!t.resultsImported() ? "cohorts.noResults"
                    : t.tokenResults() ? "cohorts.results" : "cohorts.noTokens"));
        }
        note.set(String.join("\n", notes));
    }

    private Cell cell(Cohort c, CohortCell cell, CohortMeasure m, double top, boolean weeks) {
        String shown = switch (m) {
            case CONSENTING -> format("cohorts.cell.share", cell.consenting(), c.size(),
                    NumberFormat.getPercentInstance(locale).format(c.consentingShare(cell)));
            case MESSAGES -> number(cell.messages());
            case VISITS -> number(cell.visitors());
        };
        String tip = switch (m) {
            case CONSENTING -> format("cohorts.tip.consenting", cell.consenting(), c.size(), cell.start().toString());
            case MESSAGES -> format("cohorts.tip.messages", cell.email(), cell.postal(), cell.sms());
            case VISITS -> format("cohorts.tip.visits", cell.visitors(), cell.conversions());
        };
        if (cell.underway()) {
            tip = tip + "\n" + text.getString(weeks ? "cohorts.underway.week" : "cohorts.underway.month");
        }
        return new Cell(shown, tip, m.level(c, cell, top), cell.underway());
    }

    /** Writes the whole table (every measure, counts only) as CSV on the workspace thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        CohortTable t = table.get();
        if (t == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("writing the cohort table", () -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                CohortCsv.write(t, out);
            }
            return file;
        }).handle((f, failure) -> {
            if (failure != null) {
                problem.set(format("cohorts.exportFailed", file.getFileName().toString()));
                return null;
            }
            message.set(format("cohorts.exported", file.getFileName().toString()));
            return f;
        });
    }

    /** A file name for the export: what it holds and how it is grouped. */
    public String fileName() {
        return "cohorts-" + by.get().id() + "-" + from.get().id() + ".csv";
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    public ObjectProperty<CohortPeriod> byProperty() {
        return by;
    }

    public ObjectProperty<CohortStart> fromProperty() {
        return from;
    }

    public ObjectProperty<CohortMeasure> measureProperty() {
        return measure;
    }

    public ReadOnlyObjectProperty<CohortTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the table cannot show, plainly (no analytics imported, contacts in no cohort). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ResourceBundle text() {
        return text;
    }
}
