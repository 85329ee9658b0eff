package org.cristal.ui.print;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Segment;
import org.cristal.library.audience.Sql;
import org.cristal.publish.PrintException;
import org.cristal.publish.PrintJob;
import org.cristal.publish.PrintPlan;
import org.cristal.render.PaperSize;
import org.cristal.render.brochure.MailWindow;
import org.cristal.ui.model.Workers;

/**
 * "Print for each contact…": the segment and options, how many copies and who is left out before anything is
 * written, then the run with its progress and cancel. The plan is read on the workspace thread; the run on a
 * render thread (it lays out and writes for seconds); every property changes on the UI thread.
 */
public final class PrintModel {
    private final Workers workers;
    private final Workspace ws;
    private final String storyId;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<String> segments = FXCollections.observableArrayList();
    private final StringProperty segment = new SimpleStringProperty("");
    private final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(PaperSize.A4);
    private final ObjectProperty<MailWindow> window = new SimpleObjectProperty<>();
    private final BooleanProperty merged = new SimpleBooleanProperty(true);
    private final BooleanProperty labels = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final AtomicBoolean cancel = new AtomicBoolean();
    private PrintPlan plan;

    public PrintModel(Workers workers, Workspace ws, String storyId, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.ws = ws;
        this.storyId = storyId;
        this.text = text;
        this.locale = locale;
        segment.addListener((o, a, b) -> preview());
        folder.addListener((o, a, b) -> preview());
    }

    /** Reads the saved segments; the first one is chosen. */
    public CompletableFuture<List<String>> load() {
        return workers.onWorkspace("print segments", () -> ws.audience().segments().list().stream()
                .map(Segment::name).toList()).whenComplete((names, t) -> {
                    if (names != null) {
                        segments.setAll(names);
                        if (!names.isEmpty() && segment.get().isEmpty()) {
                            segment.set(names.get(0));
                        }
                        if (names.isEmpty()) {
                            problem.set(text.getString("print.noSegments"));
                        }
                    }
                });
    }

    /** Who gets a copy for the chosen segment and folder, said before anything is written. */
    public CompletableFuture<PrintPlan> preview() {
        String name = segment.get();
        Path out = folder.get();
        ready.set(false);
        if (name == null || name.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("print plan", () -> {
            Sql contacts = ws.audience().segments().resolve(name).orElseThrow();
            return new PrintJob(ws).plan(storyId, name, contacts, out == null ? Path.of("") : out);
        }).whenComplete((p, t) -> {
            if (!name.equals(segment.get())) {
                return; // another segment was chosen meanwhile
            }
            if (t != null) {
                problem.set(t instanceof PrintException e ? e.text().get(locale) : text.getString("print.failed"));
                return;
            }
            plan = p;
            summary.set(p.summary().get(locale));
            problem.set(p.copies().isEmpty() ? text.getString("print.nobody") : "");
            ready.set(!p.copies().isEmpty() && folder.get() != null);
        });
    }

    /** Writes the copies; cancel() stops between two. */
    public CompletableFuture<PrintJob.Result> start() {
        PrintPlan p = plan;
        Path out = folder.get();
        if (p == null || out == null || running.get()) {
            return CompletableFuture.completedFuture(null);
        }
        cancel.set(false);
        running.set(true);
        finished.set(false);
        progress.set(0);
        int total = p.copies().size();
        PrintJob.Options options = new PrintJob.Options(paper.get(), window.get(), merged.get(), labels.get());
        return workers.on(workers.render(), "personalised print", () -> new PrintJob(ws).run(p, out, options,
                n -> workers.fx().execute(() -> progress.set((double) n / total)), cancel::get))
                .whenComplete((r, t) -> {
                    running.set(false);
                    if (t != null) {
                        problem.set(t instanceof PrintException e ? e.text().get(locale) : text.getString("print.failed"));
                    } else if (r.cancelled()) {
                        summary.set(java.text.MessageFormat.format(text.getString("print.cancelled"), r.copies(), total));
                    } else {
                        finished.set(true);
                        summary.set(java.text.MessageFormat.format(text.getString("print.done"), r.copies(),
                                out.toString()));
                    }
                });
    }

    public void cancel() {
        cancel.set(true);
    }

    public ObservableList<String> segments() {
        return segments;
    }

    public StringProperty segmentProperty() {
        return segment;
    }

    public ObjectProperty<PaperSize> paperProperty() {
        return paper;
    }

    public ObjectProperty<MailWindow> windowProperty() {
        return window;
    }

    public BooleanProperty mergedProperty() {
        return merged;
    }

    public BooleanProperty labelsProperty() {
        return labels;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }
}
