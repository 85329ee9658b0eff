package org.cristal.ui.scenario;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.ChannelAccount;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Segments;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Step;
import org.cristal.ui.Text;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The scenario editor: its settings (name, segment, re-entry, zone), its steps and exit rules, with the
 * stories, channel accounts and segments to pick from. Saving a draft changes it in place; saving a scenario
 * that has started makes a new version, and the editor says so before and after.
 */
public final class ScenarioEditorModel {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty segment = new SimpleStringProperty("");
    private final ObjectProperty<Reentry> reentry = new SimpleObjectProperty<>(Reentry.NEVER);
    private final StringProperty reentryDays = new SimpleStringProperty("0");
    private final StringProperty zone = new SimpleStringProperty("Europe/Paris");
    private final ObservableList<StepForm> steps = FXCollections.observableArrayList();
    private final ObservableList<ExitForm> exits = FXCollections.observableArrayList();
    private final ObservableList<StorySummary> stories = FXCollections.observableArrayList();
    private final ObservableList<ChannelAccount> accounts = FXCollections.observableArrayList();
    private final ObservableList<Segments.Counted> segments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper versionNote = new ReadOnlyStringWrapper("");
    /** Step ids of every version: a new step never takes an id an older version used for another step. */
    private final Set<String> usedIds = new HashSet<>();

