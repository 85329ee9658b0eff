package org.cristal.ui.abtest;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.cristal.library.abtest.AbTestWords;
import org.cristal.library.abtest.Evaluation;
import org.cristal.library.abtest.Verdict;

/**
 * An A/B test's outcome as the owner should read it: each variant's rate with its range, the difference
 * with its range, the p-value, the chance that B is better, then the verdict and why no winner is named
 * early. Reusable: set {@link #evaluationProperty} (null shows nothing).
 */
public final class EvaluationView {
    private final ResourceBundle text;
    private final Locale locale;
    private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>();
    private final VBox box = new VBox(10);

    public EvaluationView(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        box.setId("evaluationView");
        box.getStyleClass().add("evaluation-view");
        evaluation.addListener((o, was, now) -> fill(now));
    }

    public ObjectProperty<Evaluation> evaluationProperty() {
        return evaluation;
    }

    public Node node() {
        return box;
    }

    private void fill(Evaluation e) {
        box.getChildren().clear();
        if (e == null) {
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        int r = 0;
        row(grid, r++, "abtest.evaluation.a", "evaluationA", AbTestWords.rate(e.a(), e.rateA(), locale));
        row(grid, r++, "abtest.evaluation.b", "evaluationB", AbTestWords.rate(e.b(), e.rateB(), locale));
        row(grid, r++, "abtest.evaluation.difference", "evaluationDifference", AbTestWords.difference(e, locale));
        row(grid, r++, "abtest.evaluation.p", "evaluationP", AbTestWords.pValue(e, locale));
        row(grid, r, "abtest.evaluation.chance", "evaluationChance", AbTestWords.bBeatsA(e, locale));
        Label verdict = wrapped("evaluationVerdict", AbTestWords.verdict(e, locale));
        verdict.getStyleClass().add(e.verdict() == Verdict.A_BETTER || e.verdict() == Verdict.B_BETTER
                ? "evaluation-winner" : "evaluation-none");
        verdict.setStyle("-fx-font-weight: bold;");
        Label peeking = wrapped("evaluationPeeking", AbTestWords.peeking(locale));
        peeking.getStyleClass().add("evaluation-note");
        box.getChildren().addAll(grid, verdict, peeking);
        String noPlan = AbTestWords.noPlan(e, locale);
        if (!noPlan.isEmpty()) {
            Label l = wrapped("evaluationNoPlan", noPlan);
            l.getStyleClass().add("evaluation-note");
            box.getChildren().add(l);
        }
    }

    private void row(GridPane grid, int r, String key, String id, String value) {
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        Label label = new Label(text.getString(key));
        label.setLabelFor(v);
        grid.addRow(r, label, v);
    }

    private static Label wrapped(String id, String s) {
        Label l = new Label(s);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(560);
        return l;
    }
}
