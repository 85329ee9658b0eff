package org.cristal.ui.scenario;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.cristal.library.scenario.Scenario;
import org.cristal.ui.Styles;

/**
 * The scenarios screen: the list on the left (state, version, segment and its size); on the right the chosen
 * scenario's state in one sentence with start / pause / resume / stop, and its tabs: steps, simulate,
 * follow-up, versions.
 */
final class ScenarioView {
    /** What the screen's buttons ask of the window: a confirmation, a file. */
    interface Actions {
        void act(ScenariosModel.Action action);

        void simulate();

        void exportCsv();

        void move(int fromVersion);
    }

    private final ResourceBundle text;
    private final Locale locale;
    private final ScenariosModel model;
    private final ScenarioEditorModel editor;
    private final SimulationModel sim;
    private final Actions actions;
    private final ListView<ScenariosModel.Listed> list = new ListView<>();

    ScenarioView(ResourceBundle text, Locale locale, ScenariosModel model, ScenarioEditorModel editor,
            SimulationModel sim, Actions actions) {
        this.text = text;
        this.locale = locale;
        this.model = model;
        this.editor = editor;
        this.sim = sim;
        this.actions = actions;
    }

    Dialog<ButtonType> open(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(text.getString("scenario.title"));
        dialog.setResizable(true);
        Styles.add(dialog);
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.25);
        dialog.getDialogPane().setContent(split);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        model.load().thenRun(() -> {
            if (!model.scenarios().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        editor.loadChoices().thenRun(() -> {
            if (model.scenarios().isEmpty() && editor.scenarioProperty().get() == null) {
                editor.startNew();
            }
        });
        dialog.show();
        Styles.size(dialog, 1280, 760);
        return dialog;
    }

    private Node left() {
        list.setId("scenarioList");
        list.setItems(model.scenarios());
        Label none = new Label(text.getString("scenario.list.none"));
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScenariosModel.Listed l, boolean empty) {
                super.updateItem(l, empty);
                setText(null);
                if (empty || l == null) {
                    setGraphic(null);
                    return;
                }
                // Name on its own line, then state, version and segment, wrapped: a narrow list cuts nothing.
                String[] lines = model.row(l).split("\n", 2);
                Label name = new Label(lines[0]);
                name.getStyleClass().add("text-bold");
                Label more = new Label(lines.length > 1 ? lines[1] : "");
                for (Label x : new Label[] {name, more}) {
                    x.setWrapText(true);
                    x.setMinHeight(Region.USE_PREF_SIZE);
                    x.maxWidthProperty().bind(list.widthProperty().subtract(40));
                }
                setGraphic(new VBox(2, name, more));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (model.chosenProperty().get() == null
                    || model.chosenProperty().get().id() != b.scenario().id()
                    || editor.scenarioProperty().get() == null)) {
                model.chosenProperty().set(b.scenario());
                editor.edit(b.scenario());
                model.loadStatus();
            }
        });
        Button add = new Button(text.getString("scenario.list.new"));
        add.setId("scenarioNew");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.chosenProperty().set(null);
            editor.startNew();
        });
        VBox box = new VBox(8, add, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setMinWidth(280);
        // The list is a column of names: the room goes to the scenario itself.
        box.setMaxWidth(400);
        SplitPane.setResizableWithParent(box, false);
        return box;
    }

    private Node right() {
        Label state = new Label();
        state.setId("scenarioState");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.getStyleClass().add("text-bold");
        state.textProperty().bind(model.stateProperty());
        Button start = action("scenarioStart", "scenario.action.start", ScenariosModel.Action.START);
        start.getStyleClass().add("accent");
        Button pause = action("scenarioPause", "scenario.action.pause", ScenariosModel.Action.PAUSE);
        Button resume = action("scenarioResume", "scenario.action.resume", ScenariosModel.Action.RESUME);
        Button stop = action("scenarioStop", "scenario.action.stop", ScenariosModel.Action.STOP);
        Runnable enable = () -> {
            start.setDisable(!model.allowed(ScenariosModel.Action.START));
            pause.setDisable(!model.allowed(ScenariosModel.Action.PAUSE));
            resume.setDisable(!model.allowed(ScenariosModel.Action.RESUME));
            stop.setDisable(!model.allowed(ScenariosModel.Action.STOP));
        };
        model.chosenProperty().addListener(o -> enable.run());
        enable.run();
        FlowPane buttons = new FlowPane(8, 6, start, pause, resume, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label done = new Label();
        done.setId("scenarioDone");
        done.setWrapText(true);
        done.textProperty().bind(model.doneProperty());
        done.managedProperty().bind(done.textProperty().isNotEmpty());
        done.visibleProperty().bind(done.textProperty().isNotEmpty());
        Label problem = SimulationView.problem("scenarioProblem", model.problemProperty());

        Tab steps = new Tab(text.getString("scenario.tab.steps"), editorTab());
        steps.setId("scenarioStepsTab");
        Tab simulate = new Tab(text.getString("scenario.tab.simulate"),
                new SimulationView(text, locale, sim, editor, actions::simulate, actions::exportCsv).node());
        simulate.setId("scenarioSimulateTab");
        FollowView follow = new FollowView(text, locale, model, editor);
        Tab running = new Tab(text.getString("scenario.tab.running"), follow.follow());
        running.setId("scenarioFollowTab");
        IntConsumer move = actions::move;
        Tab versions = new Tab(text.getString("scenario.tab.versions"), follow.versions(move));
        versions.setId("scenarioVersionsTab");
        TabPane tabs = new TabPane(steps, simulate, running, versions);
        tabs.setId("scenarioTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == running || b == versions) {
                model.loadStatus();
            }
        });
        VBox box = new VBox(8, state, buttons, done, problem, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node editorTab() {
        Node form = new StepsView(text, locale, editor).node();
        Label note = new Label();
        note.setId("scenarioVersionNote");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(editor.versionNoteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        Label problem = SimulationView.problem("scenarioEditProblem", editor.problemProperty());
        Label saved = new Label();
        saved.setId("scenarioSaved");
        saved.setWrapText(true);
        saved.textProperty().bind(editor.savedProperty());
        Button save = new Button(text.getString("scenario.edit.save"));
        save.setId("scenarioSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        FlowPane row = new FlowPane(8, 6, save, saved);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, form, note, problem, row);
        VBox.setVgrow(form, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    /** Saves the editor, then shows the saved scenario chosen in the list; completes with it (null: not saved). */
    java.util.concurrent.CompletableFuture<Scenario> save() {
        return editor.save().thenCompose(s -> s == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : model.load().thenApply(x -> {
                    model.chosenProperty().set(s);
                    model.scenarios().stream().filter(l -> l.scenario().id() == s.id()).findFirst()
                            .ifPresent(l -> list.getSelectionModel().select(l));
                    model.loadStatus();
                    return s;
                }));
    }

    private Button action(String id, String key, ScenariosModel.Action a) {
        Button b = new Button(text.getString(key));
        b.setId(id);
        b.setOnAction(e -> actions.act(a));
        return b;
    }
}
