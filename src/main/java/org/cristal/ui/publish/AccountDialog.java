package org.cristal.ui.publish;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.ui.Choosers;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One account's form, built from its plugin's settings, with problems shown as the user types. */
final class AccountDialog {
    private AccountDialog() {
    }

    static void show(Window owner, ResourceBundle text, Locale locale, Choosers choosers, AccountFormModel form,
            Consumer<String> links, Consumer<ChannelAccount> saved, Consumer<Throwable> failed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setResizable(true);
        String pluginName = form.plugin().displayName().get(locale);
        dialog.setTitle(form.isExisting() ? Text.format(text, locale, "channels.editTitle", pluginName)
                : Text.format(text, locale, "channels.addTitle", pluginName));
        Styles.add(dialog);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        int row = 0;
        TextField name = new TextField();
        name.setId("accountName");
        name.textProperty().bindBidirectional(form.nameProperty());
        row = addRow(grid, row, text.getString("channels.name"), name, text.getString("channels.nameHelp"),
                problemLabel("problem-name", form.nameProblemProperty()));
        CheckBox enabled = new CheckBox(text.getString("channels.enabled"));
        enabled.setId("accountEnabled");
        enabled.selectedProperty().bindBidirectional(form.enabledProperty());
        grid.add(enabled, 1, row++);
        List<AccountFormModel.Field> fields = form.shownFields();
        for (AccountFormModel.Field field : fields) {
            SettingSpec spec = field.spec();
            Node control = control(field, form, text, choosers, owner);
            boolean orPaste = form.isPasteAlternative(spec);
            String label = spec.label().get(locale) + (spec.required() && !orPaste ? " *" : "");
            String help = form.isExplainedAbove(spec) ? "" : spec.help().get(locale);
            if (orPaste) {
                help = text.getString("channels.connect.orPaste") + (help.isBlank() ? "" : " " + help);
            }
            if (spec.secret() && form.hasStoredSecret(spec.key())) {
                help = (help.isBlank() ? "" : help + " ") + text.getString("channels.secretKept");
            }
            row = addRow(grid, row, label, control, help,
                    problemLabel("problem-" + spec.key(), field.problem()));
        }
        Label required = new Label(text.getString("channels.requiredNote"));
        required.getStyleClass().add("field-help");
        grid.add(required, 1, row++);

        Button test = new Button(text.getString("channels.test"), new FontIcon(Feather.ZAP));
        test.setId("testConnection");
        test.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(form.testingProperty());
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        result.textProperty().bind(form.testResultProperty());
        form.testFailedProperty().addListener((o, a, b) -> result.getStyleClass().setAll("label",
                b ? "field-problem" : "test-ok"));
        test.disableProperty().bind(form.testingProperty());
        test.setOnAction(e -> form.testConnection());
        HBox testBox = new HBox(8, test, spinner, result);
        testBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);

