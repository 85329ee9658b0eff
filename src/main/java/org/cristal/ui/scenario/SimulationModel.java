package org.cristal.ui.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.cristal.library.scenario.Simulation;
import org.cristal.ui.Text;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * "Simulate": who would get which step when (in their own time), who would be skipped and why, with the totals
 * on top, a filter by step and by reason, and the table as CSV. Nothing is written to compute it.
 */
public final class SimulationModel {
    /** The reason filter: every row, the rows that go, the skipped ones, or one reason. */
    public record Show(String id, Simulation.Skip skip) {
        public static final Show ALL = new Show("all", null);
        public static final Show GOING = new Show("going", null);
        public static final Show SKIPPED = new Show("skipped", null);

        public static Show of(Simulation.Skip skip) {
            return new Show(skip.name(), skip);
        }

        boolean accepts(Simulation.Row r) {
            return switch (id) {
                case "all" -> true;
                case "going" -> r.skip() == null;
                case "skipped" -> r.skip() != null;
                default -> r.skip() == skip;
            };
        }
    }

    private final Workers workers;
    private final Function<String, Simulation> simulate;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<Simulation.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Simulation.Row> shown = new FilteredList<>(rows, r -> true);
    private final ObjectProperty<String> step = new SimpleObjectProperty<>("");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.ALL);
    private final ObservableList<Show> reasons = FXCollections.observableArrayList(Show.ALL);
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final StepWords words;
    private Simulation last;
    private long generation;

    /** {@code simulate}: the engine's simulation of a scenario by name (blocking; run on the workspace thread). */
    public SimulationModel(Workers workers, Function<String, Simulation> simulate, ResourceBundle text, Locale locale,
            ScenarioEditorModel editor) {
        this.workers = workers;
        this.simulate = simulate;
        this.text = text;
        this.locale = locale;
        this.words = new StepWords(text, locale, editor.stories(), editor.accounts());
        step.addListener((o, a, b) -> refilter());
        show.addListener((o, a, b) -> refilter());
    }

    /** Simulates the scenario now; completes with false when it failed or was cancelled. */
    public CompletableFuture<Boolean> run(String scenario) {
        long mine = ++generation;
        running.set(true);
        problem.set("");
        return workers.onWorkspace("simulating a scenario", () -> simulate.apply(scenario)).handle((sim, t) -> {
            if (mine != generation) {
                return false;
            }
            running.set(false);
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return false;
            }
            show(sim);
            return true;
        });
    }

    /**
     * Stops waiting for the simulation under way: its answer, when it comes, is dropped and the previous table
     * stays. (The engine's simulation writes nothing, so there is nothing to undo.)
     */
    public void cancel() {
        if (running.get()) {
            generation++;
            running.set(false);
            problem.set(text.getString("scenario.sim.cancelled"));
        }
    }

    void show(Simulation sim) {
        last = sim;
        rows.setAll(sim.rows());
        List<Show> r = new ArrayList<>(List.of(Show.ALL, Show.GOING, Show.SKIPPED));
        for (Simulation.Skip s : Simulation.Skip.values()) {
            if (sim.skipped().getOrDefault(s, 0) > 0) {
                r.add(Show.of(s));
            }
        }
        reasons.setAll(r);
        if (!reasons.contains(show.get())) {
            show.set(Show.ALL);
        }
        totals.set(totalsOf(sim));
        refilter();
    }

    private String totalsOf(Simulation sim) {
        long going = sim.rows().stream().filter(r -> r.skip() == null).count();
        int skipped = sim.skipped().values().stream().mapToInt(Integer::intValue).sum();
        String head = Text.format(text, locale, "scenario.sim.totals", sim.contacts(), going, skipped);
        if (skipped == 0) {
            return head;
        }
        List<String> parts = new ArrayList<>();
        // Most frequent reason first, then in the order of Skip: the same line for the same simulation.
        sim.skipped().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Simulation.Skip, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> parts.add(Text.format(text, locale, Labels.reasonCount(e.getKey()),
                        e.getValue())));
        return Text.format(text, locale, "scenario.sim.totalsWhy", head,
                String.join(", ", parts));
    }

    private void refilter() {
        String s = step.get() == null ? "" : step.get();
        Show w = show.get() == null ? Show.ALL : show.get();
        shown.setPredicate(r -> (s.isEmpty() || s.equals(r.stepId())) && w.accepts(r));
    }

    /** When the row's step would go, in the contact's own time: "Mon 7 Dec 2026, 09:30 (Europe/Paris)". */
    public String localTime(Simulation.Row r) {
        if (r.at() == null) {
            return "";
        }
        return Text.format(text, locale, "scenario.sim.localTime", r.at().atZone(r.zone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)), r.zone().getId());
    }

    /** "Goes" or why not, in words. */
    public String outcome(Simulation.Row r) {
        return r.skip() == null ? text.getString("scenario.sim.goes") : reason(r.skip());
    }

    public String reason(Simulation.Skip s) {
        return text.getString(Labels.reason(s));
    }

    /** The label of a reason filter. */
    public String label(Show s) {
        if (s.skip() != null) {
            return reason(s.skip());
        }
        return text.getString(s == Show.GOING ? "scenario.sim.show.going"
                : s == Show.SKIPPED ? "scenario.sim.show.skipped" : "scenario.sim.show.all");
    }

    public String story(Simulation.Row r) {
        return words.title(r.storyId());
    }

    public String account(Simulation.Row r) {
        return words.account(r.account());
    }

    public String contact(Simulation.Row r) {
        return r.contactId() == 0 ? text.getString("scenario.sim.everyone") : r.contact();
    }

    /** Writes the rows shown (filters applied) as CSV that Excel opens right; completes with how many rows. */
    public CompletableFuture<Integer> exportCsv(Path file) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(text.getString("scenario.sim.col.contact"), text.getString("scenario.sim.col.step"),
                text.getString("scenario.sim.col.story"), text.getString("scenario.sim.col.account"),
                text.getString("scenario.sim.col.localTime"), text.getString("scenario.sim.col.zone"),
                text.getString("scenario.sim.col.utc"), text.getString("scenario.sim.col.outcome")));
        for (Simulation.Row r : shown) {
            lines.add(List.of(contact(r), Integer.toString(r.stepNumber()), story(r), account(r),
                    r.at() == null ? "" : r.at().atZone(r.zone()).toLocalDateTime().toString(),
                    r.zone() == null ? "" : r.zone().getId(), r.at() == null ? "" : r.at().toString(), outcome(r)));
        }
        return workers.onWorkspace("exporting a simulation", () -> {
            write(file, lines);
            return lines.size() - 1;
        }).whenComplete((n, t) -> {
            if (t != null && !(t instanceof CancellationException)) {
                problem.set(Problems.describe(t, text, locale));
            }
        });
    }

    /** UTF-8 with a byte-order mark, commas, CRLF: what Excel opens right in French and in English. */
    private static void write(Path file, List<List<String>> lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(tmp);
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8))) {
            o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (List<String> line : lines) {
                w.write(String.join(",", line.stream().map(SimulationModel::cell).toList()));
                w.write("\r\n");
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        // A cell starting with = + - @ would run as a formula in a spreadsheet: kept as text.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Every row of the last simulation. */
    public ObservableList<Simulation.Row> rows() {
        return rows;
    }

    /** The rows the filters let through. */
    public ObservableList<Simulation.Row> shown() {
        return shown;
    }

    /** The step id the table shows; "" for every step. */
    public ObjectProperty<String> stepProperty() {
        return step;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    /** The reason filters that have rows in the last simulation. */
    public ObservableList<Show> reasons() {
        return reasons;
    }

    /** "412 contacts: 1,180 messages; 37 skipped — 21 no consent, 9 over the cap, 7 no address". */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last simulation shown, null before the first. */
    Simulation last() {
        return last;
    }
}
