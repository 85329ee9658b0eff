package org.cristal.ui.scenario;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cristal.library.ChannelAccount;
import org.cristal.library.StorySummary;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Step;

/**
 * The editor tab: the scenario's settings, its steps as sentences one under the other (the chosen one's
 * fields below the list), and its exit rules. Every field is a plain control, reachable with Tab.
 */
final class StepsView {
    private static final List<String> ZONES = List.of("Europe/Paris", "Europe/Brussels", "Europe/Zurich",
            "Europe/Luxembourg", "America/Montreal", "America/Toronto", "Africa/Casablanca", "Africa/Dakar",
            "Indian/Reunion", "America/Martinique", "Pacific/Tahiti", "Europe/London", "America/New_York", "UTC");
    private final ResourceBundle text;
    private final ScenarioEditorModel editor;
    private final ListView<StepForm> list = new ListView<>();
    private final VBox detail = new VBox(6);

    StepsView(ResourceBundle text, Locale locale, ScenarioEditorModel editor) {
        this.text = text;
        this.editor = editor;
    }

    Node node() {
        TextField name = new TextField();
        name.setId("scenarioName");
        name.textProperty().bindBidirectional(editor.nameProperty());
        ComboBox<String> segment = new ComboBox<>();
        segment.setId("scenarioSegment");
        segment.setEditable(true);
        segment.setPromptText(text.getString("scenario.edit.segmentEveryone"));
        Runnable segments = () -> segment.getItems().setAll(editor.segments().stream()
                .map(c -> c.segment().name()).toList());
        editor.segments().addListener((javafx.collections.ListChangeListener<Object>) c -> segments.run());
        segments.run();
        segment.valueProperty().bindBidirectional(editor.segmentProperty());
        ComboBox<Reentry> reentry = choice("scenarioReentry", FXCollections.observableArrayList(Reentry.values()),
                r -> text.getString(Labels.reentry(r)));
        reentry.valueProperty().bindBidirectional(editor.reentryProperty());
        TextField days = small("scenarioReentryDays");
        days.textProperty().bindBidirectional(editor.reentryDaysProperty());
        days.disableProperty().bind(editor.reentryProperty().isEqualTo(Reentry.NEVER));
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(ZONES));
        zone.setId("scenarioZone");
        zone.setEditable(true);
        if (!ZONES.contains(ZoneId.systemDefault().getId())) {
            zone.getItems().add(0, ZoneId.systemDefault().getId());
        }
        zone.valueProperty().bindBidirectional(editor.zoneProperty());

        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        settings.addRow(0, label("scenario.edit.name", name), name, label("scenario.edit.segment", segment), segment);
        settings.addRow(1, label("scenario.edit.reentry", reentry), reentry, label("scenario.edit.reentryDays", days),
                days);
        settings.addRow(2, label("scenario.edit.zone", zone), zone);
        GridPane.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);

        list.setId("scenarioSteps");
        list.setItems(editor.steps());
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepForm f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : editor.sentence(f));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showStep(b));
        editor.steps().addListener((javafx.collections.ListChangeListener<StepForm>) c -> {
            if (list.getSelectionModel().getSelectedItem() == null && !editor.steps().isEmpty()) {
                list.getSelectionModel().select(0);
            }
            list.refresh();
        });
        Button add = new Button(text.getString("scenario.edit.addStep"));
        add.setId("scenarioAddStep");
        add.setOnAction(e -> list.getSelectionModel().select(editor.addStep()));
        Label steps = new Label(text.getString("scenario.edit.steps"));
        steps.setLabelFor(list);
        steps.getStyleClass().add("field-label");

        VBox exits = new VBox(4);
        Runnable fillExits = () -> exits.getChildren().setAll(editor.exits().stream().map(this::exitRow).toList());
        editor.exits().addListener((javafx.collections.ListChangeListener<ExitForm>) c -> fillExits.run());
        fillExits.run();
        Button addExit = new Button(text.getString("scenario.edit.addExit"));
        addExit.setId("scenarioAddExit");
        addExit.setOnAction(e -> editor.addExit());
        Label exitsLabel = new Label(text.getString("scenario.edit.exits"));
        exitsLabel.getStyleClass().add("field-label");

        VBox box = new VBox(8, settings, steps, list, new HBox(8, add), detail, exitsLabel, exits, addExit);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The fields of one step, below the list; each change redraws its sentence. */
    private void showStep(StepForm f) {
        detail.getChildren().clear();
        if (f == null) {
            return;
        }
        ComboBox<String> story = ids("stepStory", editor.stories().stream().map(StorySummary::id).toList(),
                editor::storyTitle);
        story.valueProperty().bindBidirectional(f.storyProperty());
        TextField variant = small("stepVariant");
        variant.textProperty().bindBidirectional(f.variantProperty());
        ComboBox<String> account = ids("stepAccount", editor.accounts().stream().map(ChannelAccount::id).toList(),
                id -> editor.accounts().stream().filter(a -> a.id().equals(id)).map(ChannelAccount::name)
                        .findFirst().orElse(id));
        account.valueProperty().bindBidirectional(f.accountProperty());
        ComboBox<Step.Timing> timing = choice("stepTiming", FXCollections.observableArrayList(Step.Timing.values()),
                t -> text.getString(Labels.timing(t)));
        timing.valueProperty().bindBidirectional(f.timingProperty());
        TextField days = small("stepDays");
        days.setPromptText(text.getString("scenario.edit.days"));
        days.textProperty().bindBidirectional(f.daysProperty());
        TextField hours = small("stepHours");
        hours.setPromptText(text.getString("scenario.edit.hours"));
        hours.textProperty().bindBidirectional(f.hoursProperty());
        Label dLabel = new Label(text.getString("scenario.edit.days"));
        dLabel.setLabelFor(days);
        Label hLabel = new Label(text.getString("scenario.edit.hours"));
        hLabel.setLabelFor(hours);
        HBox wait = new HBox(6, days, dLabel, hours, hLabel);
        wait.setAlignment(Pos.CENTER_LEFT);
        DatePicker date = new DatePicker();
        date.setId("stepDate");
        date.valueProperty().bindBidirectional(f.dateProperty());
        boolean[] onDate = {false};
        Runnable timingShown = () -> {
            onDate[0] = f.timingProperty().get() == Step.Timing.ON_DATE;
            wait.setDisable(onDate[0]);
            date.setDisable(!onDate[0]);
        };
        f.timingProperty().addListener(o -> timingShown.run());
        timingShown.run();
        TextField time = small("stepTime");
        time.textProperty().bindBidirectional(f.timeProperty());
        for (javafx.beans.Observable o : List.of(f.storyProperty(), f.variantProperty(), f.accountProperty(),
                f.timingProperty(), f.daysProperty(), f.hoursProperty(), f.dateProperty(), f.timeProperty())) {
            o.addListener(x -> list.refresh());
        }

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, label("scenario.edit.story", story), story, label("scenario.edit.variant", variant), variant);
        g.addRow(1, label("scenario.edit.account", account), account, label("scenario.edit.timing", timing), timing);
        g.addRow(2, label("scenario.edit.wait", days), wait, label("scenario.edit.date", date), date);
        g.addRow(3, label("scenario.edit.time", time), time);

        VBox conditions = new VBox(4);
        Runnable fill = () -> conditions.getChildren().setAll(f.conditions().stream()
                .map(c -> conditionRow(f, c)).toList());
        f.conditions().addListener((javafx.collections.ListChangeListener<ConditionForm>) c -> fill.run());
        fill.run();
        Button addCondition = new Button(text.getString("scenario.edit.addCondition"));
        addCondition.setId("stepAddCondition");
        addCondition.setOnAction(e -> f.conditions().add(new ConditionForm()));
        Button up = button("stepUp", "scenario.edit.up", () -> editor.move(f, -1));
        Button down = button("stepDown", "scenario.edit.down", () -> editor.move(f, 1));
        Button remove = button("stepRemove", "scenario.edit.remove", () -> editor.remove(f));
        Label only = new Label(text.getString("scenario.edit.conditions"));
        only.getStyleClass().add("field-label");
        detail.getChildren().setAll(g, only, conditions, new FlowPane(8, 6, addCondition, up, down, remove));
        detail.setPadding(new Insets(6, 0, 6, 12));
        detail.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 0 3;");
    }

    private Node conditionRow(StepForm step, ConditionForm c) {
        ComboBox<Condition.Kind> kind = choice("conditionKind",
                FXCollections.observableArrayList(Condition.Kind.values()), k -> text.getString(Labels.condition(k)));
        kind.valueProperty().bindBidirectional(c.kindProperty());
        ComboBox<String> argument = ids("conditionArgument", List.of(), id -> argumentLabel(c, id));
        Runnable choices = () -> {
            Condition.Kind k = c.kindProperty().get();
            argument.setDisable(k == Condition.Kind.CONSENTING);
            if (k == Condition.Kind.IN_SEGMENT) {
                argument.getItems().setAll(editor.segments().stream().map(s -> s.segment().name()).toList());
            } else {
                int i = editor.steps().indexOf(step);
                argument.getItems().setAll(editor.steps().subList(0, Math.max(0, i)).stream().map(StepForm::id).toList());
            }
        };
        c.kindProperty().addListener(o -> choices.run());
        choices.run();
        argument.valueProperty().bindBidirectional(c.argumentProperty());
        CheckBox not = new CheckBox(text.getString("scenario.edit.not"));
        not.setId("conditionNot");
        not.selectedProperty().bindBidirectional(c.negatedProperty());
        Button remove = button("conditionRemove", "scenario.edit.remove", () -> step.conditions().remove(c));
        HBox row = new HBox(6, kind, argument, not, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private String argumentLabel(ConditionForm c, String id) {
        if (c.kindProperty().get() == Condition.Kind.IN_SEGMENT) {
            return id;
        }
        return editor.steps().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(editor::sentence).orElse(id);
    }

    private Node exitRow(ExitForm e) {
        ComboBox<ExitRule.Kind> kind = choice("exitKind", FXCollections.observableArrayList(ExitRule.Kind.values()),
                k -> text.getString(Labels.exit(k)));
        kind.valueProperty().bindBidirectional(e.kindProperty());
        ComboBox<String> argument = ids("exitArgument", List.of(), id -> e.kindProperty().get()
                == ExitRule.Kind.RECEIVED_STORY ? editor.storyTitle(id) : id);
        Runnable choices = () -> {
            ExitRule.Kind k = e.kindProperty().get();
            argument.setDisable(!ExitForm.needsArgument(k));
            argument.getItems().setAll(k == ExitRule.Kind.RECEIVED_STORY
                    ? editor.stories().stream().map(StorySummary::id).toList()
                    : editor.segments().stream().map(s -> s.segment().name()).toList());
        };
        e.kindProperty().addListener(o -> choices.run());
        choices.run();
        argument.valueProperty().bindBidirectional(e.argumentProperty());
        Button remove = button("exitRemove", "scenario.edit.remove", () -> editor.exits().remove(e));
        HBox row = new HBox(6, kind, argument, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static <T> ComboBox<T> choice(String id, ObservableList<T> items, Function<T, String> label) {
        ComboBox<T> c = new ComboBox<>(items);
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return items.stream().filter(t -> label.apply(t).equals(s)).findFirst().orElse(null);
            }
        });
        return c;
    }

    /** A choice of ids shown by their names (a story by its title, an account by its name). */
    private static ComboBox<String> ids(String id, List<String> ids, Function<String, String> label) {
        ComboBox<String> c = choice(id, FXCollections.observableArrayList(ids), label);
        c.setMaxWidth(360);
        return c;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.getString(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TextField small(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(5);
        return t;
    }

    private Label label(String key, Node control) {
        Label l = new Label(text.getString(key));
        l.setLabelFor(control);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(220);
        return l;
    }
}
