package org.cristal.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Stories;
import org.cristal.library.StoryFilter;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.publish.MutableClock;
import org.cristal.story.Status;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidebar's list on a workspace of 1,500 stories: read in pages, all of it reachable, in order. */
class PagedLibraryTest {
    private static final int STORIES = 1_500;
    private static final Status[] STATUSES = {Status.DRAFT, Status.REVIEW, Status.APPROVED, Status.PUBLISHED,
        Status.DRAFT, Status.ARCHIVED};

    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    LibraryModel library;

    @BeforeEach
    void start() throws Exception {
        // Batches of 100 an hour apart: the list's order (newest first, then id) is not the order of the ids.
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
        ws = Workspace.open(dir.resolve("big.cristal"), clock);
        for (int batch = 0; batch < STORIES / 100; batch++) {
            List<Stories.Draft> drafts = new ArrayList<>();
            for (int i = batch * 100; i < (batch + 1) * 100; i++) {
                int n = (i * 37) % STORIES;
                drafts.add(new Stories.Draft(String.format("story-%04d", n), story(n), ""));
            }
            ws.stories().saveAll(drafts);
            clock.advance(Duration.ofHours(1));
        }
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH);
        library = new LibraryModel(workers, () -> ws, text);
        fx.call(library::refresh).get(20, TimeUnit.SECONDS);
    }

    private static String story(int n) {
        String lang = n % 3 == 0 ? "en" : "fr";
        String word = n % 10 == 7 ? "kouign-amann" : "levain";
        return "---\ntitle: \"Story " + n + "\"\nlang: " + lang + "\nstatus: " + STATUSES[n % STATUSES.length].id()
                + "\ntags: [" + (n % 4 == 0 ? "hiver" : "été") + "]\n---\n\nPain au " + word + " numéro " + n + ".\n";
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(workers::close);
        fx.close();
        ws.close();
    }

    /** Reads every line of the list as the list view would, scrolling: a page at a time, as each arrives. */
    private List<String> scrollThrough() throws Exception {
        List<String> seen = new ArrayList<>();
        int size = fx.call(() -> library.items().size());
        for (int i = 0; i < size; i++) {
            int at = i;
            fx.await(() -> !library.items().get(at).loading());
            seen.add(fx.call(() -> library.items().get(at).id()));
        }
        return seen;
    }

    private List<String> expected(StoryFilter filter) {
        return ws.stories().list(filter).stream().map(StorySummary::id).toList();
    }

    @Test
    void everyStoryButTheArchivedIsListedNewestFirstAndScrollingReachesTheEnd() throws Exception {
        List<String> all = expected(StoryFilter.ALL.withoutArchived());
        assertEquals(STORIES - STORIES / STATUSES.length, all.size());
        assertEquals(all.size(), (int) fx.call(() -> library.items().size()));
        assertEquals(List.of(all.get(0), all.get(1)),
                fx.call(() -> List.of(library.items().get(0).id(), library.items().get(1).id())));
        // The end first, as the End key or a dragged scroll bar asks for it.
        int last = all.size() - 1;
        fx.await(() -> !library.items().get(last).loading());
        assertEquals(all.get(last), fx.call(() -> library.items().get(last).id()));
        assertEquals(all, scrollThrough());
        assertEquals("1,250 stories", fx.call(() -> new java.text.MessageFormat(
                ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH).getString("sidebar.count"),
                Locale.ENGLISH).format(new Object[] {library.items().size()})));
    }

    @Test
    void onlyAFewPagesStayInMemoryWhileScrolling() throws Exception {
        scrollThrough();
        int inMemory = fx.call(() -> {
            int n = 0;
            for (int i = 0; i < library.items().size(); i++) {
                n += library.loaded(i) == null ? 0 : 1;
            }
            return n;
        });
        assertTrue(inMemory <= PagedStories.KEPT_PAGES * PagedStories.PAGE, inMemory + " stories in memory");
    }

    @Test
    void filtersCountAndListTheMatchingStoriesInOrder() throws Exception {
        fx.run(() -> library.statusProperty().set(Status.PUBLISHED));
        fx.await(() -> library.items().size() == STORIES / STATUSES.length);
        assertEquals(expected(StoryFilter.ALL.withStatus(Status.PUBLISHED)), scrollThrough());

        fx.run(() -> library.statusProperty().set(Status.ARCHIVED));
        fx.await(() -> library.items().size() == STORIES / STATUSES.length
                && library.items().get(0).status() == Status.ARCHIVED);

        fx.run(() -> {
            library.statusProperty().set(null);
            library.langProperty().set("en");
            library.tagProperty().set("hiver");
        });
        List<String> winterInEnglish = expected(StoryFilter.ALL.withLang("en").withTag("hiver").withoutArchived());
        fx.await(() -> library.items().size() == winterInEnglish.size());
        assertEquals(winterInEnglish, scrollThrough());
        assertEquals(List.of("en", "fr"), fx.call(() -> List.copyOf(library.langs())));
        assertEquals(List.of("hiver", "été"), fx.call(() -> List.copyOf(library.tags())));
    }

    @Test
    void searchFindsStoriesFarDownTheList() throws Exception {
        fx.run(() -> library.queryProperty().set("kouign"));
        // Stories 7, 17, 27… minus the archived ones (n % 30 == 17): 150 match, 100 are listed.
        fx.await(() -> library.items().size() == 100, 30);
        List<String> found = scrollThrough();
        assertTrue(found.contains("story-1497"), found.toString());
        assertTrue(found.stream().allMatch(id -> Integer.parseInt(id.substring(6)) % 10 == 7), found.toString());
    }

    @Test
    void aStoryDeepInTheListIsFoundWithoutReadingThePagesBeforeIt() throws Exception {
        List<String> all = expected(StoryFilter.ALL.withoutArchived());
        String deep = all.get(1_234);
        assertEquals(1_234, (int) fx.call(() -> library.position(deep)).get(10, TimeUnit.SECONDS));
        assertEquals(-1, (int) fx.call(() -> library.position("story-0005")).get(10, TimeUnit.SECONDS));
        assertEquals(null, fx.call(() -> library.loaded(1_234)));
    }
}
