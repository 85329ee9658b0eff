package org.cristal.ui.contacts;

import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.audience.ImportField;
import org.cristal.library.audience.ImportPlan;
import org.cristal.ui.Styles;

/** The import wizard's window: how the file was read, the columns, the report before writing, import, undo. */
final class ImportWizard {
    private final ResourceBundle text;
    private final ImportModel model;
    private final Labels labels;
    private final GridPane mapping = new GridPane();

    ImportWizard(ResourceBundle text, ImportModel model) {
        this.text = text;
        this.model = model;
        this.labels = new Labels(text);
    }

    Dialog<ButtonType> open(Window owner, Runnable changed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("contacts.import.title"));
        dialog.setResizable(true);
        Styles.add(dialog);

        Label readAs = new Label();
        readAs.setId("importReadAs");
        readAs.setWrapText(true);
        readAs.textProperty().bind(model.readAsProperty());
        Label warning = ContactsView.problemLabel("importWarning", model.warningProperty());

        Label columnsTitle = title("contacts.import.columns");
        Label columnsHelp = help("contacts.import.columnsHelp");
        mapping.setId("importMapping");
        mapping.setHgap(12);
        mapping.setVgap(4);
        ColumnConstraints header = new ColumnConstraints();
        header.setMinWidth(120);
        header.setPercentWidth(45);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        mapping.getColumnConstraints().addAll(header, field);
        model.columns().addListener((ListChangeListener<ImportPlan.Column>) c -> fillMapping());
        ScrollPane mappingScroll = new ScrollPane(mapping);
        mappingScroll.setFitToWidth(true);
        mappingScroll.setPrefViewportHeight(180);

        Label reportTitle = title("contacts.import.before");
        Label report = new Label();
        report.setId("importReport");
        report.setWrapText(true);
        report.setMinHeight(Region.USE_PREF_SIZE);
        report.textProperty().bind(model.reportProperty());
        ListView<String> issues = new ListView<>(model.issues());
        issues.setId("importIssues");
        issues.setPrefHeight(110);
        issues.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.issues()));
        issues.managedProperty().bind(issues.visibleProperty());

        Label proofLabel = new Label(text.getString("contacts.import.proof"));
        proofLabel.setWrapText(true);
        proofLabel.setMinHeight(Region.USE_PREF_SIZE);
        TextArea proof = new TextArea();
        proof.setId("importProof");
        proof.setPrefRowCount(2);
        proof.setWrapText(true);
        proof.setPromptText(text.getString("contacts.import.proofPrompt"));
        proof.textProperty().bindBidirectional(model.consentProofProperty());
        proofLabel.setLabelFor(proof);
        Label proofHelp = help("contacts.import.proofHelp");

        Label result = new Label();
        result.setId("importResult");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.getStyleClass().add("text-bold");
        result.textProperty().bind(model.resultProperty());
        Label problem = ContactsView.problemLabel("importProblem", model.problemProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(model.busyProperty());

        Button importNow = new Button(text.getString("contacts.import.go"));
        importNow.setId("importGo");
        importNow.getStyleClass().add("accent");
        importNow.setOnAction(e -> model.importNow().thenAccept(done -> {
            if (done) {
                changed.run();
            }
        }));
        Button undo = new Button(text.getString("contacts.import.undo"));
        undo.setId("importUndo");
        undo.setOnAction(e -> model.undo().thenAccept(done -> {
            if (done) {
                changed.run();
            }
        }));
        Runnable states = () -> {
            ImportModel.Step s = model.stepProperty().get();
            importNow.setDisable(!model.canImport());
            importNow.setVisible(s == ImportModel.Step.PREVIEW || s == ImportModel.Step.IMPORTING);
            importNow.setManaged(importNow.isVisible());
            undo.setVisible(s == ImportModel.Step.DONE);
            undo.setManaged(undo.isVisible());
            undo.setDisable(model.busyProperty().get());
            proof.setDisable(s != ImportModel.Step.PREVIEW);
            mapping.setDisable(s != ImportModel.Step.PREVIEW);
        };
        model.stepProperty().addListener(o -> states.run());
        model.busyProperty().addListener(o -> states.run());
        model.planProperty().addListener(o -> states.run());
        states.run();
        HBox buttons = new HBox(8, importNow, undo, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(8, readAs, warning, columnsTitle, columnsHelp, mappingScroll, reportTitle, report,
                issues, proofLabel, proof, proofHelp);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(700);
        scroll.setPrefViewportHeight(520);
        // Import, its outcome and Undo stay in sight below however long the file's report.
        VBox bottom = new VBox(6, problem, buttons, result);
        bottom.setPadding(new Insets(8, 8, 0, 8));
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll);
        root.setBottom(bottom);
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        fillMapping();
        dialog.show();
        Styles.size(dialog, 760, 720);
        return dialog;
    }

    private void fillMapping() {
        mapping.getChildren().clear();
        int row = 0;
        for (ImportPlan.Column c : model.columns()) {
            Label h = new Label(c.header());
            h.setWrapText(true);
            ComboBox<ImportField> f = new ComboBox<>(FXCollections.observableArrayList(ImportField.values()));
            f.setId("importField-" + row);
            f.setConverter(labels.converter(this::label));
            f.setValue(c.field());
            f.setMaxWidth(Double.MAX_VALUE);
            f.valueProperty().addListener((o, a, b) -> {
                if (b != null && b != c.field()) {
                    model.remap(c.header(), b);
                }
            });
            h.setLabelFor(f);
            mapping.add(h, 0, row);
            mapping.add(f, 1, row);
            row++;
        }
    }

    private String label(ImportField f) {
        return text.getString(switch (f) {
            case EMAIL -> "contacts.import.field.email";
            case FIRST_NAME -> "contacts.import.field.firstName";
            case LAST_NAME -> "contacts.import.field.lastName";
            case FULL_NAME -> "contacts.import.field.fullName";
            case LANG -> "contacts.import.field.lang";
            case STREET -> "contacts.import.field.street";
            case POSTCODE -> "contacts.import.field.postcode";
            case CITY -> "contacts.import.field.city";
            case COUNTRY -> "contacts.import.field.country";
            case ADDRESS -> "contacts.import.field.address";
            case PHONE -> "contacts.import.field.phone";
            case TAGS -> "contacts.import.field.tags";
            case ATTRIBUTES -> "contacts.import.field.attributes";
            case OPTIN_TIME -> "contacts.import.field.optinTime";
            case OPTIN_IP -> "contacts.import.field.optinIp";
            case CONFIRM_TIME -> "contacts.import.field.confirmTime";
            case CONFIRM_IP -> "contacts.import.field.confirmIp";
            case OPTIN_FLAG -> "contacts.import.field.optinFlag";
            case UNSUB_TIME -> "contacts.import.field.unsubTime";
            case UNSUB_REASON -> "contacts.import.field.unsubReason";
            case CLEAN_TIME -> "contacts.import.field.cleanTime";
            case BLOCKED -> "contacts.import.field.blocked";
            case STATUS -> "contacts.import.field.status";
            case CUSTOM -> "contacts.import.field.custom";
            case IGNORE -> "contacts.import.field.ignore";
        });
    }

    private Label title(String key) {
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("title-4");
        return l;
    }

    private Label help(String key) {
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("field-help");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
