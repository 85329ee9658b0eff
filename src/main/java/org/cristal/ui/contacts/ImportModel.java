package org.cristal.ui.contacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactImport;
import org.cristal.library.audience.ImportField;
import org.cristal.library.audience.ImportPlan;
import org.cristal.library.audience.ImportPreset;
import org.cristal.library.audience.ImportReport;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The import wizard: a file read and shown before anything is written (how it was read, which column goes
 * where — each changeable —, what importing it would do, row by row for the rows left out), an optional
 * statement that everyone in it agreed to the newsletter, then one import the user can undo.
 */
public final class ImportModel {
    /** Where the wizard is. */
    public enum Step {
        CHOOSE, PREVIEW, IMPORTING, DONE, UNDONE
    }

    /** At most this many rows left out are listed; the counts say the rest. */
    static final int ISSUES_SHOWN = 500;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ReadOnlyObjectWrapper<ImportPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ImportPlan.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> issues = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper readAs = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty consentProof = new SimpleStringProperty("");
    private final Debouncer proofChanged;
    private long batch;

    public ImportModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        // The report counts the consents the statement would record: it follows the statement once typed.
        this.proofChanged = new Debouncer(workers.timer(), Duration.ofMillis(400), workers.fx(), this::replanProof);
        consentProof.addListener((o, a, b) -> {
            if (plan.get() != null) {
                proofChanged.poke();
            }
        });
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The columns of the file with what each is read as. */
    public ObservableList<ImportPlan.Column> columns() {
        return columns;
    }

    /** "Line 12: not an e-mail address.", for each row left out (the first {@value #ISSUES_SHOWN}). */
    public ObservableList<String> issues() {
        return issues;
    }

    /** "Read as a Mailchimp export · UTF-8 · separator ;". */
    public ReadOnlyStringProperty readAsProperty() {
        return readAs.getReadOnlyProperty();
    }

    /** The Windows-1252 warning, or no e-mail column; else "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** What importing would do, before anything is written. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What the import did, once done (or undone). */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "These people agreed to receive the newsletter: how?" — "" records no consent. */
    public StringProperty consentProofProperty() {
        return consentProof;
    }

    /** Reads the file and works out the import; nothing is written. */
    public CompletableFuture<Void> open(Path file) {
        Workspace ws = workspace.get();
        String name = file.getFileName().toString();
        String proof = consentProof.get();
        return run("planning an import", () -> new ContactImport(ws.audience()).plan(Files.readAllBytes(file), name,
                ImportPreset.AUTO, proof));
    }

    /** Reads the column {@code header} as {@code field} instead, and works the import out again. */
    public CompletableFuture<Void> remap(String header, ImportField field) {
        ImportPlan p = plan.get();
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        return run("mapping an import column", () -> new ContactImport(ws.audience()).remap(p, header, field));
    }

    private void replanProof() {
        ImportPlan p = plan.get();
        String proof = consentProof.get().strip();
        if (p == null || step.get() != Step.PREVIEW || p.consentProof().equals(proof)) {
            return;
        }
        Workspace ws = workspace.get();
        run("declaring consent for an import", () -> new ContactImport(ws.audience()).withConsentProof(p, proof));
    }

    private CompletableFuture<Void> run(String what, java.util.concurrent.Callable<ImportPlan> work) {
        busy.set(true);
        problem.set("");
        return workers.onWorkspace(what, work).handle((p, t) -> {
            busy.set(false);
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return null;
            }
            show(p);
            step.set(Step.PREVIEW);
            return null;
        });
    }

    private void show(ImportPlan p) {
        plan.set(p);
        columns.setAll(p.columns());
        readAs.set(format("contacts.import.readAs", presetName(p.preset()), p.encoding(), separatorName(p.separator())));
        warning.set(!p.hasEmailColumn() ? text.getString("contacts.import.noEmailColumn")
                : p.encodingWarning(locale).orElse(""));
        report.set(describe(p.report(), "contacts.import.report"));
        List<String> lines = new ArrayList<>();
        for (ImportReport.Issue i : p.report().issues()) {
            if (lines.size() == ISSUES_SHOWN) {
                break;
            }
            lines.add(i.message(locale));
        }
        issues.setAll(lines);
    }

    private String describe(ImportReport r, String key) {
        return format(key, r.rows(), r.created(), r.updated(), r.unchanged(), r.invalid(), r.duplicates(),
                r.staysUnsubscribed(), r.suppressed(), r.grants(), r.withdrawals());
    }

    /** True when the import may go: a plan with an address column, nothing under way. */
    public boolean canImport() {
        ImportPlan p = plan.get();
        return p != null && p.hasEmailColumn() && !busy.get() && step.get() == Step.PREVIEW;
    }

    /** Writes the import as one batch; completes with true once written. */
    public CompletableFuture<Boolean> importNow() {
        if (!canImport()) {
            return CompletableFuture.completedFuture(false);
        }
        proofChanged.cancel();
        Workspace ws = workspace.get();
        ImportPlan p = plan.get();
        String proof = consentProof.get().strip();
        busy.set(true);
        problem.set("");
        step.set(Step.IMPORTING);
        return workers.onWorkspace("importing contacts", () -> {
            ContactImport engine = new ContactImport(ws.audience());
            // The statement typed last counts, even if the report has not caught up with it yet.
            return engine.apply(p.consentProof().equals(proof) ? p : engine.withConsentProof(p, proof));
        }).handle((applied, t) -> {
            busy.set(false);
            if (t != null) {
                step.set(Step.PREVIEW);
                problem.set(Problems.describe(t, text, locale));
                return false;
            }
            batch = applied.batch();
            result.set(describe(applied.report(), "contacts.import.done"));
            step.set(Step.DONE);
            return true;
        });
    }

    /** Undoes the import just made: those it added go, those it changed get their former data back. */
    public CompletableFuture<Boolean> undo() {
        if (step.get() != Step.DONE || batch == 0) {
            return CompletableFuture.completedFuture(false);
        }
        Workspace ws = workspace.get();
        long b = batch;
        busy.set(true);
        return workers.onWorkspace("undoing an import", () -> new ContactImport(ws.audience()).undo(b))
                .handle((undone, t) -> {
                    busy.set(false);
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                        return false;
                    }
                    result.set(format("contacts.import.undone", undone.removed(), undone.restored()));
                    step.set(Step.UNDONE);
                    return true;
                });
    }

    private String presetName(ImportPreset p) {
        return switch (p) {
            case MAILCHIMP -> "Mailchimp";
            case BREVO -> "Brevo";
            case LISTMONK -> "listmonk";
            case MAUTIC -> "Mautic";
            default -> text.getString("contacts.import.preset.plain");
        };
    }

    private String separatorName(char c) {
        return switch (c) {
            case ';' -> text.getString("contacts.import.separator.semicolon");
            case '\t' -> text.getString("contacts.import.separator.tab");
            default -> text.getString("contacts.import.separator.comma");
        };
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
