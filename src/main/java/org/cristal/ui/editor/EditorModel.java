package org.cristal.ui.editor;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.SaveResult;
import org.cristal.library.StoredStory;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryWriter;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.SaveState;
import org.cristal.ui.model.Workers;

/**
 * The open story: its body as typed, its front matter through the form, and saving. Typing is
 * written to the workspace as a draft {@link #AUTOSAVE} after the last keystroke, and at least every
 * {@link #AUTOSAVE_MAX_WAIT} while typing goes on, so a crash loses at most about a second; a revision is
 * made at natural moments (save now, switching story, leaving the window, closing) so that history
 * stays readable. All workspace work runs on the single workspace thread, in order.
 */
public final class EditorModel {
    public static final Duration AUTOSAVE = Duration.ofMillis(700);
    /** Below a second so that, with the write itself, a draft lands at least once a second (the README's promise). */
    public static final Duration AUTOSAVE_MAX_WAIT = Duration.ofMillis(800);
    private static final System.Logger LOG = System.getLogger(EditorModel.class.getName());

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final StoryFormModel form;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyStringWrapper storyId = new ReadOnlyStringWrapper("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SaveState> state = new ReadOnlyObjectWrapper<>(SaveState.SAVED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<String> source = new ReadOnlyObjectWrapper<>("");
    private final Debouncer autosave;
    private final List<Runnable> onSaved = new ArrayList<>();
    private final List<Runnable> onOpened = new ArrayList<>();

    private Story base = Story.of("", "", "");
    private String frontMatter = "";
    private boolean frontMatterEdited;
    private boolean loading;
    private long edits;
    private String lastRevisionSource = "";
    private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);

    public EditorModel(Workers workers, Supplier<Workspace> workspace, StoryFormModel form, ResourceBundle text,
            Locale locale) {
        this.workers = workers;
        this.text = text;
        this.workspace = workspace;
        this.form = form;
        this.locale = locale;
        this.autosave = new Debouncer(workers.timer(), AUTOSAVE, AUTOSAVE_MAX_WAIT, workers.fx(),
                this::saveDraft);
        body.addListener((o, a, b) -> {
            if (!loading) {
                edited();
            }
        });
        form.setOnEdited(() -> {
            if (!loading) {
                frontMatterEdited = true;
                edited();
            }
        });
    }

    public ReadOnlyStringProperty storyIdProperty() {
        return storyId.getReadOnlyProperty();
    }

    public String storyId() {
        return storyId.get();
    }

    /** The Markdown body the editor shows; writing it counts as typing. */
    public StringProperty bodyProperty() {
        return body;
    }

    public StoryFormModel form() {
        return form;
    }

    public ReadOnlyObjectProperty<SaveState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A localized sentence when saving or opening a story failed, else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The whole story file as it would be saved now; changes with every edit. */
    public ReadOnlyObjectProperty<String> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The line of the story file where the body starts, to turn finding lines into editor lines. */
    public int bodyLine() {
        String fm = currentFrontMatter();
        return (int) fm.chars().filter(ch -> ch == '\n').count() + 1;
    }

    public void onSaved(Runnable action) {
        onSaved.add(action);
    }

    public void onOpened(Runnable action) {
        onOpened.add(action);
    }

    public boolean isOpen() {
        return !storyId.get().isEmpty();
    }

