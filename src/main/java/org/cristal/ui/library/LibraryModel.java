package org.cristal.ui.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Search hits shown: the best ones; a search is refined by typing more, not scrolled. */
    private static final int SEARCH_LIMIT = 200;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty brand = new SimpleStringProperty("");
    private final StringProperty lang = new SimpleStringProperty("");
    private final PagedStories items = new PagedStories();
    /** The filter of the pages shown, or null when the list shows search hits. */
    private StoryFilter listed;
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

    /**
     * The stories listed, as long as the count of those matching; an item whose page has not been read
     * yet is {@link StoryItem#LOADING} and asking for it reads its page (see {@link #loaded}).
     */
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

    /**
     * The list always; with {@code choices}, also the tags, languages, brands and trash the workspace holds.
     * Browsing reads the count and the pages in view (the first, and those last looked at, so a refresh
     * does not blink); the other pages are read as the list scrolls to them. A search shows its hits whole.
     */
    private CompletableFuture<Void> refresh(boolean choices) {
        debouncer.cancel();
        long gen = generation.incrementAndGet();
        Workspace ws = workspace.get();
        if (ws == null) {
            listed = null;
            items.reset(0, Map.of(), null);
            return CompletableFuture.completedFuture(null);
        }
        String q = query.get().strip();
        Status s = status.get();
        StoryFilter filter = StoryFilter.ALL.withStatus(s).withTag(tag.get()).withBrand(brand.get())
                .withLang(lang.get()).withoutArchived();
        TreeSet<Integer> again = new TreeSet<>(items.recentPages());
        again.add(0);
        return workers.onWorkspace("listing the stories", () -> {
            Choices now = choices ? Choices.of(ws) : null;
            if (q.isEmpty()) {
                int total = ws.stories().count(filter);
                Map<Integer, List<StoryItem>> pages = new HashMap<>();
                for (int page : again) {
                    if (page * PagedStories.PAGE < total) {
                        pages.put(page, page(ws, filter, page * PagedStories.PAGE, PagedStories.PAGE));
                    }
                }
                return new Listing(total, pages, null, now);
            }
            List<StoryItem> found = new ArrayList<>();
            for (SearchHit hit : ws.search(SearchQuery.of(q).withFilter(filter).withPrefix(true)
                    .withMarkers("", "").withLimit(SEARCH_LIMIT))) {
                found.add(item(hit.story(), hit.snippet()));
            }
            if (s == null) {
                found.removeIf(i -> i.status() == Status.ARCHIVED);
            }
            return new Listing(found.size(), Map.of(), found, now);
        }).thenAccept(listing -> {
            // A newer query or filter has been asked for meanwhile: its answer wins.
            if (gen == generation.get()) {
                if (listing.found() != null) {
                    listed = null;
                    items.showAll(listing.found());
                } else {
                    listed = filter;
                    items.reset(listing.total(), listing.pages(), (offset, limit) -> workers.onWorkspace(
                            "listing the stories", () -> page(ws, filter, offset, limit)));
                }
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

    private static List<StoryItem> page(Workspace ws, StoryFilter filter, int offset, int limit) {
        List<StoryItem> out = new ArrayList<>(limit);
        for (StorySummary sum : ws.stories().list(filter.withLimit(limit, offset))) {
            out.add(item(sum, ""));
        }
        return out;
    }

    /**
     * Where a story stands in the list as it is filtered now (-1: not listed), read from the workspace
     * when browsing, so the list can scroll to a story whose page it has not read.
     */
    public CompletableFuture<Integer> position(String id) {
        Workspace ws = workspace.get();
        StoryFilter filter = listed;
        if (ws == null || filter == null || id.isEmpty()) {
            return CompletableFuture.completedFuture(items.indexOfId(id));
        }
        return workers.onWorkspace("finding a story in the list", () -> ws.stories().position(filter, id));
    }

    /** The story at {@code index} if its page has been read, else null: reads nothing. */
    public StoryItem loaded(int index) {
        return items.loaded(index);
    }

    private record Listing(int total, Map<Integer, List<StoryItem>> pages, List<StoryItem> found, Choices choices) {
    }

    /** What the filters offer and the trash holds, read from the workspace. */
    private record Choices(List<String> tags, List<String> langs, List<Brand> brands, List<TrashedStory> trash,
            int stories) {
        static Choices of(Workspace ws) {
            TreeSet<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            allTags.addAll(ws.stories().tags());
            TreeSet<String> allLangs = new TreeSet<>();
            for (String l : ws.stories().langs()) {
                if (!l.isBlank()) {
                    allLangs.add(l.toLowerCase(Locale.ROOT));
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
