package org.cristal.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Importer;
import org.cristal.library.SampleContent;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.WorkspaceLocations;
import org.cristal.ui.editor.EditorModel;
import org.cristal.ui.editor.StoryFormModel;
import org.cristal.ui.export.ExportModel;
import org.cristal.ui.history.HistoryModel;
import org.cristal.ui.library.LibraryModel;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.cristal.ui.preview.PreviewModel;
import org.cristal.ui.publish.Publishing;
import org.cristal.ui.publish.PublishingModel;

/**
 * The studio as a whole, without a single node: which workspace is open, the sidebar, the open
 * story, its previews and history, and what is remembered between runs.
 */
public final class StudioModel implements AutoCloseable {
    private final Workers workers;
    private final Settings settings;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final LibraryModel library;
    private final EditorModel editor;
    private final PreviewModel preview;
    private final HistoryModel history;
    private final ExportModel exports;
    private final PublishingModel publishing;

    public StudioModel(Workers workers, Settings settings, ResourceBundle text, Locale locale) {
        this(workers, settings, text, locale, Publishing.defaults(java.util.Optional::empty));
    }

    /** With the plugins and secret store to publish with (tests give their own). */
    public StudioModel(Workers workers, Settings settings, ResourceBundle text, Locale locale, Publishing plugins) {
        this.workers = workers;
        this.settings = settings;
        this.text = text;
        this.locale = locale;
        this.library = new LibraryModel(workers, workspace::get, text);
        this.editor = new EditorModel(workers, workspace::get, new StoryFormModel(), text, locale);
        this.preview = new PreviewModel(workers, workspace::get);
        this.history = new HistoryModel(workers, workspace::get, editor, text, locale);
        this.exports = new ExportModel(workers, workspace::get, editor, preview, text, locale);
        this.publishing = new PublishingModel(workers, workspace::get, plugins, text, locale);
        publishing.onOutcome(o -> {
            if (o.sent()) {
                editor.publicationSent(o.entry().storyId());
            }
        });
        try {
            preview.paperProperty().set(org.cristal.render.PaperSize.valueOf(settings.get("brochure.paper", "A4")));
        } catch (IllegalArgumentException e) {
            preview.paperProperty().set(org.cristal.render.PaperSize.A4);
        }
        preview.printReadyProperty().set(settings.getBoolean("brochure.printReady"));
        preview.exactPaperProperty().set(settings.getBoolean("brochure.exactPaper"));
        preview.exactPaperProperty().addListener((o, a, b) -> settings.put("brochure.exactPaper", String.valueOf(b)));
        preview.spellingProperty().set(settings.spellingEnabled());
        preview.spellingProperty().addListener((o, a, b) -> settings.setSpellingEnabled(b));
        preview.paperProperty().addListener((o, a, b) -> settings.put("brochure.paper", b.name()));
        preview.printReadyProperty().addListener((o, a, b) -> settings.put("brochure.printReady", String.valueOf(b)));
        recent.setAll(settings.recentWorkspaces());
        // The status bar's counts follow creations, deletions and imports, not just the opening.
        library.storyCountProperty().addListener((o, a, b) -> showCounts());
        library.brands().addListener(
                (javafx.collections.ListChangeListener<org.cristal.story.Brand>) c -> showCounts());
        editor.sourceProperty().addListener((o, a, b) -> {
            if (editor.isOpen()) {
                preview.request(editor.storyId(), b);
            }
        });
        editor.onOpened(() -> {
            preview.requestNow(editor.storyId(), editor.sourceProperty().get());
            Workspace ws = workspace.get();
            if (ws != null) {
                settings.rememberStory(ws.path(), editor.storyId());
                workers.io().execute(settings::save);
            }
        });
        editor.onSaved(library::refresh);
        // A publication sets the story's status to published: the open editor and the library follow.
        publishing.onStoryPublished(id -> {
            editor.published(id);
            library.refresh();
        });
    }

    public Workers workers() {
        return workers;
    }

    public Settings settings() {
        return settings;
    }

    public ResourceBundle text() {
        return text;
    }

    public Locale locale() {
        return locale;
    }

    public LibraryModel library() {
        return library;
    }

    public EditorModel editor() {
        return editor;
    }

    public PreviewModel preview() {
        return preview;
    }

    public HistoryModel history() {
        return history;
    }

    public ExportModel exports() {
        return exports;
    }

