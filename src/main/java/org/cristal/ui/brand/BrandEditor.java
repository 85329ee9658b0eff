package org.cristal.ui.brand;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cristal.story.Severity;
import org.cristal.ui.brand.BrandEditorModel.Entry;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The brand-kit editor: the workspace's brand kits on the left (new, duplicate, delete), the
 * selected kit's form on the right, Save and Revert at the bottom (Ctrl+S saves while focus is
 * inside). Every edit shows at once in the model's preview brand, which the studio's previews follow.
 */
public final class BrandEditor extends BorderPane {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final BrandText t;
    private final BrandEditorModel model;
    /** A copy of the model's list: replacing it must not look like the user picking another brand. */
    private final ObservableList<Entry> shown = FXCollections.observableArrayList();
    private final ListView<Entry> list = new ListView<>(shown);
    private final Label message = new Label();
    private boolean syncing;
    private Function<Window, Optional<Path>> chooseLogo = this::chooseLogoFile;
    private Predicate<String> confirm = this::askUser;

    public BrandEditor(ResourceBundle text, Locale locale, BrandEditorModel model) {
        this.t = new BrandText(text, locale);
        this.model = model;
        setId("brandEditor");
        setLeft(brandList());
        ScrollPane scroll = new ScrollPane(new BrandForm(t, model, this::chooseLogo));
        scroll.setId("brandFormScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setBottom(actions());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                model.save();
            }
        });
    }

    public BrandEditorModel model() {
        return model;
    }

    /**
     * Who picks a logo file when the user presses "Choose…": given this editor's window, returns
     * the file or nothing. The file is then stored in the workspace. By default, a plain FileChooser.
     */
    public void setOnChooseLogo(Function<Window, Optional<Path>> chooser) {
        this.chooseLogo = chooser;
    }

    /** Who answers the editor's yes/no questions (delete, discard edits). By default, a dialog. */
    public void setConfirmation(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    /** Shows the editor in its own window owned by {@code owner} (may be null); closing it drops unsaved edits after asking. */
    public static Stage showDialog(Window owner, ResourceBundle text, Locale locale, BrandEditorModel model) {
        return showDialog(owner, new BrandEditor(text, locale, model));
    }

    /** As above, with an editor the caller has set up (logo chooser, confirmation). */
    public static Stage showDialog(Window owner, BrandEditor editor) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(editor.t.get("brand.title"));
        // Fits a 1366×768 screen with its task bar; the form scrolls.
        stage.setScene(new Scene(editor, 1100, 700));
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> {
            if (!editor.mayDropEdits()) {
                e.consume();
            } else {
                // The studio's previews follow the preview brand: give them back the saved kit.
                editor.model.revert();
            }
        });
        stage.show();
        return stage;
    }

    private VBox brandList() {
        Button add = iconButton("brandNew", Feather.PLUS, "brand.list.new.tooltip");
        add.setOnAction(e -> {
            if (mayDropEdits()) {
                model.newBrand(t.get("brand.new.name"));
            }
        });
        Button duplicate = iconButton("brandDuplicate", Feather.COPY, "brand.list.duplicate.tooltip");
        duplicate.setOnAction(e -> model.duplicate(t.format("brand.duplicate.name", model.nameProperty().get())));
        Button delete = iconButton("brandDelete", Feather.TRASH_2, "brand.list.delete.tooltip");
        delete.setOnAction(e -> {
            String name = model.nameProperty().get();
            model.delete(() -> confirm.test(t.format("brand.delete.confirm", name)));
        });
        duplicate.disableProperty().bind(model.editingProperty().not());
        delete.disableProperty().bind(model.editingProperty().not());
        HBox tools = new HBox(4, add, duplicate, delete);

        list.setId("brandList");
        list.setPlaceholder(new Label(t.get("brand.list.empty")));
        list.setCellFactory(v -> new EntryCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        model.getBrands().addListener((ListChangeListener<Entry>) c -> syncList());
        model.selectedIdProperty().addListener((obs, was, now) -> syncList());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (syncing || now == null || now.id().equals(model.getSelectedId())) {
                return;
            }
            if (mayDropEdits()) {
                model.select(now.id());
            } else {
                syncList(); // stay on the brand being edited
            }
        });
        syncList();
        VBox left = new VBox(8, tools, list);
        left.setPadding(new Insets(12, 0, 12, 12));
        left.setPrefWidth(230);
        left.setMinWidth(180);
        return left;
    }

    private void syncList() {
        syncing = true;
        try {
            if (!shown.equals(model.getBrands())) {
                shown.setAll(model.getBrands());
            }
            String id = model.getSelectedId();
            Optional<Entry> current = shown.stream().filter(e -> e.id().equals(id)).findFirst();
            if (current.isPresent()) {
                list.getSelectionModel().select(current.get());
            } else {
                list.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private HBox actions() {
        message.setId("brandMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        model.messageProperty().addListener((obs, was, now) -> showMessage(now));
        Label unsaved = new Label(t.get("brand.unsaved"));
        unsaved.setId("brandDirty");
        unsaved.getStyleClass().add(Styles.TEXT_MUTED);
        unsaved.visibleProperty().bind(model.dirtyProperty());
        unsaved.managedProperty().bind(unsaved.visibleProperty());

        Button revert = new Button(t.get("brand.revert"), new FontIcon(Feather.ROTATE_CCW));
        revert.setId("brandRevert");
        revert.setTooltip(new Tooltip(t.get("brand.revert.tooltip")));
        revert.disableProperty().bind(model.dirtyProperty().not());
        revert.setOnAction(e -> model.revert());
        Button save = new Button(t.get("brand.save"), new FontIcon(Feather.SAVE));
        save.setId("brandSave");
        save.setTooltip(new Tooltip(t.get("brand.save.tooltip")));
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.dirtyProperty().not());
        save.setOnAction(e -> model.save());

        HBox bar = new HBox(10, message, unsaved, revert, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add(Styles.BORDER_SUBTLE);
        bar.setStyle("-fx-border-width: 1 0 0 0;");
        return bar;
    }

    private void showMessage(BrandEditorModel.Message m) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (m == null) {
            message.setText("");
            return;
        }
        message.setText(t.format(m.key(), m.args()));
        message.getStyleClass().add(m.severity() == Severity.ERROR ? Styles.DANGER : Styles.SUCCESS);
    }

    /** True when there are no unsaved edits, or the user agrees to drop them. */
    private boolean mayDropEdits() {
        return !model.isDirty() || confirm.test(t.format("brand.discard.confirm", model.nameProperty().get()));
    }

    private void chooseLogo() {
        Window window = getScene() == null ? null : getScene().getWindow();
        chooseLogo.apply(window).ifPresent(model::importLogo);
    }

    private Optional<Path> chooseLogoFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t.get("brand.logo.dialog"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.get("brand.logo.images"),
                List.of("*.png", "*.jpg", "*.jpeg", "*.gif")));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    private boolean askUser(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.setTitle(t.get("brand.title"));
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Button iconButton(String id, Feather icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(t.get(tooltip)));
        return b;
    }

    /** A brand's name over its id, the id muted: two kits may share a name, never an id. */
    private static final class EntryCell extends ListCell<Entry> {
        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(item.name().isBlank() ? item.id() : item.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label id = new Label(item.id());
            id.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            setText(null);
            setGraphic(new VBox(1, name, id));
            // A long name ends in an ellipsis (its tooltip has it whole) rather than scrolling the list sideways.
            setPrefWidth(0);
            setTooltip(new Tooltip(name.getText()));
        }
    }
}
