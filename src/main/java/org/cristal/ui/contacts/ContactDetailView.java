package org.cristal.ui.contacts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.ui.Text;

/** One person: their fields, their consent history with a form to record a new one, and the messages sent. */
final class ContactDetailView {
    /** What the detail pane asks of the screen around it. */
    interface Actions {
        /** Saves the form; the list follows. */
        void save();

        /** Writes everything held about the person to a folder the user chooses. */
        void exportData();

        /** Asks, then erases the person. */
        void erase();

        /** Shows the open story's newsletter as the person will read it. */
        void previewAs();
    }

    private static final List<ConsentMethod> BY_HAND = List.of(ConsentMethod.IN_PERSON, ConsentMethod.WEB_FORM,
            ConsentMethod.MANUAL, ConsentMethod.UNSUBSCRIBE_MAIL);
    private final ResourceBundle text;
    private final Locale locale;
    private final ContactDetailModel detail;
    private final Labels labels;
    private final Actions actions;
    private final DateTimeFormatter when;
    private final TextField email = new TextField();

    ContactDetailView(ResourceBundle text, Locale locale, ContactDetailModel detail, Labels labels, Actions actions) {
        this.text = text;
        this.locale = locale;
        this.detail = detail;
        this.labels = labels;
        this.actions = actions;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }

    void focusEmail() {
        email.requestFocus();
    }

