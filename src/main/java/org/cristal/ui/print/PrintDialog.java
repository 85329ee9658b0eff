package org.cristal.ui.print;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cristal.render.PaperSize;
import org.cristal.render.brochure.MailWindow;
import org.cristal.ui.Choosers;

/**
 * "Print for each contact…" (Publish menu): segment, paper, window, merged file and labels, the folder; who gets
 * a copy and who is left out before starting; progress, cancel, and the folder opened at the end.
 */
public final class PrintDialog {
    private final ResourceBundle text;
    private final PrintModel model;
    private final Choosers choosers;
    private final Consumer<String> links;
    private Window owner;

    private PrintDialog(ResourceBundle text, PrintModel model, Choosers choosers, Consumer<String> links) {
        this.text = text;
        this.model = model;
        this.choosers = choosers;
        this.links = links;
    }

    public static Dialog<ButtonType> show(Window owner, ResourceBundle text, PrintModel model, Choosers choosers,
            Consumer<String> links) {
        PrintDialog view = new PrintDialog(text, model, choosers, links);
        view.owner = owner;
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(text.getString("print.title"));
        dialog.getDialogPane().setId("printDialog");
        dialog.getDialogPane().setContent(view.node());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setPrefWidth(620);
        // Closing the window stops a run between two copies: nothing half-made is claimed.
        dialog.setOnHidden(e -> model.cancel());
        model.load();
        dialog.show();
        return dialog;
    }

    Node node() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        ComboBox<String> segment = new ComboBox<>(model.segments());
        segment.setId("printSegment");
        segment.valueProperty().bindBidirectional(model.segmentProperty());
        row(grid, r++, "print.segment", segment);
        ComboBox<PaperSize> paper = new ComboBox<>();
        paper.setId("printPaper");
        paper.getItems().addAll(PaperSize.A4, PaperSize.A5, PaperSize.TRI_FOLD);
        paper.setConverter(converter(p -> text.getString(switch (p) {
            case A5 -> "print.paper.a5";
            case TRI_FOLD -> "print.paper.tri_fold";
            default -> "print.paper.a4";
        })));
        paper.valueProperty().bindBidirectional(model.paperProperty());
        row(grid, r++, "print.paper", paper);
        ComboBox<MailWindow> window = new ComboBox<>();
        window.setId("printWindow");
        window.getItems().addAll(null, MailWindow.LEFT, MailWindow.RIGHT);
        window.setConverter(converter(w -> text.getString(w == null ? "print.window.auto"
                : w == MailWindow.LEFT ? "print.window.left" : "print.window.right")));
        window.valueProperty().bindBidirectional(model.windowProperty());
        row(grid, r++, "print.window", window);
        CheckBox merged = new CheckBox(text.getString("print.merged"));
        merged.setId("printMerged");
        merged.selectedProperty().bindBidirectional(model.mergedProperty());
        CheckBox labels = new CheckBox(text.getString("print.labels"));
        labels.setId("printLabels");
        labels.selectedProperty().bindBidirectional(model.labelsProperty());
        grid.add(new VBox(6, merged, labels), 1, r++);
        Label folder = new Label();
        folder.setId("printFolder");
        folder.textProperty().bind(model.folderProperty().asString());
        Button choose = new Button(text.getString("print.chooseFolder"));
        choose.setId("printChooseFolder");
        choose.setOnAction(e -> choosers.folder(owner, text.getString("print.chooseFolder"))
                .ifPresent(model.folderProperty()::set));
        row(grid, r++, "print.folder", new HBox(8, choose, folder));
        grid.disableProperty().bind(model.runningProperty());

        Label summary = new Label();
        summary.setId("printSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.setId("printProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("printProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        Button start = new Button(text.getString("print.start"));
        start.setId("printStart");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.readyProperty().not().or(model.runningProperty()));
        start.setOnAction(e -> model.start());
        Button cancel = new Button(text.getString("print.cancel"));
        cancel.setId("printCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button open = new Button(text.getString("print.openFolder"));
        open.setId("printOpenFolder");
        open.visibleProperty().bind(model.finishedProperty());
        open.setOnAction(e -> {
            Path f = model.folderProperty().get();
            if (f != null) {
                links.accept(f.toUri().toString());
            }
        });
        VBox box = new VBox(12, grid, summary, problem, bar, new HBox(10, start, cancel, open));
        box.setPadding(new Insets(12));
        return box;
    }

    private void row(GridPane grid, int r, String key, Node field) {
        Label label = new Label(text.getString(key));
        label.setLabelFor(field);
        grid.add(label, 0, r);
        grid.add(field, 1, r);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
