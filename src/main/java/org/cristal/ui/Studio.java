package org.cristal.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceLocations;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.cristal.ui.publish.PassphrasePrompt;
import org.cristal.ui.publish.Publishing;

/**
 * Puts the studio in a stage: language and theme from the settings, the window, then the workspace
 * (the one named by CRISTAL_WORKSPACE, else the last one used, else the default with its samples).
 */
public final class Studio {
    private final Stage stage;
    private final Settings settings;
    private final Optional<Path> workspaceOverride;
    private StudioModel model;
    private StudioWindow window;
    private CompletableFuture<Workspace> opened;
    private org.cristal.ui.publish.Publishing publishing;
    private java.util.function.Consumer<String> links = url -> { };
    private Path logFolder;

    public Studio(Stage stage, Settings settings, Optional<Path> workspaceOverride) {
        this(stage, settings, workspaceOverride, null);
    }

    /** With the plugins and secret store to publish with; null for the installed ones. */
    public Studio(Stage stage, Settings settings, Optional<Path> workspaceOverride,
            org.cristal.ui.publish.Publishing publishing) {
        this.publishing = publishing;
        this.stage = stage;
        this.settings = settings;
        this.workspaceOverride = workspaceOverride;
    }

    /** The language the settings ask for, or the system's when it is French, else English. */
    public static Locale locale(Settings settings) {
        String lang = settings.get("language", "system");
        if ("fr".equals(lang)) {
            return Locale.FRENCH;
        }
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        return "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    public void start() {
        start(Optional.empty());
    }

    /**
     * Opens the studio on {@code file} when given: a {@code .cristal} workspace opens in place of the usual
     * one (and if it cannot, the usual one opens and the problem bar says why); a Markdown file opens in the
     * usual workspace, once it is open.
     */
    public void start(Optional<Path> file) {
        Theme.apply("dark".equals(settings.get("theme", "light")));
        Path usual = workspaceOverride.orElseGet(() -> settings.lastWorkspace().filter(Files::isRegularFile)
                .orElseGet(WorkspaceLocations::defaultPath));
        Path path = file.filter(f -> isWorkspace(f) && Files.isRegularFile(f)).orElse(usual);
        build(path);
        if (path != usual) {
            opened.whenComplete((ws, e) -> {
                if (e != null) {
                    String why = model.problemProperty().get();
                    model.open(usual).thenRun(() -> model.report(why));
                }
            });
        } else {
            file.ifPresent(f -> opened.whenComplete((ws, e) -> open(f)));
        }
        if (!settings.getBoolean("welcome.shown")) {
            opened.thenRun(() -> Platform.runLater(() -> {
                Welcome.show(stage, model.text());
                settings.put("welcome.shown", "true");
            }));
        }
    }

    private void build(Path path) {
        Locale locale = locale(settings);
        if (publishing == null) {
            publishing = org.cristal.ui.publish.Publishing.defaults(
                    new PassphrasePrompt(() -> stage, StudioWindow.bundle(locale)));
        }
        model = new StudioModel(Workers.start(Platform::runLater), settings, StudioWindow.bundle(locale), locale,
                publishing);
        // The file opens on the workspace thread while the window is built; its result reaches the UI
        // thread only after this method returns, when the window's listeners are in place.
        opened = model.open(path);
        window = new StudioWindow(model, this::relaunch);
        window.show(stage);
        window.commands().setLinks(links);
        window.commands().setLogFolder(logFolder);
        stage.setOnHiding(e -> stop());
    }

    /**
     * Opens a file handed to the running studio (the desktop's open-file event): a workspace in place of
     * the open one, a Markdown file as a story of the open workspace. Call on the UI thread.
     */
    public void open(Path file) {
        if (model == null) {
            return;
        }
        if (!Files.exists(file)) {
            model.reportMissingFile(file);
        } else if (isWorkspace(file)) {
            model.open(file);
        } else if (model.workspaceProperty().get() != null) {
            model.openStoryFile(file);
        }
    }

    /** A file the studio opens as a workspace; any other file it is given is taken as a story. */
    public static boolean isWorkspace(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cristal");
    }

    /** Rebuilds the window in the new language on the same workspace; nothing typed is lost. */
    private void relaunch() {
        Workspace ws = model.workspaceProperty().get();
        Path path = ws == null ? WorkspaceLocations.defaultPath() : ws.path();
        window.dispose();
        model.close();
        build(path);
    }

    /** The language switch, without the settings dialog (tests). */
    public void relaunchForTests() {
        relaunch();
    }

    /** How links to what went live open: the application's HostServices::showDocument. */
    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        links = opener;
        if (window != null) {
            window.commands().setLinks(opener);
        }
    }

    /** Where the app writes its log (shown in the About dialog); null when it keeps none. */
    public void setLogFolder(Path folder) {
        logFolder = folder;
        if (window != null) {
            window.commands().setLogFolder(folder);
        }
    }

    StudioWindow window() {
        return window;
    }

    public StudioModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** True once the four previews (those visible) show the open story: pages loaded, brochure drawn. */
    public boolean previewsShown() {
        return window != null && window.previews() != null && window.previews().filled();
    }

    /** Saves what is typed, remembers the window, closes the workspace. Safe to call twice. */
    public void stop() {
        if (model != null) {
            window.remember();
            model.close();
            model = null;
        }
    }
}
