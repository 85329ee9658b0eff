package org.cristal.ui.library;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cristal.story.Brand;
import org.cristal.story.Status;
import org.cristal.ui.Icons;
import org.cristal.ui.StudioActions;
import org.cristal.ui.Styles;
import org.kordamp.ikonli.feather.Feather;

/** The workspace sidebar: search as you type, filters, the stories, and their actions. */
public final class SidebarView extends VBox {
    private final TextField search = new TextField();
    private final ListView<StoryItem> list = new ListView<>();
    private final LibraryModel model;
    /** The story the list should show selected: the one last selected or opened. */
    private String wanted = "";

    public SidebarView(ResourceBundle text, Locale locale, LibraryModel model, StudioActions actions) {
        this.model = model;
        setId("sidebar");
        getStyleClass().add("sidebar");
        setSpacing(8);
        setPadding(new Insets(10));
        setMinWidth(240);

        search.setId("searchField");
        search.setPromptText(text.getString("sidebar.search"));
        search.textProperty().bindBidirectional(model.queryProperty());
        search.getStyleClass().add("search");

        ComboBox<Status> status = new ComboBox<>();
        status.setId("statusFilter");
        status.getItems().add(null);
        status.getItems().addAll(Status.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(Status s) {
                return s == null ? text.getString("sidebar.allStatuses") : StatusNames.name(text, s);
            }

            @Override
            public Status fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusProperty());
        status.setTooltip(new javafx.scene.control.Tooltip(text.getString("sidebar.statusTip")));
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);

        ComboBox<String> tag = choice("tagFilter", text.getString("sidebar.allTags"), model.tagProperty());
        model.tags().addListener((javafx.collections.ListChangeListener<String>) c -> refill(tag, model.tags()));
        ComboBox<String> lang = choice("langFilter", text.getString("sidebar.allLanguages"), model.langProperty());
        model.langs().addListener((javafx.collections.ListChangeListener<String>) c -> refill(lang, model.langs()));
        ComboBox<String> brand = choice("brandFilter", text.getString("sidebar.allBrands"), model.brandProperty());
        model.brands().addListener((javafx.collections.ListChangeListener<Brand>) c ->
                refill(brand, model.brands().stream().map(Brand::id).toList()));
        brand.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                if (id == null || id.isEmpty()) {
                    return text.getString("sidebar.allBrands");
                }
                return model.brands().stream().filter(b -> b.id().equals(id)).map(Brand::name).findFirst().orElse(id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        // Two equal columns: "any" reads as the filter's name (Status, Language…), short enough for a narrow sidebar.
        javafx.scene.layout.GridPane filters = new javafx.scene.layout.GridPane();
        filters.setHgap(6);
        filters.setVgap(6);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            c.setFillWidth(true);
            filters.getColumnConstraints().add(c);
        }
        filters.addRow(0, status, lang);
        filters.addRow(1, tag, brand);
        for (ComboBox<?> box : java.util.List.of(status, lang, tag, brand)) {
            box.setMaxWidth(Double.MAX_VALUE);
            box.setMinWidth(0);
            box.setPrefWidth(60);
        }

