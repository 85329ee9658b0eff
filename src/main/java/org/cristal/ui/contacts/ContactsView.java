package org.cristal.ui.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactFacets;
import org.cristal.library.audience.ContactFilter.Standing;
import org.cristal.ui.Styles;

/**
 * The contacts screen: the list (search as you type, filters, one page at a time) beside the chosen
 * person's details; and the workspace's sending limit. For a new workspace, it says what to do first.
 */
public final class ContactsView {
    private final ResourceBundle text;
    private final ContactsModel list;
    private final ContactDetailModel detail;
    private final FrequencyCapModel cap;
    private final SegmentsModel segments;
    private final Locale locale;
    private final Labels labels;
    private final ContactDetailView detailView;
    private final TableView<Contact> table = new TableView<>();
    /** Opens the import wizard; null while the studio has none. */
    private final Runnable importFile;

    ContactsView(ResourceBundle text, Locale locale, ContactsModel list, ContactDetailModel detail,
            FrequencyCapModel cap, SegmentsModel segments, ContactDetailView.Actions actions, Runnable importFile) {
        this.segments = segments;
        this.locale = locale;
        this.importFile = importFile;
        this.text = text;
        this.list = list;
        this.detail = detail;
        this.cap = cap;
        this.labels = new Labels(text);
        this.detailView = new ContactDetailView(text, locale, detail, labels, actions);
    }

