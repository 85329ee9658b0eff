package org.cristal.ui.help;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help › About Cristal: the version (with a Copy button for bug reports), Java, JavaFX and the system, the
 * licence, where the workspace and the log live (each with a button to show the folder), and the third-party
 * notices, searchable.
 */
public final class AboutDialog {
    private AboutDialog() {
    }

    /**
     * @param workspace the open workspace file, or null
     * @param logFolder where the app writes its log, or null when it keeps none
     * @param open      how a folder is shown in the file manager (the app's HostServices)
     * @param io        where the notices are read (not the UI thread)
     */
    public static Dialog<ButtonType> show(Window owner, ResourceBundle text, Locale locale, Path workspace,
            Path logFolder, Consumer<String> open, Executor io) {
        BuildInfo build = BuildInfo.current();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("help.about.title"));
        dialog.getDialogPane().setId("aboutDialog");

        Label name = new Label(text.getString("app.name"));
        name.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        String versionLine = ProblemReport.versionLine(build, text, locale);
        Label version = new Label(versionLine);
        version.setId("aboutVersion");
        Button copy = new Button(text.getString("help.about.copy"));
        copy.setId("aboutCopyVersion");
        String runtime = format(text, locale, "help.about.runtime", build.java(), build.javafx(), build.os().trim());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(versionLine + " · " + runtime);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox versionRow = new HBox(10, version, copy);
        versionRow.setAlignment(Pos.CENTER_LEFT);
        Label runtimeLabel = new Label(runtime);
        runtimeLabel.setId("aboutRuntime");
        Label licence = new Label(text.getString("help.about.licence"));
        licence.setId("aboutLicence");
        licence.setWrapText(true);

        GridPane places = new GridPane();
        places.setHgap(10);
        places.setVgap(6);
        // Labels and buttons keep their whole words; the path takes the room left and wraps.
        places.getColumnConstraints().addAll(whole(), growing(), whole());
        places.addRow(0, new Label(text.getString("help.about.workspace")),
                pathLabel("aboutWorkspacePath", workspace, text),
                showButton("aboutShowWorkspace", workspace == null ? null : workspace.getParent(), text, open));
        places.addRow(1, new Label(text.getString("help.about.logs")),
                pathLabel("aboutLogPath", logFolder, text), showButton("aboutShowLogs", logFolder, text, open));

        TextField search = new TextField();
        search.setId("aboutNoticesSearch");
        search.setPromptText(text.getString("help.about.search"));
        TextArea notices = new TextArea(text.getString("help.about.loading"));
        notices.setId("aboutNotices");
        notices.setEditable(false);
        notices.setWrapText(true);
        notices.setPrefRowCount(10);
        VBox.setVgrow(notices, Priority.ALWAYS);
        CompletableFuture.supplyAsync(Notices::all, io).whenComplete((all, t) -> Platform.runLater(() ->
                notices.setText(t != null || all.isBlank() ? text.getString("help.about.noNotices") : all)));
        // Enter finds the next place the words occur, from the caret on, and wraps round.
        search.setOnAction(e -> find(notices, search.getText()));
        search.textProperty().addListener((o, a, b) -> find(notices, b, 0));

        VBox box = new VBox(8, name, versionRow, runtimeLabel, licence, places,
                new Label(text.getString("help.about.notices")), search, notices);
        box.setPadding(new Insets(10));
        box.setPrefWidth(720);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(
                new ButtonType(text.getString("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static void find(TextArea area, String words) {
        find(area, words, area.getSelection().getEnd());
    }

    private static void find(TextArea area, String words, int from) {
        if (words == null || words.isBlank()) {
            return;
        }
        String all = area.getText().toLowerCase(Locale.ROOT);
        String w = words.toLowerCase(Locale.ROOT);
        int at = all.indexOf(w, Math.min(from, all.length()));
        if (at < 0) {
            at = all.indexOf(w);
        }
        if (at >= 0) {
            area.selectRange(at, at + w.length());
        }
    }

    private static Label pathLabel(String id, Path path, ResourceBundle text) {
        Label label = new Label(path == null ? text.getString("help.about.none") : path.toString());
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static ColumnConstraints whole() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(0);
        return c;
    }

    private static Button showButton(String id, Path folder, ResourceBundle text, Consumer<String> open) {
        Button b = new Button(text.getString("help.about.showFolder"));
        b.setId(id);
        b.setDisable(folder == null);
        b.setOnAction(e -> open.accept(folder.toUri().toString()));
        return b;
    }

    private static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
