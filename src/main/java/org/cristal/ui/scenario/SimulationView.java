package org.cristal.ui.scenario;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cristal.library.scenario.Simulation;

/** The simulate tab: the totals line on top, filters by step and by reason, the table, the CSV export. */
final class SimulationView {
    private final ResourceBundle text;
    private final java.util.Locale locale;
    private final SimulationModel sim;
    private final ScenarioEditorModel editor;
    private final Runnable simulate;
    private final Runnable export;

    /** {@code simulate}: saves the editor, then simulates; {@code export}: asks for a file and writes the CSV. */
    SimulationView(ResourceBundle text, java.util.Locale locale, SimulationModel sim, ScenarioEditorModel editor,
            Runnable simulate, Runnable export) {
        this.text = text;
        this.locale = locale;
        this.sim = sim;
        this.editor = editor;
        this.simulate = simulate;
        this.export = export;
    }

    Node node() {
        Label intro = new Label(text.getString("scenario.sim.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Button run = new Button(text.getString("scenario.sim.run"));
        run.setId("scenarioSimulate");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> simulate.run());
        run.disableProperty().bind(sim.runningProperty());
        Button cancel = new Button(text.getString("dialog.cancel"));
        cancel.setId("scenarioSimulateCancel");
        cancel.setOnAction(e -> sim.cancel());
        cancel.visibleProperty().bind(sim.runningProperty());
        cancel.managedProperty().bind(sim.runningProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(sim.runningProperty());
        busy.managedProperty().bind(sim.runningProperty());
        Label running = new Label(text.getString("scenario.sim.running"));
        running.visibleProperty().bind(sim.runningProperty());
        running.managedProperty().bind(sim.runningProperty());
        FlowPane actions = new FlowPane(8, 6, run, cancel, busy, running);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label totals = new Label();
        totals.setId("scenarioTotals");
        totals.getStyleClass().add("text-bold");
        totals.setWrapText(true);
        totals.setMinHeight(Region.USE_PREF_SIZE);
        totals.textProperty().bind(sim.totalsProperty());
        Label problem = problem("scenarioSimProblem", sim.problemProperty());

        ComboBox<String> step = new ComboBox<>();
        step.setId("scenarioSimStep");
        step.setMaxWidth(320);
        step.setPrefWidth(280);
        Runnable steps = () -> {
            String keep = sim.stepProperty().get();
            step.getItems().setAll("");
            editor.steps().forEach(s -> step.getItems().add(s.id()));
            step.setValue(step.getItems().contains(keep) ? keep : "");
        };
        editor.steps().addListener((javafx.collections.ListChangeListener<StepForm>) c -> steps.run());
        steps.run();
        step.setConverter(converter(id -> id == null || id.isEmpty() ? text.getString("scenario.sim.allSteps")
                : editor.steps().stream().filter(s -> s.id().equals(id)).findFirst()
                        .map(s -> org.cristal.ui.Text.format(text, locale,
                                "scenario.sim.stepChoice", editor.steps().indexOf(s) + 1,
                                editor.storyTitle(s.storyProperty().get())))
                        .orElse(id)));
        step.valueProperty().bindBidirectional(sim.stepProperty());
        ComboBox<SimulationModel.Show> show = new ComboBox<>(sim.reasons());
        show.setId("scenarioSimShow");
        show.setPrefWidth(260);
        show.setConverter(converter(s -> s == null ? "" : sim.label(s)));
        show.valueProperty().bindBidirectional(sim.showProperty());
        Label stepLabel = new Label(text.getString("scenario.sim.filterStep"));
        stepLabel.setLabelFor(step);
        Label showLabel = new Label(text.getString("scenario.sim.filterShow"));
        showLabel.setLabelFor(show);
        Button csv = new Button(text.getString("scenario.sim.export"));
        csv.setId("scenarioSimExport");
        csv.setOnAction(e -> export.run());
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(sim.shown()));
        FlowPane filters = new FlowPane(8, 6, stepLabel, step, showLabel, show, csv);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Simulation.Row> table = new TableView<>(sim.shown());
        table.setId("scenarioSimTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(FXCollections.observableArrayList(
                column("scenario.sim.col.contact", sim::contact, 150),
                column("scenario.sim.col.step", r -> Integer.toString(r.stepNumber()), 70),
                column("scenario.sim.col.story", sim::story, 180),
                column("scenario.sim.col.localTime", sim::localTime, 260),
                column("scenario.sim.col.outcome", sim::outcome, 220)));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, intro, actions, totals, problem, filters, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableColumn<Simulation.Row, String> column(String key, Function<Simulation.Row, String> value,
            double width) {
        TableColumn<Simulation.Row, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    static Label problem(String id, javafx.beans.value.ObservableStringValue problem) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(problem);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