    Node node() {
        Label title = new Label();
        title.setId("contactTitle");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        detail.contactProperty().addListener((o, a, c) -> title.setText(heading(c)));
        detail.editingProperty().addListener((o, a, b) -> title.setText(heading(detail.contactProperty().get())));
        Label problem = ContactsView.problemLabel("contactProblem", detail.problemProperty());

        Tab fields = new Tab(text.getString("contacts.detail.fields"), scroll(form()));
        fields.setId("contactFieldsTab");
        Tab consent = new Tab(text.getString("contacts.detail.consent"), scroll(consent()));
        consent.setId("contactConsentTab");
        Tab messages = new Tab(text.getString("contacts.detail.messages"), messages());
        messages.setId("contactMessagesTab");
        TabPane tabs = new TabPane(fields, consent, messages);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A contact not yet saved has no history to show.
        consent.disableProperty().bind(detail.contactProperty().isNull());
        messages.disableProperty().bind(detail.contactProperty().isNull());
        detail.contactProperty().addListener((o, a, c) -> {
            if (c == null) {
                tabs.getSelectionModel().select(fields);
            }
        });

        Button save = new Button(text.getString("contacts.save"));
        save.setId("contactSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setOnAction(e -> actions.save());
        Button export = new Button(text.getString("contacts.exportData"));
        export.setId("contactExport");
        export.setOnAction(e -> actions.exportData());
        Button erase = new Button(text.getString("contacts.erase"));
        erase.setId("contactErase");
        erase.getStyleClass().add("danger");
        erase.setOnAction(e -> actions.erase());
        Button previewAs = new Button(text.getString("contacts.preview.button"));
        previewAs.setId("contactPreviewAs");
        previewAs.setOnAction(e -> actions.previewAs());
        previewAs.disableProperty().bind(detail.contactProperty().isNull());
        export.disableProperty().bind(detail.contactProperty().isNull());
        erase.disableProperty().bind(detail.contactProperty().isNull());
        // The actions stay in sight above the tabs, whatever the tab's length.
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, save, previewAs, export, erase);
        tabs.setPrefHeight(300);
        tabs.setMinHeight(160);
        VBox pane = new VBox(8, title, buttons, problem, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        pane.setPadding(new Insets(8));
        pane.visibleProperty().bind(detail.editingProperty());

        Label none = new Label(text.getString("contacts.detail.none"));
        none.setId("contactNone");
        none.setWrapText(true);
        none.setPadding(new Insets(24));
        none.visibleProperty().bind(detail.editingProperty().not());
        StackPane.setAlignment(none, Pos.TOP_LEFT);
        StackPane box = new StackPane(none, pane);
        box.setMinWidth(420);
        return box;
    }

    private String heading(Contact c) {
        if (c == null) {
            return detail.editingProperty().get() ? text.getString("contacts.detail.new") : "";
        }
        return c.fullName().isEmpty() ? c.email() : c.fullName();
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return s;
    }

    /** Each label above its field, two fields a row: long French labels never squeeze a field. */
    private Node form() {
        ContactForm f = detail.form();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints half = new ColumnConstraints();
        half.setHgrow(Priority.ALWAYS);
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        email.setId("contactEmail");
        email.textProperty().bindBidirectional(f.email());
        int row = 0;
        wide(grid, row++, "contacts.field.email", email);
        pair(grid, row++, "contacts.field.firstName", field("contactFirstName", f.firstName()),
                "contacts.field.lastName", field("contactLastName", f.lastName()));
        wide(grid, row++, "contacts.field.street", field("contactStreet", f.street()));
        pair(grid, row++, "contacts.field.postcode", field("contactPostcode", f.postcode()),
                "contacts.field.city", field("contactCity", f.city()));
        pair(grid, row++, "contacts.field.country", field("contactCountry", f.country()),
                "contacts.field.phone", field("contactPhone", f.phone()));
        pair(grid, row++, "contacts.field.lang", field("contactLang", f.lang()), "contacts.field.tags",
                field("contactTags", f.tags()));
        TextArea custom = new TextArea();
        custom.setId("contactFields");
        custom.setPrefRowCount(3);
        custom.setWrapText(true);
        custom.textProperty().bindBidirectional(f.fields());
        wide(grid, row++, "contacts.field.fields", custom);
        Label source = new Label();
        source.getStyleClass().add("field-help");
        source.setWrapText(true);
        detail.contactProperty().addListener((o, a, c) -> source.setText(c == null || c.source().isEmpty() ? ""
                : Text.format(text, locale, "contacts.field.source", c.source())));
        grid.add(source, 0, row, 2, 1);
        return grid;
    }

    private static TextField field(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private VBox above(String key, Node control) {
        Label l = label(key, control);
        l.setWrapText(true);
        return new VBox(3, l, control);
    }

    private void wide(GridPane grid, int row, String key, Node control) {
        grid.add(above(key, control), 0, row, 2, 1);
    }

    private void pair(GridPane grid, int row, String k1, Node c1, String k2, Node c2) {
        grid.add(above(k1, c1), 0, row);
        grid.add(above(k2, c2), 1, row);
    }

    private Label label(String key, Node control) {
        Label l = new Label(text.getString(key));
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("field-label");
        return l;
    }

    private Node consent() {
        ListView<ConsentRecord> history = new ListView<>(detail.consents());
        history.setId("consentHistory");
        history.setPrefHeight(150);
        history.setMinHeight(100);
        Label empty = new Label(text.getString("contacts.consent.none"));
        empty.setWrapText(true);
        history.setPlaceholder(empty);
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConsentRecord r, boolean isEmpty) {
                super.updateItem(r, isEmpty);
                setText(null);
                setGraphic(isEmpty || r == null ? null : lines(describe(r.event()), getListView()));
            }
        });

        Label heading = new Label(text.getString("contacts.consent.record"));
        heading.getStyleClass().add("title-4");
        ToggleGroup kind = new ToggleGroup();
        RadioButton grant = new RadioButton(text.getString("contacts.consent.grant"));
        grant.setId("consentGrant");
        grant.setToggleGroup(kind);
        RadioButton withdraw = new RadioButton(text.getString("contacts.consent.withdraw"));
        withdraw.setId("consentWithdraw");
        withdraw.setToggleGroup(kind);
        (detail.grantProperty().get() ? grant : withdraw).setSelected(true);
        kind.selectedToggleProperty().addListener((o, a, b) -> detail.grantProperty().set(b == grant));
        detail.grantProperty().addListener((o, a, b) -> (b ? grant : withdraw).setSelected(true));