        list.setId("storyList");
        list.setItems(model.items());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault());
        list.setCellFactory(v -> new StoryCell(text, dates, list));
        list.setPlaceholder(new Label(text.getString("sidebar.empty")));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // A line whose page is still being read opens nothing; it is selected again when its page arrives.
            if (b != null && !b.loading()) {
                wanted = b.id();
                actions.openStory(b.id());
            }
        });
        // A refresh replaces the list, which drops the selection: the story that was selected is found again.
        model.items().addListener((javafx.collections.ListChangeListener<StoryItem>) c -> reselect());
        Label count = new Label();
        count.setId("storyCount");
        count.getStyleClass().add("story-count");
        model.items().addListener((javafx.collections.ListChangeListener<StoryItem>) c ->
                count.setText(new java.text.MessageFormat(text.getString("sidebar.count"), locale)
                        .format(new Object[] {model.items().size()})));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(2,
                Icons.button("newStory", Feather.FILE_PLUS, text.getString("action.newStory.tip")),
                Icons.button("duplicateStory", Feather.COPY, text.getString("action.duplicate.tip")),
                Icons.button("archiveStory", Feather.ARCHIVE, text.getString("action.archive.tip")),
                Icons.button("deleteStory", Feather.TRASH_2, text.getString("action.delete.tip")),
                spacer,
                Icons.button("trashButton", Feather.INBOX, text.getString("action.trash.tip")));
        ((javafx.scene.control.Button) buttons.getChildren().get(0)).setOnAction(e -> actions.newStory());
        ((javafx.scene.control.Button) buttons.getChildren().get(1)).setOnAction(e -> actions.duplicateStory());
        ((javafx.scene.control.Button) buttons.getChildren().get(2)).setOnAction(e -> actions.archiveStory());
        ((javafx.scene.control.Button) buttons.getChildren().get(3)).setOnAction(e -> actions.deleteStory());
        ((javafx.scene.control.Button) buttons.getChildren().get(5)).setOnAction(e -> actions.showTrash());

        getChildren().addAll(search, filters, list, count, buttons);
    }

    private static ComboBox<String> choice(String id, String all, javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        // null stands for "any": the combo box shows its converter's text for it, which it does not for "".
        box.getItems().add(null);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? all : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setValue(null);
        box.valueProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
        return box;
    }

    private static void refill(ComboBox<String> box, java.util.List<String> values) {
        String current = box.getValue();
        java.util.List<String> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(values);
        box.getItems().setAll(items);
        box.setValue(current != null && values.contains(current) ? current : null);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * Selects a story in the list without reopening it if it is already open, scrolling to it even when
     * its page has not been read yet (the workspace says where it stands).
     */
    public void select(String id) {
        wanted = id;
        if (reselect()) {
            return;
        }
        model.position(id).thenAccept(at -> {
            if (at >= 0 && at < list.getItems().size() && id.equals(wanted)) {
                list.getSelectionModel().select(at);
                list.scrollTo(at);
            }
        });
    }

    /** Selects the wanted story if a page in memory holds it; true if it is selected now. */
    private boolean reselect() {
        StoryItem selected = list.getSelectionModel().getSelectedItem();
        if (wanted.isEmpty() || selected != null && selected.id().equals(wanted)) {
            return selected != null;
        }
        if (selected != null && selected.loading()) {
            // A line picked before its page arrived (End, Page Down): it stays picked.
            return false;
        }
        int at = ((PagedStories) model.items()).indexOfId(wanted);
        if (at < 0) {
            return false;
        }
        list.getSelectionModel().select(at);
        list.scrollTo(at);
        return true;
    }

    String selectedId() {
        StoryItem item = list.getSelectionModel().getSelectedItem();
        return item == null ? "" : item.id();
    }

    /** Title on top, then a status badge and the date; the matching words when searching. */
    private static final class StoryCell extends ListCell<StoryItem> {
        private final ResourceBundle text;
        private final DateTimeFormatter dates;
        private final ListView<StoryItem> owner;

        StoryCell(ResourceBundle text, DateTimeFormatter dates, ListView<StoryItem> owner) {
            this.text = text;
            this.dates = dates;
            this.owner = owner;
        }

        @Override
        protected void updateItem(StoryItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.loading()) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label title = new Label(item.title().isBlank() ? item.id() : item.title());
            title.getStyleClass().add("story-title");
            Label badge = new Label(StatusNames.name(text, item.status()));
            badge.getStyleClass().addAll("status-badge", "status-" + item.status().id());
            Label date = new Label(dates.format(item.updatedAt()));
            date.getStyleClass().add("story-date");
            HBox meta = new HBox(6, badge, date);
            VBox box = new VBox(2, title, meta);
            if (!item.snippet().isBlank()) {
                Label snippet = new Label(item.snippet());
                snippet.getStyleClass().add("story-snippet");
                snippet.setWrapText(true);
                snippet.setMaxHeight(36);
                box.getChildren().add(snippet);
            }
            // Long titles end in an ellipsis within the list's width (no sideways scrolling); the tooltip has them whole.
            box.maxWidthProperty().bind(owner.widthProperty().subtract(28));
            box.setMinWidth(0);
            title.setMinWidth(0);
            setTooltip(new javafx.scene.control.Tooltip(title.getText()));
            setText(null);
            setGraphic(box);
        }
    }
}
