package org.cristal.ui.history;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.DiffLine;
import org.cristal.library.RevisionInfo;

/** The story's revisions with a readable diff against the current text, and restore. */
public final class HistoryDialog {
    private HistoryDialog() {
    }

    public static void show(Window owner, ResourceBundle text, Locale locale, HistoryModel model, Runnable onError) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("history.title"));
        dialog.setResizable(true);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());

        ListView<RevisionInfo> revisions = new ListView<>(model.revisions());
        revisions.setId("historyList");
        revisions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RevisionInfo r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                String label = new MessageFormat(text.getString("history.revision"), locale)
                        .format(new Object[] {r.number(), when.format(r.savedAt())});
                setWrapText(true);
                setPrefWidth(0);
                setText(r.number() == model.revisions().get(0).number()
                        ? new MessageFormat(text.getString("history.currentLabel"), locale).format(new Object[] {label})
                        : label);
            }
        });
        revisions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && b != revisions.getSelectionModel().getSelectedItem()) {
                revisions.getSelectionModel().select(b);
            }
        });

        ListView<DiffLine> diff = new ListView<>(model.diff());
        diff.setId("historyDiff");
        diff.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DiffLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                String mark = switch (line.kind()) {
                    case ADDED -> "+ ";
                    case REMOVED -> "− ";
                    default -> "  ";
                };
                setText(mark + line.text());
                // Each diff line is a paragraph: wrap it to the dialog's width instead of cutting it off.
                setWrapText(true);
                setPrefWidth(0);
                if (line.kind() == DiffLine.Kind.ADDED) {
                    getStyleClass().add("diff-added");
                } else if (line.kind() == DiffLine.Kind.REMOVED) {
                    getStyleClass().add("diff-removed");
                }
            }
        });
        Label legend = new Label(text.getString("history.legend"));
        legend.setWrapText(true);
        // A history that cannot be read says so instead of staying empty.
        Label problem = new Label();
        problem.setId("historyProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox right = new VBox(6, problem, legend, diff);
        VBox.setVgrow(diff, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(revisions, right);
        split.setDividerPositions(0.32);
        split.setPrefSize(900, 520);
        split.setPadding(new Insets(4));

        ButtonType restore = new ButtonType(text.getString("history.restore"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(restore, new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(split);
        Button restoreButton = (Button) dialog.getDialogPane().lookupButton(restore);
        restoreButton.setId("restoreRevision");
        restoreButton.disableProperty().bind(model.selectedProperty().isNull());
        restoreButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.restoreSelected().whenComplete((v, t) -> {
                if (t != null) {
                    onError.run();
                }
            });
        });
        model.load();
        dialog.show();
    }
}
