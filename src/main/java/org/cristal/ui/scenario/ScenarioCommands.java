package org.cristal.ui.scenario;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.cristal.library.scenario.Scenario;
import org.cristal.publish.scenario.ScenarioRunner;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** Opens the scenarios screen (Publish menu), and what its buttons ask of the window: a confirmation, a file. */
public final class ScenarioCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final ResourceBundle text;
    private Dialog<ButtonType> open;

    public ScenarioCommands(CommandContext window) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
    }

    public void show() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (open != null && open.isShowing()) {
            open.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        ScenarioEditorModel editor = new ScenarioEditorModel(model.workers(), model.workspaceProperty()::get, text,
                model.locale());
        // One runner per call: it holds nothing but the publisher of the workspace open now.
        java.util.function.Supplier<ScenarioRunner> runner = () -> new ScenarioRunner(model.publishing().publisher());
        ScenariosModel list = new ScenariosModel(model.workers(), model.workspaceProperty()::get, runner, text,
                model.locale());
        SimulationModel sim = new SimulationModel(model.workers(), name -> runner.get().simulate(name), text,
                model.locale(), editor);
        ScenarioView[] view = new ScenarioView[1];
        view[0] = new ScenarioView(text, model.locale(), list, editor, sim, new ScenarioView.Actions() {
            @Override
            public void act(ScenariosModel.Action action) {
                // Starting runs what the editor shows: it is saved first, as the simulation is.
                CompletableFuture<Scenario> ready = action == ScenariosModel.Action.START ? view[0].save()
                        : CompletableFuture.completedFuture(list.chosenProperty().get());
                ready.thenAccept(s -> {
                    if (s != null && list.allowed(action) && confirm(list.question(action))) {
                        list.apply(action).thenAccept(done -> {
                            if (done) {
                                editor.edit(list.chosenProperty().get());
                                list.loadStatus();
                            }
                        });
                    }
                });
            }

            @Override
            public void simulate() {
                view[0].save().thenAccept(s -> {
                    if (s != null) {
                        sim.run(s.name());
                    }
                });
            }

            @Override
            public void exportCsv() {
                Scenario s = list.chosenProperty().get();
                window.choosers().saveFile(owner(), text.getString("scenario.sim.export"),
                        (s == null ? "scenario" : s.name()) + ".csv").ifPresent((Path file) ->
                        window.then(sim.exportCsv(file), n -> window.notify(window.format("scenario.sim.exported",
                                n, file.getFileName()))));
            }

            @Override
            public void move(int fromVersion) {
                if (confirm(list.moveQuestion(fromVersion))) {
                    list.move(fromVersion);
                }
            }
        });
        open = view[0].open(window.stage());
    }

    /** One sentence that says what will happen; Enter does not confirm a stop by accident (Cancel is default). */
    private boolean confirm(String sentence) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner());
        ask.setTitle(text.getString("scenario.title"));
        ask.setHeaderText(null);
        ask.setContentText(sentence);
        ask.getDialogPane().setPrefWidth(560);
        ButtonType yes = new ButtonType(text.getString("scenario.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(yes, no);
        ask.getDialogPane().lookupButton(yes).setId("scenarioConfirm");
        ((Button) ask.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return ask.showAndWait().filter(b -> b == yes).isPresent();
    }

    private Window owner() {
        return open == null ? window.stage() : open.getDialogPane().getScene().getWindow();
    }
}
