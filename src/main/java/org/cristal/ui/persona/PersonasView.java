package org.cristal.ui.persona;

import atlantafx.base.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cristal.library.persona.Persona;
import org.cristal.story.Channel;

/** The personas screen: the list on the left, every field of the one being written on the right. */
public final class PersonasView {
    private final ResourceBundle text;
    private final PersonasModel model;
    private final Runnable onSaved;
    private final ListView<Persona> list = new ListView<>();
    private int row;

    public PersonasView(ResourceBundle text, PersonasModel model, Runnable onSaved) {
        this.text = text;
        this.model = model;
        this.onSaved = onSaved;
    }

    /** Opens the screen (not modal: the story stays in reach); {@code select}: a persona to show first, or "". */
    public Dialog<ButtonType> open(Window owner, String select) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(text.getString("personas.title"));
        dialog.setResizable(true);
        org.cristal.ui.Styles.add(dialog);
        SplitPane split = new SplitPane(listPane(), formPane());
        split.setId("personasSplit");
        split.setDividerPositions(0.28);
        dialog.getDialogPane().setContent(split);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        model.startNew();
        model.load().thenRun(() -> {
            String wanted = select == null ? "" : select.strip();
            // Asked for none: the first persona is shown, so the screen opens on something to read, not a blank form.
            model.saved().stream().filter(p -> wanted.isEmpty() || p.name().equalsIgnoreCase(wanted)).findFirst()
                    .ifPresentOrElse(p -> list.getSelectionModel().select(p), () -> model.nameProperty().set(wanted));
        });
        dialog.show();
        org.cristal.ui.Styles.size(dialog, 1000, 720);
        return dialog;
    }

    private Node listPane() {
        list.setId("personasList");
        list.setItems(model.saved());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Persona p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                model.edit(p);
            }
        });
        Button add = new Button(text.getString("personas.new"));
        add.setId("personasNew");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox box = new VBox(8, add, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node formPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        row = 0;
        add(grid, "personas.name", field("personaName", new TextField(), model.nameProperty(), "personas.name.prompt"));
        add(grid, "personas.portrait", field("personaPortraitField", area(3), model.portraitProperty(),
                "personas.portrait.prompt"));
        add(grid, "personas.goals", field("personaGoalsField", area(3), model.goalsProperty(), "personas.lines.prompt"));
        add(grid, "personas.objections", field("personaObjectionsField", area(3), model.objectionsProperty(),
                "personas.lines.prompt"));
        add(grid, "personas.tone", field("personaToneField", new TextField(), model.toneProperty(), "personas.tone.prompt"));
        add(grid, "personas.wordsUse", field("personaWordsUseField", new TextField(), model.wordsUseProperty(),
                "personas.words.prompt"));
        add(grid, "personas.wordsAvoid", field("personaWordsAvoidField", new TextField(), model.wordsAvoidProperty(),
                "personas.words.prompt"));
        FlowPane channels = new FlowPane(12, 6);
        for (Channel c : Channel.values()) {
            ChoiceBox<PersonasModel.Use> use = new ChoiceBox<>(FXCollections.observableArrayList(PersonasModel.Use.values()));
            use.setId("personaChannel-" + c.id());
            use.setConverter(new StringConverter<>() {
                @Override
                public String toString(PersonasModel.Use u) {
                    return u == null ? "" : text.getString(switch (u) {
                        case UNSAID -> "personas.use.unsaid";
                        case USES -> "personas.use.uses";
                        case AVOIDS -> "personas.use.avoids";
                    });
                }

                @Override
                public PersonasModel.Use fromString(String s) {
                    return PersonasModel.Use.UNSAID;
                }
            });
            use.valueProperty().bindBidirectional(model.channelProperty(c));
            Label name = new Label(text.getString(switch (c) {
                case EMAIL -> "personas.channel.email";
                case SOCIAL -> "personas.channel.social";
                case WEB -> "personas.channel.web";
                case BROCHURE -> "personas.channel.brochure";
            }));
            name.setLabelFor(use);
            channels.getChildren().add(new HBox(4, name, use));
        }
        add(grid, "personas.channels", channels);
        Spinner<Integer> reading = new Spinner<>(0, 100, 0, 5);
        reading.setId("personaReadingField");
        reading.setEditable(true);
        reading.setPrefWidth(100);
        reading.getValueFactory().valueProperty().bindBidirectional(model.readingTargetProperty().asObject());
        Label readingHint = new Label(text.getString("personas.reading.hint"));
        readingHint.getStyleClass().add(Styles.TEXT_SMALL);
        readingHint.setWrapText(true);
        add(grid, "personas.reading", new VBox(2, reading, readingHint));
        add(grid, "personas.segment", field("personaSegmentField", new TextField(), model.segmentProperty(),
                "personas.segment.prompt"));
        Label problem = new Label();
        problem.setId("personasProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        Button save = new Button(text.getString("personas.save"));
        save.setId("personasSave");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save().thenAccept(ok -> {
            if (ok) {
                model.saved().stream().filter(p -> p.name().equals(model.nameProperty().get())).findFirst()
                        .ifPresent(p -> list.getSelectionModel().select(p));
                onSaved.run();
            }
        }));
        Button delete = new Button(text.getString("personas.delete"));
        delete.setId("personasDelete");
        delete.disableProperty().bind(model.editingProperty().isEmpty());
        delete.setOnAction(e -> model.delete().thenAccept(d -> onSaved.run()));
        VBox form = new VBox(8, grid, problem, new HBox(8, save, delete));
        form.setPadding(new Insets(0, 0, 8, 0));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private TextArea area(int rows) {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        return a;
    }

    private <T extends TextInputControl> T field(String id, T control, javafx.beans.property.StringProperty property,
            String promptKey) {
        control.setId(id);
        control.setPromptText(text.getString(promptKey));
        control.textProperty().bindBidirectional(property);
        return control;
    }

    private void add(GridPane grid, String labelKey, Node field) {
        Label label = new Label(text.getString(labelKey));
        label.setLabelFor(field);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        row++;
    }
}
