package org.cristal.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.cristal.library.TrashedStory;
import org.cristal.library.WorkspaceException;
import org.cristal.story.StoryFormatException;
import org.cristal.ui.model.ExportModel;
import org.cristal.ui.model.StudioModel;
import org.cristal.ui.preview.PreviewLayout;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menus, toolbar and shortcuts, and what each command does. */
final class StudioCommands implements StudioActions {
    private final StudioWindow window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5};
    private final ToggleGroup layouts = new ToggleGroup();
    private Choosers choosers = Choosers.PLATFORM;
    private java.util.function.Consumer<String> links = url -> { };

    StudioCommands(StudioWindow window, StudioModel model) {
        this.window = window;
        this.model = model;
        this.text = model.text();
    }

    MenuBar menuBar() {
        Menu file = new Menu(text.getString("menu.file"));
        file.setId("fileMenu");
        Menu recent = new Menu(text.getString("menu.recent"));
        recent.setId("recentMenu");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : model.recent()) {
                MenuItem item = new MenuItem(window.format("menu.recentItem", p.getFileName(), p.getParent()));
                item.setOnAction(e -> openWorkspace(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        file.getItems().addAll(
                item("menuNewStory", "menu.newStory", shortcut(KeyCode.N), this::newStory),
                item("menuSave", "menu.save", shortcut(KeyCode.S), () -> model.editor().saveNow()),
                new SeparatorMenuItem(),
                item("menuNewWorkspace", "menu.newWorkspace", null, this::newWorkspace),
                item("menuOpenWorkspace", "menu.openWorkspace", shortcut(KeyCode.O), this::chooseWorkspace),
                recent,
                new SeparatorMenuItem(),
                item("menuImport", "menu.import", null, this::importFolder),
                item("menuExportWorkspace", "menu.exportWorkspace", null, this::exportWorkspace),
                new SeparatorMenuItem(),
                item("menuSettings", "menu.settings", null, this::showSettings),
                item("menuQuit", "menu.quit", shortcut(KeyCode.Q), () -> {
                    window.remember();
                    window.stage().close();
                    Platform.exit();
                }));
        Menu edit = new Menu(text.getString("menu.edit"));
        edit.getItems().addAll(
                item("menuUndo", "menu.undo", shortcut(KeyCode.Z), () -> window.editor().undo()),
                item("menuRedo", "menu.redo", shortcut(KeyCode.Y), () -> window.editor().redo()),
                new SeparatorMenuItem(),
                item("menuFind", "menu.search", shortcut(KeyCode.F), () -> window.sidebar().focusSearch()),
                item("menuReplace", "menu.replace", shortcut(KeyCode.H), () -> window.editor().showFind()));
        Menu story = new Menu(text.getString("menu.story"));
        story.getItems().addAll(
                item("menuHistory", "menu.history", null, this::showHistory),
                item("menuDuplicate", "menu.duplicate", null, this::duplicateStory),
                item("menuArchive", "menu.archive", null, this::archiveStory),
                item("menuDelete", "menu.delete", null, this::deleteStory),
                item("menuTrash", "menu.trash", null, this::showTrash),
                new SeparatorMenuItem(),
                item("menuBrands", "menu.brands", null, this::showBrands));
        Menu export = new Menu(text.getString("menu.export"));
        export.setId("exportMenu");
        // A Menu is not a node; its label in the menu bar is, and tests click it by this id.
        javafx.scene.control.Label exportLabel = new javafx.scene.control.Label(text.getString("menu.export"));
        exportLabel.setId("exportMenuLabel");
        export.setText(null);
        export.setGraphic(exportLabel);
        export.getItems().addAll(
                item("menuExportAll", "menu.exportAll", shortcut(KeyCode.E), () -> exportStory(ExportModel.Kind.ALL)),
                item("menuExportBrochure", "menu.exportBrochure", null, () -> exportStory(ExportModel.Kind.BROCHURE)),
                item("menuExportEml", "menu.exportEml", null, () -> exportStory(ExportModel.Kind.EMAIL_EML)),
                item("menuExportHtml", "menu.exportEmailHtml", null, () -> exportStory(ExportModel.Kind.EMAIL_HTML)),
                item("menuExportWeb", "menu.exportWeb", null, () -> exportStory(ExportModel.Kind.WEB)));
        Menu view = new Menu(text.getString("menu.view"));
        PreviewLayout[] all = PreviewLayout.values();
        String[] keys = {"layout.grid", "layout.web", "layout.email", "layout.social", "layout.brochure"};
        for (int i = 0; i < all.length; i++) {
            PreviewLayout l = all[i];
            view.getItems().add(item("menuLayout" + i, keys[i], shortcut(DIGITS[i]),
                    () -> window.previews().layoutProperty().set(l)));
        }
        view.getItems().addAll(new SeparatorMenuItem(), brochureMenu(), new SeparatorMenuItem(),
                item("menuTheme", "menu.toggleTheme", null, this::toggleTheme),
                item("menuWelcome", "menu.welcome", null, () -> Welcome.show(window.stage(), text)));
        view.getItems().add(1, item("menuCalendar", "menu.calendar", null, this::showCalendar));
        view.getItems().add(2, new SeparatorMenuItem());
        Menu publish = new Menu(text.getString("menu.publish"));
        publish.setId("publishMenu");
        javafx.scene.control.Label publishLabel = new javafx.scene.control.Label(text.getString("menu.publish"));
        publishLabel.setId("publishMenuLabel");
        publish.setText(null);
        publish.setGraphic(publishLabel);
        publish.getItems().addAll(
                item("menuPublish", "menu.publishEverywhere",
                        new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::showPublish),
                item("menuPublications", "menu.publications", null, this::showPublications),
                item("menuPublishCalendar", "menu.calendar", null, this::showCalendar),
                new SeparatorMenuItem(),
                item("menuChannels", "menu.channels", null, this::showChannels));
        MenuBar bar = new MenuBar(file, edit, story, export, publish, view);
        bar.setId("menuBar");
        return bar;
    }

    /** Paper and print-ready choice for the brochure; the preview and the export follow it. */
    private Menu brochureMenu() {
        Menu menu = new Menu(text.getString("menu.brochure"));
        ToggleGroup paper = new ToggleGroup();
        javafx.beans.property.ObjectProperty<org.cristal.render.PaperSize> size = model.preview().paperProperty();
        javafx.beans.property.BooleanProperty exact = model.preview().exactPaperProperty();
        javafx.scene.control.RadioMenuItem a4 = paperItem("menuPaperA4", "menu.paper.a4", paper,
                org.cristal.render.PaperSize.A4, false);
        javafx.scene.control.RadioMenuItem a4Force = paperItem("menuPaperA4Force", "menu.paper.a4Force", paper,
                org.cristal.render.PaperSize.A4, true);
        javafx.scene.control.RadioMenuItem a5 = paperItem("menuPaperA5", "menu.paper.a5", paper,
                org.cristal.render.PaperSize.A5, false);
        javafx.scene.control.RadioMenuItem triFold = paperItem("menuPaperTriFold", "menu.paper.triFold", paper,
                org.cristal.render.PaperSize.TRI_FOLD, false);
        org.cristal.render.PaperSize now = size.get() == null ? org.cristal.render.PaperSize.A4 : size.get();
        (now.isTriFold() ? triFold : now.isFlyer() ? a5 : exact.get() ? a4Force : a4).setSelected(true);
        javafx.scene.control.CheckMenuItem ready = new javafx.scene.control.CheckMenuItem(
                text.getString("menu.printReady"));
        ready.setId("menuPrintReady");
        ready.selectedProperty().bindBidirectional(model.preview().printReadyProperty());
        menu.getItems().addAll(a4, a4Force, a5, triFold, new SeparatorMenuItem(), ready);
        return menu;
    }

    private javafx.scene.control.RadioMenuItem paperItem(String id, String key, ToggleGroup group,
            org.cristal.render.PaperSize paper, boolean exact) {
        javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(text.getString(key));
        item.setId(id);
        item.setToggleGroup(group);
        item.setOnAction(e -> {
            model.preview().exactPaperProperty().set(exact);
            model.preview().paperProperty().set(paper);
        });
        return item;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private MenuItem item(String id, String key, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text.getString(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    ToolBar toolBar() {
        Button history = Icons.button("historyButton", Feather.CLOCK, text.getString("action.history.tip"));
        history.setOnAction(e -> showHistory());
        Button brands = Icons.button("brandsButton", Feather.DROPLET, text.getString("action.brands.tip"));
        brands.setOnAction(e -> showBrands());
        Button exportAll = Icons.button("exportAllButton", Feather.DOWNLOAD, text.getString("action.exportAll.tip"));
        exportAll.setOnAction(e -> exportStory(ExportModel.Kind.ALL));
        Button theme = Icons.button("themeButton", Feather.MOON, text.getString("action.theme.tip"));
        theme.setOnAction(e -> toggleTheme());
        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        Button publish = Icons.button("publishButton", Feather.SEND, window.format("shortcut.tip",
                text.getString("action.publish.tip"), new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN).getDisplayText()));
        publish.setOnAction(e -> showPublish());
        Button calendar = Icons.button("calendarButton", Feather.CALENDAR, text.getString("action.calendar.tip"));
        calendar.setOnAction(e -> showCalendar());
        ToolBar bar = new ToolBar(history, brands, exportAll, publish, calendar, spacer);
        Feather[] icons = {Feather.GRID, Feather.GLOBE, Feather.MAIL, Feather.MESSAGE_CIRCLE, Feather.BOOK_OPEN};
        String[] tips = {"layout.grid", "layout.web", "layout.email", "layout.social", "layout.brochure"};
        for (int i = 0; i < icons.length; i++) {
            PreviewLayout l = PreviewLayout.values()[i];
            ToggleButton b = new ToggleButton(null, new FontIcon(icons[i]));
            b.setId("layout" + l.name().charAt(0) + l.name().substring(1).toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(layouts);
            String tip = window.format("shortcut.tip", text.getString(tips[i]), shortcut(DIGITS[i]).getDisplayText());
            b.setTooltip(new Tooltip(tip));
            b.setAccessibleText(tip);
            b.setUserData(l);
            b.setOnAction(e -> window.previews().layoutProperty().set(l));
            bar.getItems().add(b);
        }
        window.previews().layoutProperty().addListener((o, a, v) -> syncLayoutButtons(v));
        syncLayoutButtons(window.previews().layoutProperty().get());
        bar.getItems().add(theme);
        bar.setId("toolBar");
        return bar;
    }

    private void syncLayoutButtons(PreviewLayout l) {
        layouts.getToggles().forEach(t -> t.setSelected(t.getUserData() == l));
    }

    // --- stories

    @Override
    public void openStory(String id) {
        model.editor().open(id);
    }

    @Override
    public void newStory() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        // The new story speaks for the brand in use: the sidebar's brand filter, else the open story's.
        String brand = model.library().brandProperty().get();
        if (brand.isBlank() && model.editor().isOpen()) {
            brand = model.editor().form().brandProperty().get();
        }
        String lang = model.locale().getLanguage();
        then(model.library().newStory(brand == null ? "" : brand, lang), id -> {
            model.library().queryProperty().set("");
            model.editor().open(id).thenRun(() -> Platform.runLater(() -> {
                // The starter text is selected: the first keystroke replaces it.
                window.editor().requestFocus();
                window.editor().area().selectAll();
            }));
        });
    }

    @Override
    public void duplicateStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        model.editor().saveNow();
        then(model.library().duplicate(id), copy -> model.editor().open(copy));
    }

    @Override
    public void archiveStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        model.editor().saveNow();
        then(model.library().archive(id), x -> {
            model.editor().reload();
            notify(window.format("notice.archived", model.editor().form().titleProperty().get()));
        });
    }

    @Override
    public void deleteStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        String title = model.editor().form().titleProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(window.stage());
        ask.setTitle(text.getString("delete.title"));
        ask.setHeaderText(window.format("delete.question", title));
        ask.setContentText(text.getString("delete.explain"));
        ButtonType delete = new ButtonType(text.getString("delete.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(delete, keep);
        ask.getDialogPane().lookupButton(delete).setId("confirmDelete");
        ask.showAndWait().filter(b -> b == delete).ifPresent(b -> {
            model.editor().closeLater();
            then(model.library().moveToTrash(id), trashed -> {
                if (!model.library().items().isEmpty()) {
                    model.editor().open(model.library().items().get(0).id());
                }
                window.notices().show(window.format("notice.trashed", title), Duration.seconds(8),
                        text.getString("notice.undo"), () -> untrash(trashed), false);
            });
        });
    }

    private void untrash(TrashedStory t) {
        then(model.library().untrash(t), id -> model.editor().open(id));
    }

    /** On the UI thread once {@code work} is done: {@code onDone} with its result, or the failure told to the user. */
    private <T> void then(java.util.concurrent.CompletableFuture<T> work, java.util.function.Consumer<T> onDone) {
        work.whenComplete((result, t) -> Platform.runLater(() -> {
            if (t != null) {
                failed(t);
            } else {
                onDone.accept(result);
            }
        }));
    }

    @Override
    public void showTrash() {
        TrashDialog.show(window.stage(), text, model.locale(), model.library(), this::untrash);
    }

    private void showHistory() {
        if (!model.editor().isOpen()) {
            return;
        }
        HistoryDialog.show(window.stage(), text, model.locale(), model.history(),
                () -> model.report(text.getString("history.restoreFailed")));
    }

    void showBrands() {
        BrandKits.show(window.stage(), model);
    }

    void setChoosers(Choosers c) {
        choosers = c;
    }

    /** How a link to what went live is opened (the app's HostServices; tests record it). */
    void setLinks(java.util.function.Consumer<String> opener) {
        links = opener;
    }

    // --- publishing

    void showChannels() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        ChannelsDialog.show(window.stage(), text, model.locale(), choosers, model.publishing().channels(),
                this::failed);
    }

    void showPublish() {
        if (!model.editor().isOpen()) {
            return;
        }
        // What goes out is the saved story: save what is typed first.
        model.editor().saveNow();
        PublishDialog.show(window.stage(), text, model.locale(), model.editor().form().titleProperty().get(),
                model.editor().storyId(), model.publishing().publishDialog(), links, this::showChannels,
                this::failed);
    }

    void showCalendar() {
        if (model.workspaceProperty().get() == null) {
            return;
        }
        CalendarDialog.show(window.stage(), text, model.publishing().calendar(), links, this::failed);
    }

    void showPublications() {
        if (!model.editor().isOpen()) {
            return;
        }
        PublicationsDialog.show(window.stage(), text, model.locale(), model.editor().form().titleProperty().get(),
                model.editor().storyId(), model.publishing().publications(), links, this::failed);
    }

    /** What the scheduler sent while the studio is open, as a notification. */
    void published(org.cristal.publish.Outcome o) {
        String account = o.entry().target() == null || o.entry().target().isBlank() ? o.entry().account()
                : o.entry().target();
        if (o.sent()) {
            String url = o.entry().url();
            boolean link = url != null && !url.isBlank();
            window.notices().show(window.format("notice.published", account), Duration.seconds(10),
                    link ? text.getString("notice.openLink") : null, link ? () -> links.accept(url) : null, false);
        } else {
            String reason = o.message() == null ? "" : o.message().get(model.locale());
            window.notices().show(window.format("notice.publishFailed", account, reason), Duration.seconds(10),
                    null, null, true);
        }
    }

    void chooseImage() {
        choosers.openFile(window.stage(), text.getString("image.choose"), text.getString("image.filter"),
                List.of("*.jpg", "*.jpeg", "*.png", "*.gif", "*.webp"))
                .ifPresent(f -> ImageImport.attach(model, f, this::failed));
    }

    // --- workspaces

    private void openWorkspace(Path path) {
        model.open(path);
    }

    private void chooseWorkspace() {
        choosers.openFile(window.stage(), text.getString("menu.openWorkspace"), text.getString("workspace.filter"),
                List.of("*.cristal")).ifPresent(this::openWorkspace);
    }

    private void newWorkspace() {
        Optional<Path> chosen = choosers.saveFile(window.stage(), text.getString("menu.newWorkspace"),
                text.getString("workspace.newName") + ".cristal");
        if (chosen.isPresent()) {
            Path p = chosen.get();
            if (!p.getFileName().toString().endsWith(".cristal")) {
                p = p.resolveSibling(p.getFileName() + ".cristal");
            }
            if (p.toFile().exists()) {
                // The save dialog already asked before replacing; a workspace is never overwritten, just opened.
                model.report(window.format("workspace.exists", p.getFileName()));
            }
            openWorkspace(p);
        }
    }

    private void importFolder() {
        choosers.folder(window.stage(), text.getString("menu.import"))
                .ifPresent(dir -> run(model.exports().start(ExportModel.Kind.IMPORT, dir)));
    }

    private void exportWorkspace() {
        choosers.folder(window.stage(), text.getString("menu.exportWorkspace"))
                .ifPresent(dir -> run(model.exports().start(ExportModel.Kind.WORKSPACE, dir)));
    }

    // --- exports

    void exportStory(ExportModel.Kind kind) {
        if (!model.editor().isOpen()) {
            return;
        }
        model.editor().saveNow();
        Optional<Path> target;
        if (kind == ExportModel.Kind.WEB || kind == ExportModel.Kind.ALL) {
            target = choosers.folder(window.stage(),
                    text.getString(kind == ExportModel.Kind.ALL ? "menu.exportAll" : "menu.exportWeb"))
                    .map(dir -> dir.resolve(model.exports().suggestedName(kind)));
        } else {
            String title = switch (kind) {
                case BROCHURE -> text.getString("menu.exportBrochure");
                case EMAIL_EML -> text.getString("menu.exportEml");
                default -> text.getString("menu.exportEmailHtml");
            };
            target = choosers.saveFile(window.stage(), title, model.exports().suggestedName(kind));
        }
        target.ifPresent(t -> run(model.exports().start(kind, t)));
    }

    void run(ExportModel.Job job) {
        window.showJob(job);
        job.result().whenComplete((files, t) -> Platform.runLater(() -> {
            if (t == null) {
                notify(model.exports().doneMessage(job, files));
                model.library().refresh();
            } else if (!(unwrap(t) instanceof CancellationException)) {
                failed(t);
            }
        }));
    }

    private void notify(String message) {
        window.notices().show(message, Duration.seconds(6));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Every failure reaches the user as one localized sentence; the details go to the log. */
    void failed(Throwable t) {
        Throwable cause = unwrap(t);
        System.getLogger(StudioCommands.class.getName()).log(System.Logger.Level.WARNING, "command failed", cause);
        String reason;
        if (cause instanceof WorkspaceException w) {
            reason = w.localizedMessage(model.locale());
        } else if (cause instanceof StoryFormatException s) {
            reason = s.localizedMessage(model.locale());
        } else if (cause instanceof java.nio.file.NoSuchFileException || cause instanceof java.nio.file.AccessDeniedException) {
            reason = window.format("error.file", cause.getMessage());
        } else if (cause instanceof java.io.IOException) {
            reason = window.format("error.io", String.valueOf(cause.getMessage()));
        } else if (org.cristal.ui.model.Problems.diskFull(cause)) {
            reason = text.getString("error.diskFull");
        } else {
            reason = text.getString("error.unexpected");
        }
        model.report(reason);
    }

    // --- look and language

    private void toggleTheme() {
        boolean dark = !"dark".equals(model.settings().get("theme", "light"));
        model.settings().put("theme", dark ? "dark" : "light");
        Theme.apply(dark);
    }

    private void showSettings() {
        SettingsDialog.show(window.stage(), model, window::relaunch);
    }

}