    /**
     * Opens a story: what was being typed is saved first (as a revision), then the story loads. If it
     * cannot be read, the story open before stays open, {@link #problemProperty} says why, and the
     * answer completes exceptionally.
     */
    public CompletableFuture<Void> open(String id) {
        if (id == null || id.equals(storyId.get())) {
            return CompletableFuture.completedFuture(null);
        }
        saveNow();
        Workspace ws = workspace.get();
        CompletableFuture<Opened> read = workers.onWorkspace(lastWrite, "opening a story", () -> {
            Optional<StoredStory> stored = ws.stories().get(id);
            Optional<String> draft = stored.isPresent() ? ws.stories().draft(id) : Optional.empty();
            String sentSlug = stored.isPresent() ? ws.stories().publishedSlug(id).orElse("") : "";
            return new Opened(stored, draft, sentSlug);
        });
        lastWrite = read.handle((x, t) -> null);
        // Every story's text is read for the addresses in use: after the story shows, not before.
        lastWrite = lastWrite.handleAsync((x, t) -> {
            try {
                Set<String> inUse = ws.stories().slugsInUse(id);
                workers.fx().execute(() -> {
                    if (id.equals(storyId.get())) {
                        form.setSlugsInUse(inUse);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the web addresses in use", e);
            }
            return null;
        }, workers.io());
        return read.handle((opened, t) -> {
            Throwable failure = t;
            if (failure == null) {
                try {
                    opened.stored().ifPresentOrElse(s -> show(s, opened.draft(), opened.sentSlug()), this::clear);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a stored story could not be shown", e);
                    failure = e;
                }
            }
            if (failure != null) {
                report(new MessageFormat(text.getString("story.openFailed"), locale)
                        .format(new Object[] {Problems.describe(failure, text, locale)}));
                throw new java.util.concurrent.CompletionException(Workers.unwrap(failure));
            }
            return null;
        });
    }

    private record Opened(Optional<StoredStory> stored, Optional<String> draft, String sentSlug) {
    }

    /** Says it again even when the same sentence is already showing: the view tells each failure. */
    private void report(String message) {
        problem.set("");
        problem.set(message);
    }

    /** A publication of {@code id} went out: if it is the open story, its address stops following the title. */
    public void publicationSent(String id) {
        Workspace ws = workspace.get();
        if (ws == null || !id.equals(storyId.get())) {
            return;
        }
        lastWrite = lastWrite.handleAsync((x, t) -> {
            try {
                ws.stories().publishedSlug(id).ifPresent(slug -> workers.fx().execute(() -> {
                    if (id.equals(storyId.get())) {
                        form.setSentSlug(slug);
                    }
                }));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read where the story was published", e);
            }
            return null;
        }, workers.io());
    }

    /** Reads the story again from the workspace (after a restore, say), dropping nothing unsaved. */
    public CompletableFuture<Void> reload() {
        String id = storyId.get();
        storyId.set("");
        return open(id).whenComplete((v, t) -> {
            // Still showing the story: it must stay the one typing is saved to.
            if (t != null && storyId.get().isEmpty()) {
                storyId.set(id);
            }
        });
    }

    /**
     * The story {@code id} was published: the outbox set its status to published as a new revision. The
     * open editor takes that status into its front matter and form, so its next save does not put the old
     * status back; with nothing unsaved it takes the stored revision as its own. Call on the UI thread.
     */
    public void published(String id) {
        if (!isOpen() || !id.equals(storyId.get())) {
            return;
        }
        Workspace ws = workspace.get();
        lastWrite = lastWrite.handleAsync((x, t) -> {
            Optional<StoredStory> stored = ws.stories().get(id);
            workers.fx().execute(() -> stored.ifPresent(s -> adoptPublished(s)));
            return null;
        }, workers.io());
    }

    private void adoptPublished(StoredStory stored) {
        if (!stored.id().equals(storyId.get()) || base.status() == Status.PUBLISHED
                || base.status() == Status.ARCHIVED) {
            return;
        }
        boolean nothingUnsaved = state.get() == SaveState.SAVED && currentSource().equals(lastRevisionSource);
        String storedText = normalise(stored.source());
        loading = true;
        try {
            base = base.withStatus(Status.PUBLISHED);
            form.setStatus(Status.PUBLISHED.id());
            if (nothingUnsaved && stored.story().status() == Status.PUBLISHED
                    && storedText.endsWith(body.get())) {
                frontMatter = storedText.substring(0, storedText.length() - body.get().length());
                lastRevisionSource = storedText;
                revision.set(stored.revision());
            } else {
                // Typing is under way (or the stored text moved on): the next save carries the new status.
                frontMatter = withPublishedStatus(frontMatter);
            }
            source.set(currentSource());
        } finally {
            loading = false;
        }
    }

    /** The front matter with its status line set to published (added before the closing line if absent). */
    static String withPublishedStatus(String fm) {
        String line = "status: " + Status.PUBLISHED.id();
        if (fm.matches("(?s)(.*\n)?status\\s*:.*")) {
            return fm.replaceFirst("(?m)^status\\s*:.*$", line);
        }
        int close = fm.lastIndexOf("\n---");
        return close < 0 ? fm : fm.substring(0, close + 1) + line + fm.substring(close);
    }

    /** Forgets the open story (the app is closing): saves it first and waits for the file to have it. */
    public void close() {
        flush();
        clear();
    }

    /**
     * Forgets the open story without waiting: its last text is already queued for saving on the
     * workspace thread, ahead of anything asked after (closing a workspace, moving to the trash).
     */
    public void closeLater() {
        saveNow();
        clear();
    }

    private void clear() {
        loading = true;
        try {
            autosave.cancel();
            storyId.set("");
            base = Story.of("", "", "");
            frontMatter = "";
            frontMatterEdited = false;
            body.set("");
            source.set("");
            revision.set(0);
            state.set(SaveState.SAVED);
            problem.set("");
        } finally {
            loading = false;
        }
    }

    private void show(StoredStory stored, Optional<String> draft, String sentSlug) {
        String text = normalise(draft.orElse(stored.source()));
        Story story;
        try {
            story = StoryParser.parse(stored.id(), text);
        } catch (StoryFormatException e) {
            // A broken draft must not hide the story: open the saved text, which always parses.
            LOG.log(System.Logger.Level.WARNING, "draft of " + stored.id() + " unreadable, opening the saved text", e);
            text = normalise(stored.source());
            story = stored.story();
            draft = Optional.empty();
        }
        loading = true;
        try {
            autosave.cancel();
            base = story;
            frontMatter = text.substring(0, text.length() - story.body().length());
            frontMatterEdited = false;
            form.load(story, sentSlug);
            storyId.set(stored.id());
            body.set(story.body());
            revision.set(stored.revision());
            lastRevisionSource = normalise(stored.source());
            problem.set("");
            source.set(text);
            state.set(draft.isPresent() ? SaveState.DRAFT_SAVED : SaveState.SAVED);
        } finally {
            loading = false;
        }
        onOpened.forEach(Runnable::run);
    }

    static String normalise(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    private String currentFrontMatter() {
        if (!frontMatterEdited) {
            return frontMatter;
        }
        return StoryWriter.write(form.applyTo(base).withBody(""));
    }

    private String currentSource() {
        return currentFrontMatter() + body.get();
    }

    private void edited() {
        if (!isOpen()) {
            return;
        }
        edits++;
        state.set(SaveState.UNSAVED);
        source.set(currentSource());
        autosave.poke();
    }

    /** Writes the typing as a draft (no revision). Runs on the UI thread, writes on the workspace thread. */
    private void saveDraft() {
        if (!isOpen() || state.get() != SaveState.UNSAVED) {
            return;
        }
        String id = storyId.get();
        String text = currentSource();
        long at = edits;
        Workspace ws = workspace.get();
        write(() -> {
            ws.stories().saveDraft(id, text);
            return null;
        }, r -> {
            if (at == edits && id.equals(storyId.get())) {
                state.set(SaveState.DRAFT_SAVED);
            }
        });
    }

    /** Makes a revision of the text now, if it changed since the last one. */
    public CompletableFuture<?> saveNow() {
        if (!isOpen()) {
            return lastWrite;
        }
        autosave.cancel();
        String id = storyId.get();
        String text = currentSource();
        if (text.equals(lastRevisionSource) && state.get() != SaveState.FAILED) {
            state.set(SaveState.SAVED);
            return lastWrite;
        }
        long at = edits;
        Workspace ws = workspace.get();
        return write(() -> ws.stories().save(id, text, ""), r -> {
            SaveResult result = (SaveResult) r;
            if (id.equals(storyId.get())) {
                lastRevisionSource = text;
                revision.set(result.revision());
                if (at == edits) {
                    state.set(SaveState.SAVED);
                }
            }
            onSaved.forEach(Runnable::run);
        });
    }

    /** Saves now and waits for the workspace to have it (closing the window or the workspace). */
    public void flush() {
        CompletableFuture<?> f = saveNow();
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "last save did not finish", e);
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private CompletableFuture<?> write(Work work, java.util.function.Consumer<Object> onDone) {
        CompletableFuture<Object> f = lastWrite.handleAsync((x, t) -> {
            try {
                return work.run();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, workers.io());
        lastWrite = f.handle((r, t) -> null);
        f.whenComplete((r, t) -> workers.fx().execute(() -> {
            if (t == null) {
                problem.set("");
                onDone.accept(r);
            } else {
                failed(t);
            }
        }));
        return f;
    }

    private void failed(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        LOG.log(System.Logger.Level.WARNING, "cannot save " + storyId.get(), cause);
        state.set(SaveState.FAILED);
        String reason;
        if (cause instanceof StoryFormatException e) {
            reason = e.localizedMessage(locale);
        } else if (cause instanceof WorkspaceException e) {
            reason = e.localizedMessage(locale);
        } else if (Problems.diskFull(cause)) {
            reason = text.getString("error.diskFull");
        } else {
            reason = text.getString("error.saveUnknown");
        }
        problem.set(new MessageFormat(text.getString("save.failed"), locale).format(new Object[] {reason}));
    }
}
