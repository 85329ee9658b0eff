package org.cristal.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
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
import org.cristal.ui.export.ExportCommands;
import org.cristal.ui.export.ExportModel;
import org.cristal.ui.history.HistoryCommands;
import org.cristal.ui.library.LibraryCommands;
import org.cristal.ui.preview.PreviewLayout;
import org.cristal.ui.publish.PublishCommands;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menus, toolbar and shortcuts: where each command is, not what it does (that is each screen's commands). */
final class StudioMenus {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5};
    private final StudioWindow window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private final StudioCommands commands;
    private final LibraryCommands library;
    private final HistoryCommands history;
    private final PublishCommands publish;
    private final ExportCommands exports;
    private final ToggleGroup layouts = new ToggleGroup();
    private MenuBar bar;

    StudioMenus(StudioWindow window, StudioCommands commands) {
        this.window = window;
        this.model = commands.model();
        this.text = commands.text();
        this.commands = commands;
        this.library = commands.library();
        this.history = commands.history();
        this.publish = commands.publish();
        this.exports = commands.exports();
    }

    /** The story open in the editor, printed once per contact of a segment (personalised print). */
    private void showPrint() {
        org.cristal.library.Workspace ws = model.workspaceProperty().get();
        if (ws == null || !model.editor().isOpen()) {
            return;
        }
        model.editor().saveNow();
        org.cristal.ui.print.PrintDialog.show(window.stage(), text, new org.cristal.ui.print.PrintModel(model.workers(),
                ws, model.editor().storyId(), text, model.locale()), commands.choosers(), commands.links());
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
                item.setOnAction(e -> commands.openWorkspace(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        file.getItems().addAll(
                item("menuNewStory", "menu.newStory", shortcut(KeyCode.N), library::newStory),
                item("menuSave", "menu.save", shortcut(KeyCode.S), () -> model.editor().saveNow()),
                new SeparatorMenuItem(),
                item("menuNewWorkspace", "menu.newWorkspace", null, commands::newWorkspace),
                item("menuOpenWorkspace", "menu.openWorkspace", shortcut(KeyCode.O), commands::chooseWorkspace),
                recent,
                new SeparatorMenuItem(),
                item("menuImport", "menu.import", null, exports::importFolder),
                item("menuExportWorkspace", "menu.exportWorkspace", null, exports::exportWorkspace),
                new SeparatorMenuItem(),
                item("menuSettings", "menu.settings", null, commands::showSettings),
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
                item("menuHistory", "menu.history", null, this.history::show),
                item("menuDuplicate", "menu.duplicate", null, library::duplicateStory),
                item("menuArchive", "menu.archive", null, library::archiveStory),
                item("menuDelete", "menu.delete", null, library::deleteStory),
                item("menuTrash", "menu.trash", null, library::showTrash),
                new SeparatorMenuItem(),
                item("menuBrands", "menu.brands", null, commands::showBrands));
        Menu export = new Menu(text.getString("menu.export"));
        export.setId("exportMenu");
        // A Menu is not a node; its label in the menu bar is, and tests click it by this id.
        javafx.scene.control.Label exportLabel = new javafx.scene.control.Label(text.getString("menu.export"));
        exportLabel.setId("exportMenuLabel");
        export.setText(null);
        export.setGraphic(exportLabel);
        export.getItems().addAll(
                item("menuExportAll", "menu.exportAll", shortcut(KeyCode.E),
                        () -> exports.exportStory(ExportModel.Kind.ALL)),
                item("menuExportBrochure", "menu.exportBrochure", null,
                        () -> exports.exportStory(ExportModel.Kind.BROCHURE)),
                item("menuExportEml", "menu.exportEml", null, () -> exports.exportStory(ExportModel.Kind.EMAIL_EML)),
                item("menuExportHtml", "menu.exportEmailHtml", null,
                        () -> exports.exportStory(ExportModel.Kind.EMAIL_HTML)),
                item("menuExportWeb", "menu.exportWeb", null, () -> exports.exportStory(ExportModel.Kind.WEB)));
        Menu view = new Menu(text.getString("menu.view"));
        PreviewLayout[] all = PreviewLayout.values();
        String[] keys = {"layout.grid", "layout.web", "layout.email", "layout.social", "layout.brochure"};
        for (int i = 0; i < all.length; i++) {
            PreviewLayout l = all[i];
            view.getItems().add(item("menuLayout" + i, keys[i], shortcut(DIGITS[i]),
                    () -> window.previews().layoutProperty().set(l)));
        }
        view.getItems().addAll(new SeparatorMenuItem(), brochureMenu(), new SeparatorMenuItem(),
                item("menuTheme", "menu.toggleTheme", null, commands::toggleTheme),
                item("menuWelcome", "menu.welcome", null, () -> Welcome.show(window.stage(), text)));
        view.getItems().add(1, item("menuCalendar", "menu.calendar", null, this.publish::showCalendar));
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
                        this.publish::showPublish),
                item("menuPublications", "menu.publications", null, this.publish::showPublications),
                item("menuResults", "menu.results", null, commands.results()::show),
                item("menuFetchResults", "menu.fetchResults", null, this.publish::fetchResults),
                item("menuPublishCalendar", "menu.calendar", null, this.publish::showCalendar),
                // The audience and the one-to-one work on it, together.
                new SeparatorMenuItem(),
                item("menuContacts", "menu.contacts", null, commands.contacts()::show),
                item("menuPersonas", "menu.personas", null, () -> commands.personas().show("")),
                item("menuScenarios", "menu.scenarios", null,
                        new org.cristal.ui.scenario.ScenarioCommands(commands)::show),
                item("menuCohorts", "menu.cohorts", null, new org.cristal.ui.cohort.CohortsCommands(commands)::show),
                item("menuPrintForEach", "menu.printForEach", null, this::showPrint),
                item("menuAbtestPlanner", "menu.abtestPlanner", null, () -> org.cristal.ui.abtest.PlannerDialog.show(
                        window.stage(), text, model.locale())),
                new SeparatorMenuItem(),
                item("menuChannels", "menu.channels", null, this.publish::showChannels));
        bar = new MenuBar(file, edit, story, export, publish, view, helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    /**
     * Shortcuts, documentation, a problem report, About. JavaFX offers no hook into the macOS application
     * menu, so About stays here on every platform (as in JabRef).
     */
    private Menu helpMenu() {
        Menu help = new Menu();
        help.setId("helpMenu");
        javafx.scene.control.Label helpLabel = new javafx.scene.control.Label(text.getString("menu.help"));
        helpLabel.setId("helpMenuLabel");
        help.setGraphic(helpLabel);
        help.getItems().addAll(
                item("menuShortcuts", "menu.shortcuts", null,
                        () -> commands.showShortcuts(bar)),
                item("menuDocs", "menu.docs", new KeyCodeCombination(KeyCode.F1), commands::showDocs),
                item("menuReport", "menu.report", null, commands::reportProblem),
                new SeparatorMenuItem(),
                item("menuAbout", "menu.about", null, commands::showAbout));
        return help;
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
        history.setOnAction(e -> this.history.show());
        Button brands = Icons.button("brandsButton", Feather.DROPLET, text.getString("action.brands.tip"));
        brands.setOnAction(e -> commands.showBrands());
        Button exportAll = Icons.button("exportAllButton", Feather.DOWNLOAD, text.getString("action.exportAll.tip"));
        exportAll.setOnAction(e -> exports.exportStory(ExportModel.Kind.ALL));
        Button theme = Icons.button("themeButton", Feather.MOON, text.getString("action.theme.tip"));
        theme.setOnAction(e -> commands.toggleTheme());
        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        Button publish = Icons.button("publishButton", Feather.SEND, window.format("shortcut.tip",
                text.getString("action.publish.tip"), new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN).getDisplayText()));
        publish.setOnAction(e -> this.publish.showPublish());
        Button calendar = Icons.button("calendarButton", Feather.CALENDAR, text.getString("action.calendar.tip"));
        calendar.setOnAction(e -> this.publish.showCalendar());
        Button contacts = Icons.button("contactsButton", Feather.USERS, text.getString("action.contacts.tip"));
        contacts.setOnAction(e -> commands.contacts().show());
        Button results = Icons.button("resultsButton", Feather.BAR_CHART_2, text.getString("action.results.tip"));
        results.setOnAction(e -> commands.results().show());
        ToolBar bar = new ToolBar(history, brands, exportAll, publish, calendar, contacts, results, spacer);
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
}