    /** Opens the screen (not modal: the user may look at a story meanwhile). */
    Dialog<ButtonType> open(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(text.getString("contacts.title"));
        dialog.setResizable(true);
        Styles.add(dialog);
        Tab people = new Tab(text.getString("contacts.tab.people"), people());
        people.setId("contactsPeopleTab");
        Tab limit = new Tab(text.getString("contacts.tab.cap"), new FrequencyCapView(text, cap).node());
        limit.setId("contactsCapTab");
        TabPane tabs = new TabPane(people);
        Tab groups = new Tab(text.getString("contacts.tab.segments"),
                new SegmentsView(text, locale, segments, () -> tabs.getSelectionModel().select(people)).node());
        groups.setId("contactsSegmentsTab");
        tabs.getTabs().addAll(groups, limit);
        tabs.setId("contactsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        list.reload();
        cap.load();
        segments.load();
        dialog.show();
        Styles.size(dialog, 1280, 760);
        return dialog;
    }

    private Node people() {
        TextField search = new TextField();
        search.setId("contactsSearch");
        search.setPromptText(text.getString("contacts.search.prompt"));
        search.textProperty().bindBidirectional(list.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = new Button(text.getString("contacts.add"));
        add.setId("contactsAdd");
        add.setOnAction(e -> startNew());
        // The search has a line of its own: its hint stays readable beside the long French button labels.
        FlowPane adding = new FlowPane(8, 6, add);
        if (importFile != null) {
            adding.getChildren().add(importButton("contactsImport"));
        }
        VBox top = new VBox(8, search, adding);

        FlowPane filters = new FlowPane(8, 6, filters().toArray(new Node[0]));

        Label summary = new Label();
        summary.setId("contactsSummary");
        summary.textProperty().bind(list.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = problemLabel("contactsProblem", list.problemProperty());
        Button previous = new Button(text.getString("contacts.previous"));
        previous.setId("contactsPrevious");
        previous.setOnAction(e -> list.previousPage());
        Button next = new Button(text.getString("contacts.next"));
        next.setId("contactsNext");
        next.setOnAction(e -> list.nextPage());
        Runnable paging = () -> {
            previous.setDisable(!list.hasPreviousPage());
            next.setDisable(!list.hasNextPage());
        };
        list.foundProperty().addListener(o -> paging.run());
        list.offsetProperty().addListener(o -> paging.run());
        paging.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pages = new HBox(8, summary, spacer, previous, next);
        pages.setAlignment(Pos.CENTER_LEFT);

        table.setId("contactsTable");
        table.setItems(list.rows());
        table.getColumns().add(column("contacts.column.name", 160, c -> c.fullName()));
        table.getColumns().add(column("contacts.column.email", 200, Contact::email));
        table.getColumns().add(column("contacts.column.city", 100, Contact::city));
        table.getColumns().add(column("contacts.column.tags", 110, c -> String.join(", ", c.tags())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (detail.contactProperty().get() == null || detail.contactProperty().get().id() != b.id())) {
                detail.show(b);
            }
        });
        StackPane listArea = new StackPane(table, emptyState());
        VBox left = new VBox(8, top, filters, pages, problem, listArea);
        VBox.setVgrow(listArea, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(360);

        SplitPane split = new SplitPane(left, detailView.node());
        split.setDividerPositions(0.5);
        split.setPrefSize(1220, 640);
        return split;
    }

    private void startNew() {
        table.getSelectionModel().clearSelection();
        detail.startNew();
        detailView.focusEmail();
    }

    /** The first words a new user reads: what this screen is for and what to do first. */
    private Node emptyState() {
        Label title = new Label(text.getString("contacts.empty.title"));
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label explain = new Label(text.getString("contacts.empty.text"));
        explain.setWrapText(true);
        Button add = new Button(text.getString("contacts.add"));
        add.setId("contactsEmptyAdd");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> startNew());
        HBox actions = new HBox(8, add);
        if (importFile != null) {
            actions.getChildren().add(importButton("contactsEmptyImport"));
        }
        VBox box = new VBox(12, title, explain, actions);
        box.setId("contactsEmpty");
        box.setPadding(new Insets(24));
        box.setMaxWidth(460);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(list.totalProperty().isEqualTo(0));
        StackPane.setAlignment(box, Pos.TOP_LEFT);
        return box;
    }

    private Button importButton(String id) {
        Button b = new Button(text.getString("contacts.import"));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> importFile.run());
        return b;
    }

    private List<Node> filters() {
        List<Node> out = new ArrayList<>();
        ObservableList<String> tags = FXCollections.observableArrayList("");
        ObservableList<String> langs = FXCollections.observableArrayList("");
        ObservableList<String> cities = FXCollections.observableArrayList("");
        ComboBox<String> tag = choice("filterTag", tags, list.tagProperty(), "contacts.filter.anyTag");
        ComboBox<Standing> standing = new ComboBox<>(FXCollections.observableArrayList(Standing.values()));
        standing.setId("filterStanding");
        standing.setConverter(labels.converter(labels::of));
        standing.valueProperty().bindBidirectional(list.standingProperty());
        ComboBox<String> lang = choice("filterLang", langs, list.langProperty(), "contacts.filter.anyLang");
        // Hundreds of cities: a box the user can type into.
        ComboBox<String> city = new ComboBox<>(cities);
        city.setId("filterCity");
        city.setEditable(true);
        city.setPromptText(text.getString("contacts.filter.anyCity"));
        city.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "" : s;
            }

            @Override
            public String fromString(String s) {
                return s == null ? "" : s.strip();
            }
        });
        city.valueProperty().addListener((o, a, b) -> list.cityProperty().set(b == null ? "" : b));
        list.cityProperty().addListener((o, a, b) -> {
            if (!b.equals(city.getValue() == null ? "" : city.getValue())) {
                city.setValue(b);
            }
        });
        city.setPrefWidth(150);
        list.facetsProperty().addListener((o, a, f) -> fill(f, tags, langs, cities, tag, lang));
        ObservableList<String> names = FXCollections.observableArrayList("");
        ComboBox<String> segment = choice("filterSegment", names, segments.chosenProperty(),
                "contacts.filter.anySegment");
        segments.saved().addListener((javafx.collections.ListChangeListener<org.cristal.library.audience.Segments.Counted>) c -> {
            String now = segment.getValue();
            names.setAll(with(segments.saved().stream().map(x -> x.segment().name()).toList()));
            segment.setValue(names.contains(now) ? now : "");
        });
        out.add(segment);
        Button clear = new Button(text.getString("contacts.filter.clear"));
        clear.setId("contactsClearFilters");
        clear.setOnAction(e -> {
            list.clearFilters();
            segments.chosenProperty().set("");
        });
        out.addAll(List.of(standing, tag, lang, city, clear));
        return out;
    }

    private static void fill(ContactFacets f, ObservableList<String> tags, ObservableList<String> langs,
            ObservableList<String> cities, ComboBox<String> tag, ComboBox<String> lang) {
        String t = tag.getValue();
        String l = lang.getValue();
        tags.setAll(with(f.tags()));
        langs.setAll(with(f.langs()));
        cities.setAll(f.cities());
        tag.setValue(tags.contains(t) ? t : "");
        lang.setValue(langs.contains(l) ? l : "");
    }

    private static List<String> with(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(values);
        return out;
    }

    private ComboBox<String> choice(String id, ObservableList<String> items, StringProperty value, String allKey) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        String all = text.getString(allKey);
        box.setConverter(labels.converter(s -> s.isEmpty() ? all : s));
        box.setValue(value.get());
        box.valueProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
        value.addListener((o, a, b) -> {
            if (!b.equals(box.getValue())) {
                box.setValue(b);
            }
        });
        return box;
    }

    private TableColumn<Contact, String> column(String key, double width,
            java.util.function.Function<Contact, String> value) {
        TableColumn<Contact, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    static Label problemLabel(String id, javafx.beans.value.ObservableStringValue problem) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(problem);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Selects the contact in the page shown, if it is there (after a save). */
    void select(Contact c) {
        if (c == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        list.rows().stream().filter(r -> r.id() == c.id()).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }
}
