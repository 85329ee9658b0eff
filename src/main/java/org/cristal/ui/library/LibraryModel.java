package org.cristal.ui.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.SearchHit;
import org.cristal.library.SearchQuery;
import org.cristal.library.StoredStory;
import org.cristal.library.StoryFilter;
import org.cristal.library.StorySummary;
import org.cristal.library.TrashedStory;
import org.cristal.library.Workspace;
import org.cristal.story.Brand;
import org.cristal.story.Slugs;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryWriter;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Workers;

/**
 * The sidebar: the stories of the workspace, searched as the user types (full-text, accents and
 * case ignored) and filtered by status, tag, brand and language; plus new, duplicate, archive and
 * delete (to the trash, undoable).
 */
public final class LibraryModel {
    public static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(120);
    private static final int LIST_LIMIT = 500;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty brand = new SimpleStringProperty("");
    private final StringProperty lang = new SimpleStringProperty("");
    private final ObservableList<StoryItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> langs = FXCollections.observableArrayList();
    private final ObservableList<Brand> brands = FXCollections.observableArrayList();
    private final ObservableList<TrashedStory> trash = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper storyCount =
            new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private final AtomicLong generation = new AtomicLong();
    private final Debouncer debouncer;

    public LibraryModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        // Typing a query or choosing a filter changes only the list: the filters' choices stay.
        this.debouncer = new Debouncer(workers.timer(), SEARCH_DEBOUNCE, workers.fx(), () -> refresh(false));
        query.addListener((o, a, b) -> debouncer.poke());
        status.addListener((o, a, b) -> refresh(false));
        tag.addListener((o, a, b) -> refresh(false));
        brand.addListener((o, a, b) -> refresh(false));
        lang.addListener((o, a, b) -> refresh(false));
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Null: every status but archived. */
    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty brandProperty() {
        return brand;
    }

    public StringProperty langProperty() {
        return lang;
    }

