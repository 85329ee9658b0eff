package org.cristal.ui.contacts;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** "At most [2] marketing messages per person every [7] days", with its switch. */
final class FrequencyCapView {
    private final ResourceBundle text;
    private final FrequencyCapModel cap;

    FrequencyCapView(ResourceBundle text, FrequencyCapModel cap) {
        this.text = text;
        this.cap = cap;
    }

    Node node() {
        Label intro = new Label(text.getString("contacts.cap.intro"));
        intro.setWrapText(true);
        CheckBox on = new CheckBox(text.getString("contacts.cap.on"));
        on.setId("capOn");
        on.setWrapText(true);
        on.selectedProperty().bindBidirectional(cap.onProperty());
        TextField messages = number("capMessages");
        messages.textProperty().bindBidirectional(cap.messagesProperty());
        TextField days = number("capDays");
        days.textProperty().bindBidirectional(cap.daysProperty());
        Label atMost = new Label(text.getString("contacts.cap.atMost"));
        atMost.setLabelFor(messages);
        Label every = new Label(text.getString("contacts.cap.messagesEvery"));
        every.setLabelFor(days);
        FlowPane sentence = new FlowPane(6, 6, atMost, messages, every, days,
                new Label(text.getString("contacts.cap.days")));
        sentence.setAlignment(Pos.CENTER_LEFT);
        sentence.disableProperty().bind(cap.onProperty().not());
        Label problem = ContactsView.problemLabel("capProblem", cap.problemProperty());
        Label saved = new Label();
        saved.setId("capSaved");
        saved.textProperty().bind(cap.savedProperty());
        Button save = new Button(text.getString("contacts.cap.save"));
        save.setId("capSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> cap.save());
        VBox box = new VBox(12, intro, on, sentence, problem, new javafx.scene.layout.HBox(12, save, saved));
        box.setPadding(new Insets(16));
        box.setMaxWidth(720);
        return box;
    }

    private static TextField number(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(3);
        return t;
    }
}