    public PublishingModel publishing() {
        return publishing;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** A line for the status bar about the workspace. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A localized sentence when something went wrong that the user must know; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /**
     * Opens a workspace file (creating it if new) on the workspace thread. The one open before stays
     * open until the new one has opened, so a corrupt file costs nothing but a message. The default
     * workspace gets the sample stories the first time.
     */
    public CompletableFuture<Workspace> open(Path path) {
        String before = status.get();
        status.set(text.getString("workspace.opening"));
        if (editor.isOpen()) {
            editor.saveNow();
        }
        return workers.onWorkspace("opening a workspace", () -> {
            // A file from an older Cristal may take a while to bring up to date (a minute at 100,000 stories).
            Workspace ws = Workspace.open(path, done -> workers.fx().execute(() -> status.set(format("workspace.updating",
                    done))));
            if (isDefault(path) && !ws.readOnly()) {
                SampleContent.seedIfEmpty(ws);
            }
            return new Opened(ws, ws.stories().count(), ws.brands().list().size());
        }).handle((opened, e) -> {
            if (e != null) {
                String reason = e instanceof WorkspaceException w ? w.localizedMessage(locale)
                        : Problems.diskFull(e) ? text.getString("error.diskFull")
                        : format("workspace.unreadable", path.getFileName());
                String message = format("workspace.failed", reason);
                problem.set(message);
                status.set(workspace.get() == null ? message : before);
                throw new java.util.concurrent.CompletionException(e);
            }
            switchTo(opened.workspace(), opened.stories(), opened.brands());
            return opened.workspace();
        });
    }

    /**
     * Opens a Markdown file given to the studio (a double-click, {@code cristal story.md}) in the open
     * workspace: the story already holding it, or a new story made from it, shown in the editor. A file
     * that cannot be read or parsed is said in the problem bar; the open story stays.
     */
    public CompletableFuture<String> openStoryFile(Path file) {
        Workspace ws = workspace.get();
        return workers.onWorkspace("opening a story file", () -> new Importer(ws, locale).importFile(file))
                .handle((opened, e) -> {
                    if (e != null) {
                        problem.set(format("file.storyFailed", file.getFileName().toString(),
                                Problems.describe(e, text, locale)));
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    // After the refresh, so the sidebar's own choice of a story on opening comes first.
                    library.refresh().thenRun(() -> editor.open(opened.storyId()));
                    return opened.storyId();
                });
    }

    /** Tells the user a file given to the studio cannot be opened, before anything tries to read it. */
    public void reportMissingFile(Path file) {
        problem.set(format("file.missing", file.toString()));
    }

    private record Opened(Workspace workspace, int stories, int brands) {
    }

    private static boolean isDefault(Path path) {
        return path.toAbsolutePath().normalize().equals(WorkspaceLocations.defaultPath().toAbsolutePath().normalize());
    }

    private void switchTo(Workspace ws, int stories, int brands) {
        Workspace old = workspace.get();
        if (old != null) {
            editor.closeLater();
            preview.clear();
            workers.io().execute(old::close);
        }
        workspace.set(ws);
        publishing.switchTo(ws);
        // A read-only file is opened, not refused: the user can read and export it, and is told why edits fail.
        problem.set(ws.readOnly() ? format("workspace.readOnly", ws.path().getFileName().toString()) : "");
        status.set(format("workspace.opened", ws.path().getFileName().toString(), stories, brands));
        settings.rememberWorkspace(ws.path());
        settings.save();
        recent.setAll(settings.recentWorkspaces());
        String last = settings.lastStory(ws.path()).orElse("");
        // The list holds pages, not every story: ask where the last story stands rather than look for it.
        library.refresh().thenCompose(x -> library.position(last)).thenAccept(at -> {
            if (at >= 0) {
                editor.open(last);
            } else if (!library.items().isEmpty() && !library.items().get(0).loading()) {
                editor.open(library.items().get(0).id());
            }
        });
    }

    private void showCounts() {
        Workspace ws = workspace.get();
        int stories = library.storyCountProperty().get();
        if (ws != null && stories >= 0) {
            status.set(format("workspace.opened", ws.path().getFileName().toString(), stories,
                    library.brands().size()));
        }
    }

    public void dismissProblem() {
        problem.set("");
    }

    /** Tells the user something failed (from the views, e.g. an export). */
    public void report(String message) {
        problem.set(message);
    }

    String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    /** Saves the open story, closes the workspace (folding its journal back) and stops the threads. */
    @Override
    public void close() {
        editor.flush();
        settings.save();
        publishing.close();
        Workspace ws = workspace.get();
        if (ws != null) {
            workers.io().execute(ws::close);
        }
        workers.close();
    }
}