    public ObservableList<StoryItem> items() {
        return items;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObservableList<String> langs() {
        return langs;
    }

    public ObservableList<Brand> brands() {
        return brands;
    }

    public ObservableList<TrashedStory> trash() {
        return trash;
    }

    /** How many stories the workspace holds (trash aside), as of the last refresh; -1 before the first. */
    public javafx.beans.property.ReadOnlyIntegerProperty storyCountProperty() {
        return storyCount.getReadOnlyProperty();
    }

    /** Re-reads the list (and the filter choices) from the workspace, off the UI thread. */
    public CompletableFuture<Void> refresh() {
        return refresh(true);
    }

    /** The list always; with {@code choices}, also the tags, languages, brands and trash the workspace holds. */
    private CompletableFuture<Void> refresh(boolean choices) {
        debouncer.cancel();
        long gen = generation.incrementAndGet();
        Workspace ws = workspace.get();
        if (ws == null) {
            items.clear();
            return CompletableFuture.completedFuture(null);
        }
        String q = query.get().strip();
        Status s = status.get();
        StoryFilter filter = StoryFilter.ALL.withStatus(s).withTag(tag.get()).withBrand(brand.get())
                .withLang(lang.get());
        return workers.onWorkspace("listing the stories", () -> {
            List<StoryItem> found = new ArrayList<>();
            if (q.isEmpty()) {
                for (StorySummary sum : ws.stories().list(filter.withLimit(LIST_LIMIT, 0))) {
                    found.add(item(sum, ""));
                }
            } else {
                for (SearchHit hit : ws.search(SearchQuery.of(q).withFilter(filter).withPrefix(true)
                        .withMarkers("", "").withLimit(200))) {
                    found.add(item(hit.story(), hit.snippet()));
                }
            }
            if (s == null) {
                found.removeIf(i -> i.status() == Status.ARCHIVED);
            }
            return new Listing(found, choices ? Choices.of(ws) : null);
        }).thenAccept(listing -> {
            // A newer query or filter has been asked for meanwhile: its answer wins.
            if (gen == generation.get()) {
                items.setAll(listing.found());
                Choices now = listing.choices();
                if (now != null) {
                    setIfChanged(tags, now.tags());
                    setIfChanged(langs, now.langs());
                    setIfChanged(brands, now.brands());
                    setIfChanged(trash, now.trash());
                    storyCount.set(now.stories());
                }
            }
        });
    }

    private record Listing(List<StoryItem> found, Choices choices) {
    }

    /** What the filters offer and the trash holds, read from the workspace. */
    private record Choices(List<String> tags, List<String> langs, List<Brand> brands, List<TrashedStory> trash,
            int stories) {
        static Choices of(Workspace ws) {
            TreeSet<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            TreeSet<String> allLangs = new TreeSet<>();
            for (StorySummary sum : ws.stories().list(StoryFilter.ALL.withLimit(LIST_LIMIT, 0))) {
                allTags.addAll(sum.tags());
                if (!sum.lang().isBlank()) {
                    allLangs.add(sum.lang().toLowerCase(Locale.ROOT));
                }
            }
            return new Choices(new ArrayList<>(allTags), new ArrayList<>(allLangs), ws.brands().list(),
                    ws.stories().trashed(), ws.stories().count());
        }
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> values) {
        if (!list.equals(values)) {
            list.setAll(values);
        }
    }

    private static StoryItem item(StorySummary s, String snippet) {
        return new StoryItem(s.id(), s.title(), s.status(), s.updatedAt(), snippet, s.lang(), s.brand());
    }

    /** Creates a story with a starter text and returns its id. */
    public CompletableFuture<String> newStory(String defaultBrand, String defaultLang) {
        String title = text.getString("story.newTitle");
        String body = text.getString("story.newBody").replace("\\n", "\n");
        Story s = new Story("", title, "", body + "\n", List.of(), defaultLang, defaultBrand, "", "",
                java.util.Optional.empty(), Status.DRAFT, java.util.Map.of(), java.util.Map.of(), 1);
        return onWorkspace(ws -> {
            String id = ws.stories().freeId(Slugs.slug(title));
            // Its own address from the start, which then follows the title the user types (StoryFormModel).
            String slug = ws.stories().freeSlug(Slugs.fromTitle(title), id);
            ws.stories().save(id, StoryWriter.write(s.withSlug(slug)), "created");
            return id;
        });
    }

    /** Copies a story (its current text) under a new id and title. */
    public CompletableFuture<String> duplicate(String id) {
        String suffix = text.getString("story.copySuffix");
        return onWorkspace(ws -> {
            StoredStory st = ws.stories().get(id).orElseThrow();
            Story copy = StoryParser.parse(id, st.source());
            String newTitle = copy.title() + " " + suffix;
            String newId = ws.stories().freeId(id + "-" + Slugs.slug(suffix));
            // Never the original's address: publishing the copy would replace the original's page or post.
            String slug = ws.stories().freeSlug(Slugs.fromTitle(newTitle), newId);
            Story renamed = new Story("", newTitle, slug, copy.summary(), copy.body(), copy.tags(),
                    copy.lang(), copy.brand(), copy.image(), copy.imageAlt(), copy.cta(), Status.DRAFT,
                    copy.channels(), copy.extra(), copy.bodyLine());
            ws.stories().save(newId, StoryWriter.write(renamed), "duplicate of " + id);
            return newId;
        });
    }

    public CompletableFuture<String> archive(String id) {
        return onWorkspace(ws -> {
            ws.stories().archive(id);
            return id;
        });
    }

    /** Moves a story to the trash; {@link #untrash} brings it back with its history. */
    public CompletableFuture<TrashedStory> moveToTrash(String id) {
        return onWorkspace(ws -> {
            ws.stories().trash(id);
            return ws.stories().trashed().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        });
    }

    public CompletableFuture<String> untrash(TrashedStory t) {
        return onWorkspace(ws -> ws.stories().untrash(t));
    }

    public CompletableFuture<String> emptyTrash() {
        return onWorkspace(ws -> {
            ws.stories().trashed().forEach(ws.stories()::purge);
            return "";
        });
    }

    @FunctionalInterface
    interface WorkspaceWork<T> {
        T run(Workspace ws) throws Exception;
    }

    /** Runs on the workspace thread, completes on the UI thread, then refreshes the list. */
    private <T> CompletableFuture<T> onWorkspace(WorkspaceWork<T> work) {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        return workers.onWorkspace("changing the library", () -> work.run(ws))
                .thenCompose(result -> refresh().handle((x, t) -> result));
    }
}
