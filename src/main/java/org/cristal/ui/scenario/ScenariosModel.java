package org.cristal.ui.scenario;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.scenario.RunStep;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.StepCounts;
import org.cristal.publish.scenario.ScenarioRunner;
import org.cristal.ui.Text;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The scenarios screen's list and what runs them: each scenario with its state, version and segment (and how
 * many people the segment holds); start, pause, resume and stop with the sentence that says what each will do;
 * each step's counts and the contacts at a step; the versions, and moving runs to the latest one.
 */
public final class ScenariosModel {
    /** What the user may do to a scenario's run. */
    public enum Action { START, PAUSE, RESUME, STOP }

    /** A scenario as the list shows it; {@code segmentSize} -1 when the segment's rule no longer reads. */
    public record Listed(Scenario scenario, int segmentSize) {
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final Supplier<ScenarioRunner> runner;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<Listed> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<Scenario> chosen = new SimpleObjectProperty<>();
    private final ObservableList<StepCounts> counts = FXCollections.observableArrayList();
    private final ObservableList<RunStep> contacts = FXCollections.observableArrayList();
    private final ObservableList<ScenarioVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");

    public ScenariosModel(Workers workers, Supplier<Workspace> workspace, Supplier<ScenarioRunner> runner,
            ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.runner = runner;
        this.text = text;
        this.locale = locale;
        chosen.addListener((o, a, b) -> {
            state.set(b == null ? "" : stateLine(b));
            counts.clear();
            contacts.clear();
            versions.clear();
        });
    }

