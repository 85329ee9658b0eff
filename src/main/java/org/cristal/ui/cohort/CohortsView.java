package org.cristal.ui.cohort;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.cohort.CohortMeasure;
import org.cristal.library.cohort.CohortPeriod;
import org.cristal.library.cohort.CohortStart;
import org.cristal.ui.Styles;

/**
 * The cohorts screen: the choices on top, then the table as a heat map. Each cell has its number written
 * in it; its shade is one blue from light to dark (a single hue reads the same to colour-blind eyes), with
 * the text dark or white for contrast, on the cell's own background so it reads the same in both themes.
 */
final class CohortsView {
    /** ColorBrewer's Blues, light to dark. */
    private static final String[] BLUES = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6",
        "#2171b5", "#08519c", "#08306b"};

    private final ResourceBundle text;
    private final CohortsModel model;
    private final Function<String, Optional<Path>> save;
    private final GridPane grid = new GridPane();

    CohortsView(ResourceBundle text, CohortsModel model, Function<String, Optional<Path>> save) {
        this.text = text;
        this.model = model;
        this.save = save;
    }

    Dialog<ButtonType> open(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(text.getString("cohorts.title"));
        dialog.setResizable(true);
        Styles.add(dialog);
        grid.setId("cohortsGrid");
        grid.setHgap(3);
        grid.setVgap(3);
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("cohortsSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        Label note = new Label();
        note.setId("cohortsNote");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(model.noteProperty());
        Label message = new Label();
        message.setId("cohortsMessage");
        message.textProperty().bind(javafx.beans.binding.Bindings.when(model.problemProperty().isEmpty())
                .then(model.messageProperty()).otherwise(model.problemProperty()));
        VBox content = new VBox(8, choices(), summary, scroll, note, message);
        content.setPadding(new Insets(4));
        model.rows().addListener((ListChangeListener<CohortsModel.Row>) c -> fill());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(1100, 620);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("cohortsClose");
        dialog.show();
        Styles.size(dialog, 1140, 680);
        return dialog;
    }

    private Node choices() {
        HBox by = group("cohorts.by", model.byProperty(), CohortPeriod.values(),
                p -> p == CohortPeriod.WEEK ? "cohorts.by.week" : "cohorts.by.month", "cohortsBy");
        HBox from = group("cohorts.from", model.fromProperty(), CohortStart.values(),
                s -> s == CohortStart.JOINED ? "cohorts.from.joined" : "cohorts.from.consent", "cohortsFrom");
        HBox measure = group("cohorts.measure", model.measureProperty(), CohortMeasure.values(), m -> switch (m) {
            case CONSENTING -> "cohorts.measure.consenting";
            case MESSAGES -> "cohorts.measure.messages";
            case VISITS -> "cohorts.measure.visits";
        }, "cohortsMeasure");
        Button csv = new Button(text.getString("cohorts.exportCsv"));
        csv.setId("cohortsExportCsv");
        csv.disableProperty().bind(model.tableProperty().isNull());
        csv.setOnAction(e -> save.apply(model.fileName()).ifPresent(model::exportCsv));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(16, 6, by, from, measure, csv);
        return row;
    }

    /** A label and one toggle per value, exactly one always pressed, bound to {@code property}. */
    private <T extends Enum<T>> HBox group(String label, javafx.beans.property.ObjectProperty<T> property,
            T[] values, Function<T, String> key, String idPrefix) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(4, new Label(text.getString(label)));
        box.setAlignment(Pos.CENTER_LEFT);
        for (T v : values) {
            ToggleButton b = new ToggleButton(text.getString(key.apply(v)));
            b.setId(idPrefix + camel(v.name()));
            b.setToggleGroup(group);
            b.setUserData(v);
            b.setSelected(v == property.get());
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one choice always stands
            } else {
                @SuppressWarnings("unchecked")
                T v = (T) now.getUserData();
                property.set(v);
            }
        });
        return box;
    }

    private static String camel(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Lays the table out again: a header line, then one line per cohort; periods to come stay blank. */
    private void fill() {
        grid.getChildren().clear();
        grid.add(head(text.getString("cohorts.col.cohort")), 0, 0);
        grid.add(head(text.getString("cohorts.col.size")), 1, 0);
        for (int k = 0; k < model.columns().size(); k++) {
            grid.add(head(model.columns().get(k)), k + 2, 0);
        }
        for (int r = 0; r < model.rows().size(); r++) {
            CohortsModel.Row row = model.rows().get(r);
            grid.add(new Label(row.cohort()), 0, r + 1);
            Label size = new Label(row.size());
            size.setMaxWidth(Double.MAX_VALUE);
            size.setAlignment(Pos.CENTER_RIGHT);
            grid.add(size, 1, r + 1);
            for (int k = 0; k < row.cells().size(); k++) {
                grid.add(cell(row.cells().get(k), r, k), k + 2, r + 1);
            }
        }
    }

    private static Label head(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label cell(CohortsModel.Cell c, int row, int k) {
        Label l = new Label(c.text());
        l.setId("cohortCell-" + row + "-" + k);
        l.setMinWidth(92);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        l.setPadding(new Insets(4, 6, 4, 6));
        int shade = (int) Math.round(Math.max(0, Math.min(1, c.level())) * (BLUES.length - 1));
        // White from #2171b5 on, dark below: both above 4.5:1 (WCAG AA) on every shade.
        String ink = shade >= 6 ? "white" : "#102030";
        // A period under way has a dashed edge: its figures are so far, not final.
        l.setStyle("-fx-background-color: " + BLUES[shade] + "; -fx-text-fill: " + ink + "; -fx-background-radius: 3;"
                + (c.underway() ? " -fx-border-color: #6b7a8a; -fx-border-style: dashed; -fx-border-radius: 3;" : ""));
        Tooltip.install(l, new Tooltip(c.tip()));
        return l;
    }
}