        int shown = fields.size();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(520, 90 + 70 * shown));
        VBox content = new VBox(10, scroll, testBox);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        int extra = 0;
        if (form.canConnect()) {
            ConnectBox.Parts connect = ConnectBox.buttons(owner, text, locale, form, links, saved);
            testBox.getChildren().addAll(0, connect.buttons());
            content.getChildren().add(connect.status());
            javafx.scene.Node appId = ConnectBox.appIdBox(text, form, links);
            if (appId instanceof javafx.scene.layout.Region box) {
                // On a small screen the fields scroll; the how-to above them is never cut.
                box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            if (appId != null) {
                content.getChildren().add(0, appId);
                extra += 150;
            }
            extra += 40;
            form.checkConnected();
            // Closing the form mid-wait ends the wait: the loopback port closes with it.
            dialog.setOnHidden(e -> form.cancelConnect());
        }
        dialog.getDialogPane().setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(text.getString("channels.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveAccount");
        saveButton.disableProperty().bind(form.validProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            saveButton.disableProperty().unbind();
            saveButton.setDisable(true);
            form.save().whenComplete((account, t) -> javafx.application.Platform.runLater(() -> {
                saveButton.disableProperty().bind(form.validProperty().not());
                if (t != null) {
                    failed.accept(t);
                } else {
                    saved.accept(account);
                    dialog.close();
                }
            }));
        });
        dialog.show();
        Styles.size(dialog, 780, Math.min(760, 260 + extra + 92 * shown));
        // A new account starts at its name; a saved one at the first field to fix, so typing never
        // replaces a name by accident.
        javafx.scene.Node first = form.isExisting() ? fields.stream()
                .filter(f -> !f.problem().get().isEmpty()).findFirst()
                .map(f -> grid.lookup("#setting-" + f.spec().key())).orElse(null) : name;
        (first == null ? (javafx.scene.Node) test : first).requestFocus();
    }

    private static int addRow(GridPane grid, int row, String label, Node control, String help, Label problem) {
        Label l = new Label(label);
        l.setLabelFor(control);
        // A label is never cut: the column takes the width of the longest one.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("field-label");
        grid.add(l, 0, row);
        grid.add(control, 1, row);
        GridPane.setHgrow(control, Priority.ALWAYS);
        VBox under = new VBox(2);
        if (!help.isBlank()) {
            Label h = new Label(help);
            h.setWrapText(true);
            h.getStyleClass().add("field-help");
            under.getChildren().add(h);
        }
        under.getChildren().add(problem);
        grid.add(under, 1, row + 1);
        return row + 2;
    }

    private static Label problemLabel(String id, javafx.beans.value.ObservableStringValue problem) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(problem);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /** The control a setting's type asks for, bound to the form's value. */
    private static Node control(AccountFormModel.Field field, AccountFormModel form, ResourceBundle text,
            Choosers choosers, Window owner) {
        SettingSpec spec = field.spec();
        StringProperty value = field.value();
        String id = "setting-" + spec.key();
        if (spec.secret()) {
            PasswordField p = new PasswordField();
            p.setId(id);
            p.textProperty().bindBidirectional(value);
            if (form.hasStoredSecret(spec.key())) {
                p.setPromptText(text.getString("channels.secretStored"));
            }
            return p;
        }
        switch (spec.type()) {
            case BOOLEAN -> {
                CheckBox c = new CheckBox();
                c.setId(id);
                c.setSelected("true".equalsIgnoreCase(value.get()));
                c.selectedProperty().addListener((o, a, b) -> value.set(String.valueOf(b)));
                return c;
            }
            case CHOICE -> {
                ChoiceBox<String> c = new ChoiceBox<>();
                c.setId(id);
                c.getItems().addAll(spec.choices());
                c.setValue(value.get());
                c.valueProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
                return c;
            }
            case MULTILINE -> {
                TextArea a = new TextArea();
                a.setId(id);
                a.setPrefRowCount(4);
                a.setWrapText(true);
                a.textProperty().bindBidirectional(value);
                return a;
            }
            case FILE, FOLDER -> {
                TextField f = text(id, value, "");
                Button browse = new Button(text.getString("channels.browse"));
                browse.setOnAction(e -> (spec.type() == SettingSpec.Type.FOLDER
                        ? choosers.folder(owner, spec.label().toString())
                        : choosers.openFile(owner, spec.label().toString(), spec.label().toString(), java.util.List.of("*")))
                        .ifPresent(p -> value.set(p.toString())));
                HBox box = new HBox(6, f, browse);
                HBox.setHgrow(f, Priority.ALWAYS);
                return box;
            }
            case URL -> {
                return text(id, value, "https://");
            }
            case EMAIL -> {
                return text(id, value, text.getString("channels.emailPrompt"));
            }
            default -> {
                return text(id, value, spec.defaultValue());
            }
        }
    }

    private static TextField text(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

}
