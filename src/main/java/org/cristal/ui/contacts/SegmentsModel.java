package org.cristal.ui.contacts;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Segment;
import org.cristal.library.audience.Segments;
import org.cristal.library.audience.Sql;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * Segments on the contacts screen: the saved ones with how many people each holds, an editor whose rule is
 * counted again while the user types (a rule that does not read says where and why, under the field), and
 * the segment chosen to narrow the contacts list.
 */
public final class SegmentsModel {
    public static final Duration COUNT_DEBOUNCE = Duration.ofMillis(200);

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObjectProperty<Sql> listFilter;
    private final ObservableList<Segments.Counted> saved = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty rule = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final StringProperty chosen = new SimpleStringProperty("");
    private final Debouncer recount;
    private long generation;

    /** {@code listFilter}: the contacts list's segment, which {@link #chosenProperty} sets. */
    public SegmentsModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale,
            ObjectProperty<Sql> listFilter) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        this.listFilter = listFilter;
        this.recount = new Debouncer(workers.timer(), COUNT_DEBOUNCE, workers.fx(), this::count);
        rule.addListener((o, a, b) -> recount.poke());
        chosen.addListener((o, a, b) -> filterBy(b));
    }

    /** The saved segments with their counts now (-1: its rule no longer reads). */
    public ObservableList<Segments.Counted> saved() {
        return saved;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The rule being written: {@code tag = clients and city = Senlis}. */
    public StringProperty ruleProperty() {
        return rule;
    }

    /** How many contacts the rule selects; -1 while it does not read. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "312 people match." */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Where and why the rule does not read, or why it could not be saved; else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The name of the segment the contacts list shows; "" for everyone. */
    public StringProperty chosenProperty() {
        return chosen;
    }

    public CompletableFuture<Void> load() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("counting segments", () -> ws.audience().segments().counted()).handle((l, t) -> {
            if (t == null) {
                saved.setAll(l);
            }
            return null;
        });
    }

    /** Puts a saved segment in the editor. */
    public void edit(Segment s) {
        name.set(s.name());
        rule.set(s.expression());
    }

    /** A blank editor for a new segment. */
    public void startNew() {
        name.set("");
        rule.set("");
        problem.set("");
    }

    /** Counts the rule now (the debounced count calls this). */
    public CompletableFuture<Void> count() {
        recount.cancel();
        long mine = ++generation;
        String r = rule.get();
        Workspace ws = workspace.get();
        if (ws == null || r.isBlank()) {
            count.set(-1);
            countText.set("");
            problem.set("");
            return CompletableFuture.completedFuture(null);
        }
        // A rule being typed rarely reads: its reason is an answer, not a failure to log (it may quote the rule).
        return workers.onWorkspace("counting a segment", () -> {
            try {
                return (Object) ws.audience().segments().count(r);
            } catch (org.cristal.library.audience.SegmentException e) {
                return e.localizedMessage(locale);
            }
        }).handle((answer, t) -> {
            if (mine != generation) {
                return null;
            }
            if (t != null || answer instanceof String) {
                count.set(-1);
                countText.set("");
                problem.set(t != null ? Problems.describe(t, text, locale) : (String) answer);
            } else {
                int n = (Integer) answer;
                count.set(n);
                countText.set(new MessageFormat(text.getString("contacts.segments.count"), locale)
                        .format(new Object[] {n}));
                problem.set("");
            }
            return null;
        });
    }

    /** Saves the segment (a rule that does not read is refused with its reason); completes with true once saved. */
    public CompletableFuture<Boolean> save() {
        Workspace ws = workspace.get();
        String n = name.get();
        String r = rule.get();
        return workers.onWorkspace("saving a segment", () -> ws.audience().segments().save(n, r)).thenCompose(s -> {
            problem.set("");
            name.set(s.name());
            return load().thenApply(x -> true);
        }).exceptionally(t -> {
            problem.set(Problems.describe(t, text, locale));
            return false;
        });
    }

    /** Removes the segment in the editor (its contacts stay). */
    public CompletableFuture<Boolean> delete() {
        Workspace ws = workspace.get();
        String n = name.get();
        return workers.onWorkspace("removing a segment", () -> ws.audience().segments().delete(n)).thenCompose(d -> {
            if (n.equalsIgnoreCase(chosen.get())) {
                chosen.set("");
            }
            startNew();
            return load().thenApply(x -> d);
        }).exceptionally(t -> {
            problem.set(Problems.describe(t, text, locale));
            return false;
        });
    }

    private void filterBy(String segment) {
        Workspace ws = workspace.get();
        if (ws == null || segment == null || segment.isEmpty()) {
            listFilter.set(Sql.ALL);
            return;
        }
        workers.onWorkspace("choosing a segment", () -> ws.audience().segments().membersOf(segment))
                .whenComplete((sql, t) -> {
                    if (!segment.equals(chosen.get())) {
                        return;
                    }
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                        listFilter.set(Sql.ALL);
                    } else {
                        listFilter.set(sql);
                    }
                });
    }
}
