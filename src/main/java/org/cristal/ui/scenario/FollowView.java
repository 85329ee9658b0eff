package org.cristal.ui.scenario;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cristal.library.scenario.RunStep;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.StepCounts;
import org.cristal.ui.Text;

/** The follow-up tab (each step's counts, the contacts at the chosen step) and the versions tab. */
final class FollowView {
    private final ResourceBundle text;
    private final Locale locale;
    private final ScenariosModel model;
    private final ScenarioEditorModel editor;

    FollowView(ResourceBundle text, Locale locale, ScenariosModel model, ScenarioEditorModel editor) {
        this.text = text;
        this.locale = locale;
        this.model = model;
        this.editor = editor;
    }

    Node follow() {
        Label intro = new Label(text.getString("scenario.status.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Button refresh = new Button(text.getString("scenario.status.refresh"));
        refresh.setId("scenarioRefresh");
        refresh.setOnAction(e -> model.loadStatus());
        TableView<StepCounts> counts = new TableView<>(model.counts());
        counts.setId("scenarioCounts");
        Label none = new Label(text.getString("scenario.status.draft"));
        none.setWrapText(true);
        counts.setPlaceholder(none);
        counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        counts.getColumns().setAll(FXCollections.observableArrayList(
                column("scenario.sim.col.step", c -> Text.format(text, locale, "scenario.sim.stepChoice",
                        c.stepNumber(), stepTitle(c.stepId())), 260),
                column("scenario.status.col.waiting", c -> Integer.toString(c.waiting()), 70),
                column("scenario.status.col.held", c -> Integer.toString(c.held()), 70),
                column("scenario.status.col.queued", c -> Integer.toString(c.queued()), 80),
                column("scenario.status.col.sent", c -> Integer.toString(c.sent()), 70),
                column("scenario.status.col.skipped", c -> Integer.toString(c.skipped()), 70),
                column("scenario.status.col.failed", c -> Integer.toString(c.failed()), 70)));
        counts.setPrefHeight(180);
        counts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.showContactsAt(b.stepId());
            }
        });
        TableView<RunStep> people = new TableView<>(model.contacts());
        people.setId("scenarioContactsAt");
        people.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        people.getColumns().setAll(FXCollections.observableArrayList(
                run("scenario.sim.col.contact", RunStep::contact, 180),
                run("scenario.status.col.version", r -> Integer.toString(r.version()), 60),
                run("scenario.status.col.state", r -> model.runState(r.state()), 160),
                run("scenario.status.col.due", model::due, 200),
                run("scenario.status.col.reason", RunStep::reason, 220)));
        VBox.setVgrow(people, Priority.ALWAYS);
        VBox box = new VBox(8, intro, refresh, counts, people);
        box.setPadding(new Insets(8));
        return box;
    }

    /** {@code move}: asks, then moves the runs of the version given. */
    Node versions(IntConsumer move) {
        Label intro = new Label(text.getString("scenario.versions.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ListView<ScenarioVersion> list = new ListView<>(model.versions());
        list.setId("scenarioVersions");
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScenarioVersion s, boolean empty) {
                super.updateItem(s, empty);
                var chosen = model.chosenProperty().get();
                ZoneId z = chosen == null ? ZoneId.systemDefault() : chosen.zone();
                setText(empty || s == null ? null : Text.format(text, locale, "scenario.versions.row", s.version(),
                        s.steps().size(), s.createdAt().atZone(z).format(day),
                        chosen != null && chosen.version() == s.version() ? 1 : 0));
            }
        });
        Button moveButton = new Button(text.getString("scenario.versions.move"));
        moveButton.setId("scenarioMove");
        moveButton.setOnAction(e -> {
            ScenarioVersion v = list.getSelectionModel().getSelectedItem();
            if (v != null) {
                move.accept(v.version());
            }
        });
        moveButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ScenarioVersion v = list.getSelectionModel().getSelectedItem();
            var s = model.chosenProperty().get();
            return v == null || s == null || v.version() >= s.version();
        }, list.getSelectionModel().selectedItemProperty(), model.chosenProperty()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, intro, list, moveButton);
        box.setPadding(new Insets(8));
        return box;
    }

    private String stepTitle(String stepId) {
        return editor.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .map(s -> editor.storyTitle(s.storyProperty().get())).orElse(stepId);
    }

    private TableColumn<StepCounts, String> column(String key, Function<StepCounts, String> value, double width) {
        TableColumn<StepCounts, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<RunStep, String> run(String key, Function<RunStep, String> value, double width) {
        TableColumn<RunStep, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