    /** Reads the list again (and the chosen scenario, which a start or an edit may have changed). */
    public CompletableFuture<Void> load() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("listing scenarios", () -> {
            Map<String, Integer> sizes = new HashMap<>();
            ws.audience().segments().counted().forEach(c -> sizes.put(c.segment().name().toLowerCase(Locale.ROOT),
                    c.count()));
            int everyone = ws.audience().contacts().count();
            return ws.scenarios().list().stream().map(s -> new Listed(s, s.segment().isBlank() ? everyone
                    : sizes.getOrDefault(s.segment().toLowerCase(Locale.ROOT), -1))).toList();
        }).handle((l, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return null;
            }
            scenarios.setAll(l);
            Scenario c = chosen.get();
            if (c != null) {
                l.stream().filter(x -> x.scenario().id() == c.id()).findFirst().ifPresent(x -> {
                    chosen.set(x.scenario());
                    state.set(stateLine(x.scenario()));
                });
            }
            return null;
        });
    }

    /** "Welcome — running · version 2 · “clients”, 312 people". */
    public String row(Listed l) {
        Scenario s = l.scenario();
        String segment = s.segment().isBlank() ? Text.format(text, locale, "scenario.list.everyone", l.segmentSize())
                : l.segmentSize() < 0 ? Text.format(text, locale, "scenario.list.segmentBroken", s.segment())
                : Text.format(text, locale, "scenario.list.segment", s.segment(), l.segmentSize());
        return Text.format(text, locale, "scenario.list.row", s.name(), stateWord(s.state()), s.version(), segment);
    }

    public String stateWord(ScenarioState s) {
        return text.getString(Labels.state(s));
    }

    /** The state said plainly: "Running since 3 December 2026 — version 2. New contacts of the segment enter." */
    String stateLine(Scenario s) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ZoneId z = s.zone();
        return switch (s.state()) {
            case DRAFT -> Text.format(text, locale, "scenario.stateLine.draft", s.version());
            case RUNNING -> Text.format(text, locale, "scenario.stateLine.running", s.version(),
                    s.startedAt() == null ? "" : s.startedAt().atZone(z).format(day));
            case PAUSED -> Text.format(text, locale, "scenario.stateLine.paused", s.version(),
                    s.pausedAt() == null ? "" : s.pausedAt().atZone(z).format(day));
            case STOPPED -> Text.format(text, locale, "scenario.stateLine.stopped", s.version());
        };
    }

    /** Whether {@code a} makes sense for the chosen scenario now. */
    public boolean allowed(Action a) {
        Scenario s = chosen.get();
        if (s == null) {
            return false;
        }
        return switch (a) {
            case START -> s.state() == ScenarioState.DRAFT;
            case PAUSE -> s.state() == ScenarioState.RUNNING;
            case RESUME -> s.state() == ScenarioState.PAUSED;
            case STOP -> s.state() == ScenarioState.RUNNING || s.state() == ScenarioState.PAUSED;
        };
    }

    /** The one sentence the confirmation shows: what {@code a} will do. */
    public String question(Action a) {
        Scenario s = chosen.get();
        String key = switch (a) {
            case START -> "scenario.confirm.start";
            case PAUSE -> "scenario.confirm.pause";
            case RESUME -> "scenario.confirm.resume";
            case STOP -> "scenario.confirm.stop";
        };
        return Text.format(text, locale, key, s == null ? "" : s.name(), s == null ? "" : s.segment(),
                s == null || s.segment().isBlank() ? 0 : 1);
    }

    /** Does {@code a} through the engine; completes with true when done, else {@link #problemProperty} says why. */
    public CompletableFuture<Boolean> apply(Action a) {
        Scenario s = chosen.get();
        if (s == null || !allowed(a)) {
            return CompletableFuture.completedFuture(false);
        }
        String name = s.name();
        return workers.onWorkspace("changing a scenario's state", () -> {
            ScenarioRunner r = runner.get();
            return switch (a) {
                case START -> r.start(name);
                case PAUSE -> r.pause(name);
                case RESUME -> r.resume(name);
                case STOP -> r.stop(name);
            };
        }).handle((after, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                done.set("");
                return false;
            }
            problem.set("");
            String key = switch (a) {
                case START -> "scenario.done.start";
                case PAUSE -> "scenario.done.pause";
                case RESUME -> "scenario.done.resume";
                case STOP -> "scenario.done.stop";
            };
            done.set(Text.format(text, locale, key, after.name()));
            chosen.set(after);
            load();
            return true;
        });
    }

    /** Each step's counts and the versions of the chosen scenario. */
    public CompletableFuture<Void> loadStatus() {
        Scenario s = chosen.get();
        Workspace ws = workspace.get();
        if (s == null || ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> v = workers.onWorkspace("reading scenario versions", () -> ws.scenarios().versions(s.id()))
                .handle((l, t) -> {
                    if (t == null) {
                        versions.setAll(l);
                    }
                    return null;
                });
        if (s.state() == ScenarioState.DRAFT) {
            counts.clear();
            return v;
        }
        return v.thenCompose(x -> workers.onWorkspace("reading a scenario's counts", () -> runner.get().status(s.name())))
                .handle((l, t) -> {
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                    } else if (chosen.get() != null && chosen.get().id() == s.id()) {
                        counts.setAll(l);
                    }
                    return null;
                });
    }

    /** The contacts at one step, with their state and reason. */
    public CompletableFuture<Void> showContactsAt(String stepId) {
        Scenario s = chosen.get();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("reading contacts at a step", () -> runner.get().contactsAt(s.name(), stepId))
                .handle((l, t) -> {
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                    } else {
                        contacts.setAll(l);
                    }
                    return null;
                });
    }

    /** Moves the runs still on {@code fromVersion} to the latest version; completes with how many moved. */
    public CompletableFuture<Integer> move(int fromVersion) {
        Scenario s = chosen.get();
        if (s == null) {
            return CompletableFuture.completedFuture(0);
        }
        return workers.onWorkspace("moving scenario runs", () -> runner.get().move(s.name(), fromVersion))
                .handle((n, t) -> {
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                        return 0;
                    }
                    done.set(Text.format(text, locale, "scenario.done.move", n, fromVersion, s.version()));
                    loadStatus();
                    return n;
                });
    }

    /** The question before moving: who moves, and that what they already had stays had. */
    public String moveQuestion(int fromVersion) {
        Scenario s = chosen.get();
        return Text.format(text, locale, "scenario.confirm.move", fromVersion, s == null ? 0 : s.version());
    }

    /** A run step's state in words. */
    public String runState(String id) {
        String key = Labels.runState(id);
        return key == null ? id : text.getString(key);
    }

    /** When the step is or was due, in the contact's own time. */
    public String due(RunStep r) {
        if (r.dueAt() == null) {
            return "";
        }
        ZoneId z = r.zone() == null ? ZoneId.systemDefault() : r.zone();
        return Text.format(text, locale, "scenario.sim.localTime", r.dueAt().atZone(z).format(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)), z.getId());
    }

    public ObservableList<Listed> scenarios() {
        return scenarios;
    }

    /** The scenario the screen shows. */
    public ObjectProperty<Scenario> chosenProperty() {
        return chosen;
    }

    public ObservableList<StepCounts> counts() {
        return counts;
    }

    public ObservableList<RunStep> contacts() {
        return contacts;
    }

    public ObservableList<ScenarioVersion> versions() {
        return versions;
    }

    /** The chosen scenario's state in one plain sentence. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last action did ("Started: …"). */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Versions whose runs may move: every one older than the latest. */
    public List<ScenarioVersion> olderVersions() {
        Scenario s = chosen.get();
        return versions.stream().filter(v -> s != null && v.version() < s.version()).toList();
    }
}