        ChoiceBox<ContactChannel> channel = new ChoiceBox<>(FXCollections.observableArrayList(ContactChannel.values()));
        channel.setId("consentChannel");
        channel.setConverter(labels.converter(labels::of));
        channel.valueProperty().bindBidirectional(detail.channelProperty());
        ChoiceBox<Purpose> purpose = new ChoiceBox<>(FXCollections.observableArrayList(Purpose.values()));
        purpose.setId("consentPurpose");
        purpose.setConverter(labels.converter(labels::of));
        purpose.valueProperty().bindBidirectional(detail.purposeProperty());
        ChoiceBox<ConsentMethod> method = new ChoiceBox<>(FXCollections.observableArrayList(BY_HAND));
        method.setId("consentMethod");
        method.setConverter(labels.converter(labels::of));
        method.valueProperty().bindBidirectional(detail.methodProperty());
        Label proofLabel = new Label(text.getString("contacts.consent.proof"));
        proofLabel.setWrapText(true);
        TextArea proof = new TextArea();
        proof.setId("consentProof");
        proof.setPromptText(text.getString("contacts.consent.proofPrompt"));
        proof.setPrefRowCount(2);
        proof.setWrapText(true);
        proof.textProperty().bindBidirectional(detail.proofProperty());
        proofLabel.setLabelFor(proof);
        Label problem = ContactsView.problemLabel("consentProblem", detail.consentProblemProperty());
        Button record = new Button(text.getString("contacts.consent.add"));
        record.setId("consentRecord");
        record.setOnAction(e -> detail.recordConsent());

        // One row of choices where there is room, so the proof and the button stay in sight.
        javafx.scene.layout.FlowPane choices = new javafx.scene.layout.FlowPane(12, 6,
                labelled("contacts.consent.channel", channel), labelled("contacts.consent.purpose", purpose),
                labelled("contacts.consent.method", method));
        VBox box = new VBox(8, history, heading, new HBox(16, grant, withdraw), choices, proofLabel, proof, problem,
                record);
        box.setPadding(new Insets(8));
        return box;
    }

    private HBox labelled(String key, Node control) {
        HBox box = new HBox(6, label(key, control), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private String describe(ConsentEvent e) {
        StringBuilder s = new StringBuilder(Text.format(text, locale, "contacts.consent.row",
                text.getString(e.granted() ? "contacts.consent.granted" : "contacts.consent.withdrawn"),
                labels.of(e.channel()), labels.of(e.purpose()), when.format(e.at())));
        s.append('\n').append(Text.format(text, locale, "contacts.consent.rowHow", labels.of(e.method()),
                e.source()));
        if (!e.proof().isEmpty()) {
            s.append('\n').append(Text.format(text, locale, "contacts.consent.rowProof", e.proof()));
        }
        if (!e.ip().isEmpty()) {
            s.append('\n').append(Text.format(text, locale, "contacts.consent.rowIp", e.ip()));
        }
        return s.toString();
    }

    /** Each line wrapped to the list's width: a long proof text is read whole, never cut. */
    private static Node lines(String text, ListView<?> list) {
        VBox box = new VBox(2);
        for (String line : text.split("\n")) {
            Label l = new Label(line);
            if (box.getChildren().isEmpty()) {
                l.getStyleClass().add("text-bold");
            }
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.maxWidthProperty().bind(list.widthProperty().subtract(40));
            box.getChildren().add(l);
        }
        return box;
    }

    private Node messages() {
        ListView<ContactDetailModel.Message> list = new ListView<>(detail.messages());
        list.setId("contactMessages");
        Label empty = new Label(text.getString("contacts.messages.none"));
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ContactDetailModel.Message m, boolean isEmpty) {
                super.updateItem(m, isEmpty);
                setText(null);
                setGraphic(isEmpty || m == null ? null : lines(Text.format(text, locale, "contacts.messages.row",
                        m.storyTitle(), labels.of(m.delivery().channel()), when.format(m.delivery().at()),
                        labels.of(m.delivery().outcome())), getListView()));
            }
        });
        return list;
    }
}