    public ScenarioEditorModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        scenario.addListener((o, a, b) -> noteVersion());
    }

    /** The stories, accounts and segments to pick from. */
    public CompletableFuture<Void> loadChoices() {
        Workspace ws = workspace.get();
        return workers.onWorkspace("listing scenario choices", () -> new Object[] {ws.stories().list(),
            ws.channelAccounts().list(), ws.audience().segments().counted()}).handle((r, t) -> {
                if (t == null) {
                    @SuppressWarnings("unchecked")
                    List<StorySummary> s = (List<StorySummary>) r[0];
                    @SuppressWarnings("unchecked")
                    List<ChannelAccount> a = (List<ChannelAccount>) r[1];
                    @SuppressWarnings("unchecked")
                    List<Segments.Counted> g = (List<Segments.Counted>) r[2];
                    stories.setAll(s);
                    accounts.setAll(a);
                    segments.setAll(g);
                } else {
                    problem.set(Problems.describe(t, text, locale));
                }
                return null;
            });
    }

    /** A blank editor for a new scenario, with one first step ready to fill. */
    public void startNew() {
        scenario.set(null);
        name.set("");
        segment.set("");
        reentry.set(Reentry.NEVER);
        reentryDays.set("0");
        zone.set(ZoneId.systemDefault().getId());
        usedIds.clear();
        steps.clear();
        exits.clear();
        problem.set("");
        saved.set("");
        addStep();
    }

    /** Puts a saved scenario's settings and latest version in the editor. */
    public CompletableFuture<Void> edit(Scenario s) {
        Workspace ws = workspace.get();
        return workers.onWorkspace("reading a scenario", () -> ws.scenarios().versions(s.id())).handle((vs, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return null;
            }
            name.set(s.name());
            segment.set(s.segment());
            reentry.set(s.reentry());
            reentryDays.set(Integer.toString(s.reentryDays()));
            zone.set(s.zone().getId());
            usedIds.clear();
            vs.forEach(v -> v.steps().forEach(st -> usedIds.add(st.id())));
            ScenarioVersion current = vs.stream().filter(v -> v.version() == s.version()).findFirst()
                    .orElse(vs.isEmpty() ? null : vs.get(vs.size() - 1));
            steps.setAll(current == null ? List.of() : current.steps().stream().map(StepForm::of).toList());
            exits.setAll(current == null ? List.of() : current.exits().stream().map(ExitForm::of).toList());
            problem.set("");
            saved.set("");
            scenario.set(s);
            return null;
        });
    }

    /** A new step at the end, a day after the previous one at the previous one's time and on its account. */
    public StepForm addStep() {
        int n = 1;
        while (usedIds.contains("s" + n) || stepIds().contains("s" + n)) {
            n++;
        }
        StepForm f = new StepForm("s" + n);
        if (!steps.isEmpty()) {
            StepForm last = steps.get(steps.size() - 1);
            f.accountProperty().set(last.accountProperty().get());
            f.timeProperty().set(last.timeProperty().get());
            f.daysProperty().set("1");
        } else {
            f.timeProperty().set("9:30");
            if (!accounts.isEmpty()) {
                f.accountProperty().set(accounts.get(0).id());
            }
        }
        steps.add(f);
        return f;
    }

    public void remove(StepForm f) {
        steps.remove(f);
    }

    /** Moves a step one place up (-1) or down (+1); its conditions keep pointing at the same steps. */
    public void move(StepForm f, int by) {
        int i = steps.indexOf(f);
        int j = i + by;
        if (i < 0 || j < 0 || j >= steps.size()) {
            return;
        }
        steps.remove(i);
        steps.add(j, f);
    }

    public ExitForm addExit() {
        ExitForm e = new ExitForm();
        exits.add(e);
        return e;
    }

    /**
     * The first thing that keeps the scenario from being saved, in words for the user, or empty. Checked
     * again on save; the view shows it under the steps.
     */
    public Optional<String> validate() {
        if (name.get().isBlank()) {
            return Optional.of(text.getString("scenario.edit.noName"));
        }
        if (!segment.get().isBlank() && !segments.isEmpty()
                && segments.stream().noneMatch(c -> c.segment().name().equalsIgnoreCase(segment.get().strip()))) {
            return Optional.of(Text.format(text, locale, "scenario.edit.noSuchSegment", segment.get().strip()));
        }
        if (zoneOf(zone.get()).isEmpty()) {
            return Optional.of(Text.format(text, locale, "scenario.edit.badZone", zone.get().strip()));
        }
        if (reentry.get() != Reentry.NEVER && count(reentryDays.get()) < 0) {
            return Optional.of(text.getString("scenario.edit.badReentryDays"));
        }
        if (steps.isEmpty()) {
            return Optional.of(text.getString("scenario.edit.noSteps"));
        }
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Optional<String> p = check(steps.get(i), i + 1, earlier);
            if (p.isPresent()) {
                return p;
            }
            earlier.add(steps.get(i).id());
        }
        for (ExitForm e : exits) {
            if (ExitForm.needsArgument(e.kindProperty().get()) && e.argumentProperty().get().isBlank()) {
                return Optional.of(text.getString("scenario.edit.exitNeedsArgument"));
            }
        }
        return Optional.empty();
    }

    private Optional<String> check(StepForm s, int number, List<String> earlier) {
        if (s.storyProperty().get().isBlank()) {
            return Optional.of(Text.format(text, locale, "scenario.edit.noStory", number));
        }
        if (s.accountProperty().get().isBlank()) {
            return Optional.of(Text.format(text, locale, "scenario.edit.noAccount", number));
        }
        if (s.timingProperty().get() == Step.Timing.ON_DATE) {
            if (s.dateProperty().get() == null) {
                return Optional.of(Text.format(text, locale, "scenario.edit.noDate", number));
            }
        } else if (count(s.daysProperty().get()) < 0 || count(s.hoursProperty().get()) < 0) {
            return Optional.of(Text.format(text, locale, "scenario.edit.badDelay", number));
        }
        if (!Times.readable(s.timeProperty().get())) {
            return Optional.of(Text.format(text, locale, "scenario.edit.badTime", number, s.timeProperty().get()));
        }
        for (ConditionForm c : s.conditions()) {
            Condition.Kind k = c.kindProperty().get();
            String arg = c.argumentProperty().get().strip();
            if (k == Condition.Kind.IN_SEGMENT && arg.isEmpty()) {
                return Optional.of(Text.format(text, locale, "scenario.edit.conditionSegment", number));
            }
            if ((k == Condition.Kind.RECEIVED || k == Condition.Kind.CLICKED) && !earlier.contains(arg)) {
                return Optional.of(Text.format(text, locale, "scenario.edit.conditionStep", number));
            }
        }
        return Optional.empty();
    }

    /**
     * Saves: creates the scenario, or changes its settings and steps (a new version once it has started).
     * Completes with the scenario saved, or null with {@link #problemProperty} saying why.
     */
    public CompletableFuture<Scenario> save() {
        Optional<String> wrong = validate();
        if (wrong.isPresent()) {
            problem.set(wrong.get());
            saved.set("");
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        Scenario before = scenario.get();
        String n = name.get().strip();
        String seg = segment.get().strip();
        Reentry r = reentry.get();
        int days = r == Reentry.NEVER ? 0 : count(reentryDays.get());
        ZoneId z = zoneOf(zone.get()).orElseThrow();
        List<Step> ss = steps.stream().map(StepForm::toStep).toList();
        List<ExitRule> es = exits.stream().map(ExitForm::toRule).toList();
        return workers.onWorkspace("saving a scenario", () -> {
            if (before == null) {
                return ws.scenarios().create(n, seg, r, days, z, ss, es);
            }
            ws.scenarios().settings(before.id(), seg, r, days, z);
            ws.scenarios().edit(before.id(), ss, es);
            return ws.scenarios().get(before.id()).orElseThrow();
        }).handle((s, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                saved.set("");
                return null;
            }
            problem.set("");
            saved.set(before == null || s.version() == before.version() ? text.getString("scenario.edit.saved")
                    : Text.format(text, locale, "scenario.edit.savedVersion", s.version(), before.version()));
            ss.forEach(st -> usedIds.add(st.id()));
            scenario.set(s);
            return s;
        });
    }

    /** The sentence of each step, in order, for the list the user reads. */
    public List<String> sentences() {
        return steps.stream().map(this::sentence).toList();
    }

    /** "1. Day 0, at 9:30 their time — “Notre pain au levain” through Newsletter". */
    public String sentence(StepForm f) {
        return new StepWords(text, locale, stories, accounts).sentence(f, steps.indexOf(f));
    }

    /** A story's title, or its id when it is gone. */
    public String storyTitle(String id) {
        return new StepWords(text, locale, stories, accounts).title(id);
    }

    private void noteVersion() {
        Scenario s = scenario.get();
        if (s == null || s.state() == ScenarioState.DRAFT) {
            versionNote.set("");
        } else {
            versionNote.set(Text.format(text, locale, "scenario.edit.versionNote", s.version() + 1, s.version()));
        }
    }

    private List<String> stepIds() {
        return steps.stream().map(StepForm::id).toList();
    }

    /** A whole number of at least 0 as typed, or -1. */
    static int count(String typed) {
        try {
            int n = Integer.parseInt(typed == null ? "" : typed.strip());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id == null ? "" : id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The scenario in the editor; null for a new one not yet saved. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The saved segment whose contacts enter; "" for every contact. */
    public StringProperty segmentProperty() {
        return segment;
    }

    public ObjectProperty<Reentry> reentryProperty() {
        return reentry;
    }

    public StringProperty reentryDaysProperty() {
        return reentryDays;
    }

    /** The zone of contacts who have none of their own. */
    public StringProperty zoneProperty() {
        return zone;
    }

    public ObservableList<StepForm> steps() {
        return steps;
    }

    public ObservableList<ExitForm> exits() {
        return exits;
    }

    public ObservableList<StorySummary> stories() {
        return stories;
    }

    public ObservableList<ChannelAccount> accounts() {
        return accounts;
    }

    public ObservableList<Segments.Counted> segments() {
        return segments;
    }

    /** Why the scenario could not be saved, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Saved." or "Saved as version 3 …", after a save. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** For a started scenario: that saving makes version N+1 and who finishes version N; else "". */
    public ReadOnlyStringProperty versionNoteProperty() {
        return versionNote.getReadOnlyProperty();
    }
}
