package org.cristal.ui.results;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cristal.library.abtest.AbTestReport;
import org.cristal.library.abtest.AbTests;
import org.cristal.ui.abtest.EvaluationView;

/**
 * The story's A/B tests on the results screen: for each, what every variant brought back and each variant
 * judged against A, with the same words as the planner's "after sending" tab (ranges, the chance that B
 * is better, no winner before the planned size).
 */
final class AbTestsPane extends ScrollPane {
    private final ResourceBundle text;
    private final ResultsText figures;
    private final ZoneId zone;
    private final VBox box = new VBox(18);

    AbTestsPane(ResourceBundle text, ResultsModel model, ZoneId zone) {
        this.text = text;
        this.figures = model.figures();
        this.zone = zone;
        setId("resultsAbTests");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        setContent(box);
        model.tests().addListener((ListChangeListener<AbTestReport>) c -> fill(model));
        fill(model);
    }

    private void fill(ResultsModel model) {
        box.getChildren().clear();
        if (model.tests().isEmpty()) {
            box.getChildren().add(wrapped("abTestsNone", text.getString("results.abtests.none")));
            return;
        }
        int n = 0;
        for (AbTestReport r : model.tests()) {
            box.getChildren().add(test(r, n++));
        }
    }

    private VBox test(AbTestReport r, int index) {
        AbTests.Test t = r.test();
        String element = switch (t.element()) {
            case "subject" -> text.getString("preview.variants.subject");
            case "title" -> text.getString("preview.variants.title");
            case "cta" -> text.getString("preview.variants.cta");
            case "lead" -> text.getString("preview.variants.lead");
            default -> t.element();
        };
        String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(figures.locale())
                .format(t.createdAt().atZone(zone));
        Label title = new Label(figures.format("results.abtests.title", element, when,
                text.getString(AbTests.CONVERSIONS.equals(t.outcome()) ? "results.abtests.outcome.conversions"
                        : "results.abtests.outcome.clicks")));
        title.setId("abTestTitle-" + index);
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setId("abTestArms-" + index);
        grid.setHgap(18);
        grid.setVgap(4);
        String[] heads = {"results.abtests.col.arm", "results.abtests.col.text", "results.abtests.col.contacts",
            "results.abtests.col.visitors", "results.abtests.col.conversions", "results.abtests.col.unsubscribed"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(text.getString(heads[c]));
            h.setStyle("-fx-font-weight: bold;");
            grid.add(h, c, 0);
        }
        int row = 1;
        for (AbTests.ArmOutcome a : r.arms()) {
            grid.add(new Label(figures.format("results.abtests.arm", a.arm().toUpperCase(figures.locale()))), 0, row);
            Label words = new Label(r.texts().getOrDefault(a.arm(), "–"));
            words.setId("abTestText-" + index + "-" + a.arm());
            words.setWrapText(true);
            words.setMaxWidth(360);
            grid.add(words, 1, row);
            grid.add(new Label(figures.number(a.contacts())), 2, row);
            grid.add(new Label(figures.number(a.visitors())), 3, row);
            grid.add(new Label(figures.number(a.conversions())), 4, row);
            grid.add(new Label(figures.number(a.unsubscribed())), 5, row);
            row++;
        }
        VBox out = new VBox(8, title, grid);
        for (AbTestReport.Comparison c : r.comparisons()) {
            if (r.comparisons().size() > 1) {
                out.getChildren().add(new Label(figures.format("results.abtests.against",
                        c.arm().toUpperCase(figures.locale()))));
            }
            c.evaluation().ifPresent(e -> {
                EvaluationView view = new EvaluationView(text, figures.locale());
                view.evaluationProperty().set(e);
                out.getChildren().add(view.node());
            });
            c.problem().ifPresent(p -> out.getChildren().add(wrapped("abTestProblem-" + index,
                    p.localizedMessage(figures.locale()))));
        }
        return out;
    }

    private static Label wrapped(String id, String s) {
        Label l = new Label(s);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
