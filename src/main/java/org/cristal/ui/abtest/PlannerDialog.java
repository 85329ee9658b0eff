package org.cristal.ui.abtest;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Publish › A/B test planner…: how many contacts a test needs and what the send can detect, answered as you
 * type; and a second tab to judge a finished test's counts.
 */
public final class PlannerDialog {
    private final ResourceBundle text;
    private final PlannerModel plan;
    private final EvaluateModel evaluate;
    private final EvaluationView evaluation;

    public PlannerDialog(ResourceBundle text, Locale locale) {
        this.text = text;
        this.plan = new PlannerModel(text, locale);
        this.evaluate = new EvaluateModel(text, locale);
        this.evaluation = new EvaluationView(text, locale);
        evaluation.evaluationProperty().bind(evaluate.evaluationProperty());
    }

    public static Dialog<ButtonType> show(Window owner, ResourceBundle text, Locale locale) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(text.getString("abtest.planner.title"));
        dialog.getDialogPane().setId("abtestPlanner");
        dialog.getDialogPane().setContent(new PlannerDialog(text, locale).node());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.show();
        return dialog;
    }

    Node node() {
        Tab planTab = new Tab(text.getString("abtest.planner.planTab"), planPane());
        planTab.setId("abtestPlanTab");
        Tab evaluateTab = new Tab(text.getString("abtest.planner.evaluateTab"), evaluatePane());
        evaluateTab.setId("abtestEvaluateTab");
        TabPane tabs = new TabPane(planTab, evaluateTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node planPane() {
        GridPane grid = form();
        int r = 0;
        field(grid, r++, "abtest.planner.baseline", "plannerBaseline", plan.baselineProperty(), "%");
        TextField effect = field(grid, r++, "abtest.planner.effect", "plannerEffect", plan.effectProperty(), null);
        ComboBox<String> unit = new ComboBox<>();
        unit.setId("plannerEffectUnit");
        unit.getItems().addAll(text.getString("abtest.planner.points"), text.getString("abtest.planner.relative"));
        unit.getSelectionModel().select(plan.relativeProperty().get() ? 1 : 0);
        unit.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                plan.relativeProperty().set(now.intValue() == 1));
        unit.setAccessibleText(text.getString("abtest.planner.unit"));
        grid.add(unit, 2, r - 1);
        effect.setAccessibleHelp(text.getString("abtest.planner.effectHelp"));
        field(grid, r++, "abtest.planner.alpha", "plannerAlpha", plan.alphaProperty(), "%");
        field(grid, r++, "abtest.planner.power", "plannerPower", plan.powerProperty(), "%");
        field(grid, r, "abtest.planner.contacts", "plannerContacts", plan.contactsProperty(), null)
                .setPromptText(text.getString("abtest.planner.contactsPrompt"));
        Label needed = answer("plannerNeeded", plan.neededProperty());
        Label reach = answer("plannerReach", plan.reachProperty());
        Label warning = answer("plannerWarning", plan.warningProperty());
        warning.getStyleClass().add("field-problem");
        warning.setStyle("-fx-font-weight: bold;");
        Label problem = answer("plannerProblem", plan.problemProperty());
        problem.getStyleClass().add("field-problem");
        Label help = answer("plannerHelp", null);
        help.setText(text.getString("abtest.planner.help"));
        help.getStyleClass().add("evaluation-note");
        VBox box = new VBox(12, grid, problem, needed, reach, warning, help);
        box.setPadding(new Insets(14));
        return box;
    }

    private Node evaluatePane() {
        GridPane grid = form();
        field(grid, 0, "abtest.evaluate.a", "evaluateConversionsA", evaluate.conversionsAProperty(), null);
        field(grid, 1, "abtest.evaluate.b", "evaluateConversionsB", evaluate.conversionsBProperty(), null);
        grid.add(contactsField("evaluateContactsA", evaluate.contactsAProperty()), 2, 0);
        grid.add(contactsField("evaluateContactsB", evaluate.contactsBProperty()), 2, 1);
        field(grid, 2, "abtest.evaluate.planned", "evaluatePlanned", evaluate.plannedProperty(), null)
                .setPromptText(text.getString("abtest.evaluate.plannedPrompt"));
        field(grid, 3, "abtest.planner.alpha", "evaluateAlpha", evaluate.alphaProperty(), "%");
        Label problem = answer("evaluateProblem", evaluate.problemProperty());
        problem.getStyleClass().add("field-problem");
        VBox box = new VBox(12, grid, problem, evaluation.node());
        box.setPadding(new Insets(14));
        return box;
    }

    private Node contactsField(String id, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        t.setPromptText(text.getString("abtest.evaluate.contactsPrompt"));
        t.setAccessibleText(text.getString("abtest.evaluate.contactsPrompt"));
        t.textProperty().bindBidirectional(value);
        Label of = new Label(text.getString("abtest.evaluate.outOf"));
        return new javafx.scene.layout.HBox(6, of, t);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    private TextField field(GridPane grid, int row, String key, String id, javafx.beans.property.StringProperty value,
            String unit) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        t.textProperty().bindBidirectional(value);
        Label label = new Label(text.getString(key));
        label.setLabelFor(t);
        label.setWrapText(true);
        grid.addRow(row, label, t);
        if (unit != null) {
            grid.add(new Label(unit), 2, row);
        }
        return t;
    }

    private static Label answer(String id, ObservableStringValue value) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(600);
        if (value != null) {
            l.textProperty().bind(value);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
        }
        return l;
    }
}
