package org.cristal.ui.contacts;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cristal.library.audience.Segments;
import org.cristal.ui.Text;

/** The segments tab: the saved segments with their counts, and the editor with its live count. */
final class SegmentsView {
    private final ResourceBundle text;
    private final Locale locale;
    private final SegmentsModel model;
    private final Runnable showPeople;

    /** {@code showPeople}: brings the contacts list to the front, narrowed to the chosen segment. */
    SegmentsView(ResourceBundle text, Locale locale, SegmentsModel model, Runnable showPeople) {
        this.text = text;
        this.locale = locale;
        this.model = model;
        this.showPeople = showPeople;
    }

    Node node() {
        ListView<Segments.Counted> list = new ListView<>(model.saved());
        list.setId("segmentsList");
        Label none = new Label(text.getString("contacts.segments.none"));
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Segments.Counted c, boolean empty) {
                super.updateItem(c, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || c == null ? null : c.count() < 0
                        ? Text.format(text, locale, "contacts.segments.broken", c.segment().name())
                        : Text.format(text, locale, "contacts.segments.row", c.segment().name(), c.count()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.edit(b.segment());
            }
        });
        Button add = new Button(text.getString("contacts.segments.new"));
        add.setId("segmentNew");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox left = new VBox(8, add, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(240);

        TextField name = new TextField();
        name.setId("segmentName");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField rule = new TextField();
        rule.setId("segmentRule");
        rule.setPromptText(text.getString("contacts.segments.rulePrompt"));
        rule.textProperty().bindBidirectional(model.ruleProperty());
        Label problem = ContactsView.problemLabel("segmentProblem", model.problemProperty());
        Label count = new Label();
        count.setId("segmentCount");
        count.getStyleClass().add("text-bold");
        count.textProperty().bind(model.countTextProperty());
        Label help = new Label(text.getString("contacts.segments.help"));
        help.getStyleClass().add("field-help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        Button save = new Button(text.getString("contacts.segments.save"));
        save.setId("segmentSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button show = new Button(text.getString("contacts.segments.show"));
        show.setId("segmentShow");
        show.setOnAction(e -> model.save().thenAccept(ok -> {
            if (ok) {
                model.chosenProperty().set(model.nameProperty().get());
                showPeople.run();
            }
        }));
        Button delete = new Button(text.getString("contacts.segments.delete"));
        delete.setId("segmentDelete");
        delete.setOnAction(e -> model.delete());
        delete.disableProperty().bind(model.nameProperty().isEmpty());
        VBox right = new VBox(6, label("contacts.segments.name", name), name, label("contacts.segments.rule", rule),
                rule, problem, count, help, new FlowPane(8, 6, save, show, delete));
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.32);
        return split;
    }

    private Label label(String key, Node control) {
        Label l = new Label(text.getString(key));
        l.setLabelFor(control);
        l.getStyleClass().add("field-label");
        return l;
    }
}
