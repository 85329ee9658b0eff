package org.cristal.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.cristal.library.WorkspaceException;
import org.cristal.story.StoryFormatException;
import org.cristal.ui.brand.BrandKits;
import org.cristal.ui.contacts.ContactsCommands;
import org.cristal.ui.export.ExportCommands;
import org.cristal.ui.help.AboutDialog;
import org.cristal.ui.help.BuildInfo;
import org.cristal.ui.help.DocsWindow;
import org.cristal.ui.help.ProblemReport;
import org.cristal.ui.help.ShortcutsDialog;
import org.cristal.ui.history.HistoryCommands;
import org.cristal.ui.library.LibraryCommands;
import org.cristal.ui.model.Problems;
import org.cristal.ui.publish.PublishCommands;
import org.cristal.ui.results.ResultsCommands;

/**
 * The window's own commands (workspaces, image, look, settings) and the context every screen's commands
 * run in: how they reach the stage, the choosers, the links and the user. The menus and toolbar that call
 * them are {@link StudioMenus}; what a feature's command does lives in the feature's package.
 */
final class StudioCommands implements CommandContext {
    private final StudioWindow window;
    private final StudioModel model;
    private final ResourceBundle text;
    private final LibraryCommands library;
    private final HistoryCommands history;
    private final PublishCommands publish;
    private final ExportCommands exports;
    private final ContactsCommands contacts;
    private final ResultsCommands results;
    private final org.cristal.ui.persona.PersonaCommands personas;
    private Choosers choosers = Choosers.PLATFORM;
    private Consumer<String> links = url -> { };
    private Path logFolder;

    StudioCommands(StudioWindow window, StudioModel model) {
        this.window = window;
        this.model = model;
        this.text = model.text();
        this.library = new LibraryCommands(this, () -> {
            window.editor().requestFocus();
            window.editor().area().selectAll();
        });
        this.history = new HistoryCommands(this);
        this.publish = new PublishCommands(this);
        this.exports = new ExportCommands(this, window::showJob);
        this.contacts = new ContactsCommands(this);
        this.results = new ResultsCommands(this);
        this.personas = new org.cristal.ui.persona.PersonaCommands(this,
                new org.cristal.ui.persona.PersonaCardModel(model.workers(), model.workspaceProperty()::get));
    }

    LibraryCommands library() {
        return library;
    }

    HistoryCommands history() {
        return history;
    }

    PublishCommands publish() {
        return publish;
    }

    ExportCommands exports() {
        return exports;
    }

    ContactsCommands contacts() {
        return contacts;
    }

    ResultsCommands results() {
        return results;
    }

    org.cristal.ui.persona.PersonaCommands personas() {
        return personas;
    }

    @Override
    public Stage stage() {
        return window.stage();
    }

    @Override
    public StudioModel model() {
        return model;
    }

    @Override
    public ResourceBundle text() {
        return text;
    }

    @Override
    public String format(String key, Object... args) {
        return window.format(key, args);
    }

    @Override
    public Choosers choosers() {
        return choosers;
    }

    @Override
    public Consumer<String> links() {
        return links;
    }

    void setChoosers(Choosers c) {
        choosers = c;
    }

    /** How a link to what went live is opened (the app's HostServices; tests record it). */
    void setLinks(Consumer<String> opener) {
        links = opener;
    }

    /** Where the app writes its log, for the About dialog; null when it keeps none (tests). */
    void setLogFolder(Path folder) {
        logFolder = folder;
    }

    Path logFolder() {
        return logFolder;
    }

    @Override
    public <T> void then(CompletableFuture<T> work, Consumer<T> onDone) {
        work.whenComplete((result, t) -> Platform.runLater(() -> {
            if (t != null) {
                failed(t);
            } else {
                onDone.accept(result);
            }
        }));
    }

    void showBrands() {
        BrandKits.show(window.stage(), model);
    }

    void chooseImage() {
        choosers.openFile(window.stage(), text.getString("image.choose"), text.getString("image.filter"),
                List.of("*.jpg", "*.jpeg", "*.png", "*.gif", "*.webp"))
                .ifPresent(f -> ImageImport.attach(model, f, this::failed));
    }

    // --- workspaces

    void openWorkspace(Path path) {
        model.open(path);
    }

    void chooseWorkspace() {
        choosers.openFile(window.stage(), text.getString("menu.openWorkspace"), text.getString("workspace.filter"),
                List.of("*.cristal")).ifPresent(this::openWorkspace);
    }

    void newWorkspace() {
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

    @Override
    public void notify(String message) {
        window.notices().show(message, Duration.seconds(6));
    }

    @Override
    public void notice(String message, Duration hideAfter, String actionLabel, Runnable action, boolean warning) {
        window.notices().show(message, hideAfter, actionLabel, action, warning);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public void failed(Throwable t) {
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
        } else if (Problems.diskFull(cause)) {
            reason = text.getString("error.diskFull");
        } else {
            reason = text.getString("error.unexpected");
        }
        model.report(reason);
    }

    // --- help

    void showShortcuts(javafx.scene.control.MenuBar bar) {
        ShortcutsDialog.show(window.stage(), text, bar);
    }

    void showDocs() {
        DocsWindow.show(window.stage(), text, url -> links.accept(url));
    }

    /** Opens a prefilled issue page (or e-mail) with the version and system, nothing personal. */
    void reportProblem() {
        links.accept(ProblemReport.uri(BuildInfo.current(), text, model.locale()));
    }

    void showAbout() {
        org.cristal.library.Workspace ws = model.workspaceProperty().get();
        AboutDialog.show(window.stage(), text, model.locale(), ws == null ? null : ws.path(), logFolder,
                url -> links.accept(url), model.workers().render());
    }

    // --- look and language

    void toggleTheme() {
        boolean dark = !"dark".equals(model.settings().get("theme", "light"));
        model.settings().put("theme", dark ? "dark" : "light");
        Theme.apply(dark);
    }

    void showSettings() {
        SettingsDialog.show(window.stage(), model, window::relaunch);
    }
}
