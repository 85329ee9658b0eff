package org.cristal.ui.library;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.collections.ObservableListBase;

/**
 * The sidebar's stories as a list of the full length (the count of matching stories) whose items are
 * read a page at a time, when the list view first asks for one of them: a 100,000-story workspace
 * holds a few pages in memory, not 100,000 summaries. Until its page arrives an item is
 * {@link StoryItem#LOADING}; the arrival replaces that range, so the list view redraws it.
 *
 * <p>Touched on the UI thread only; {@code loader} reads a page elsewhere and completes on the UI thread.
 */
final class PagedStories extends ObservableListBase<StoryItem> {
    /** Two screens or so of a tall window. */
    static final int PAGE = 50;
    /** Pages kept: the screen, the way back and the way on; about 100 KB. */
    static final int KEPT_PAGES = 8;

    /** Reads {@code limit} stories from {@code offset} off the UI thread, completing on it. */
    interface Loader {
        CompletableFuture<List<StoryItem>> load(int offset, int limit);
    }

    private int size;
    private Loader loader;
    private long generation;
    private final Map<Integer, List<StoryItem>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<StoryItem>> eldest) {
            return !keepAll && size() > KEPT_PAGES;
        }
    };
    private boolean keepAll;
    private final Set<Integer> pending = new HashSet<>();
    private final List<Integer> recent = new ArrayList<>();

    /**
     * Replaces the whole listing: {@code total} stories, of which {@code known} (page number → items)
     * were read with the count; the others will be read by {@code next} when asked for.
     */
    void reset(int total, Map<Integer, List<StoryItem>> known, Loader next) {
        List<StoryItem> before = view(size, new java.util.HashMap<>(pages));
        generation++;
        keepAll = false;
        size = total;
        loader = next;
        pages.clear();
        pending.clear();
        pages.putAll(known);
        beginChange();
        if (before.isEmpty() && total > 0) {
            nextAdd(0, total);
        } else if (total == 0 && !before.isEmpty()) {
            nextRemove(0, before);
        } else if (total > 0) {
            nextReplace(0, total, before);
        }
        endChange();
    }

    /** A fixed list (search results): everything in memory, nothing more to read. */
    void showAll(List<StoryItem> all) {
        Map<Integer, List<StoryItem>> known = new LinkedHashMap<>();
        for (int p = 0; p * PAGE < all.size(); p++) {
            known.put(p, List.copyOf(all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE))));
        }
        reset(all.size(), known, null);
        // Nothing to read again: keep every page (at most a few hundred search hits).
        keepAll = true;
    }

    /** The pages last asked for, newest last: a refresh reads them again with the count, so the view does not blink. */
    List<Integer> recentPages() {
        return List.copyOf(recent);
    }

    @Override
    public StoryItem get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        List<StoryItem> items = pages.get(page);
        if (items != null && index % PAGE < items.size()) {
            return items.get(index % PAGE);
        }
        request(page);
        return StoryItem.LOADING;
    }

    @Override
    public int size() {
        return size;
    }

    /** The item if its page is in memory (reads nothing), else null. */
    StoryItem loaded(int index) {
        List<StoryItem> items = index < 0 || index >= size ? null : pages.get(index / PAGE);
        return items == null || index % PAGE >= items.size() ? null : items.get(index % PAGE);
    }

    /** Looks among the pages in memory only: searching the whole list would read every page. */
    @Override
    public int indexOf(Object o) {
        for (Map.Entry<Integer, List<StoryItem>> e : pages.entrySet()) {
            int i = e.getValue().indexOf(o);
            if (i >= 0) {
                return e.getKey() * PAGE + i;
            }
        }
        return -1;
    }

    /** The position of a story among the pages in memory, or -1. */
    int indexOfId(String id) {
        for (Map.Entry<Integer, List<StoryItem>> e : pages.entrySet()) {
            List<StoryItem> items = e.getValue();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(id)) {
                    return e.getKey() * PAGE + i;
                }
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    private void request(int page) {
        recent.remove(Integer.valueOf(page));
        recent.add(page);
        if (recent.size() > 3) {
            recent.remove(0);
        }
        if (loader == null || !pending.add(page)) {
            return;
        }
        long gen = generation;
        int from = page * PAGE;
        loader.load(from, PAGE).whenComplete((items, failure) -> {
            if (gen != generation) {
                return;
            }
            pending.remove(page);
            if (failure != null || items == null) {
                return;
            }
            int to = Math.min(size, from + items.size());
            if (to <= from) {
                return;
            }
            List<StoryItem> before = placeholders(to - from);
            pages.put(page, List.copyOf(items.subList(0, to - from)));
            beginChange();
            nextReplace(from, to, before);
            endChange();
        });
    }

    private static List<StoryItem> placeholders(int n) {
        return new AbstractList<>() {
            @Override
            public StoryItem get(int i) {
                return StoryItem.LOADING;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** The list as it was, for the change event: a view over the pages then in memory, placeholders elsewhere. */
    private static List<StoryItem> view(int n, Map<Integer, List<StoryItem>> known) {
        return new AbstractList<>() {
            @Override
            public StoryItem get(int i) {
                List<StoryItem> items = known.get(i / PAGE);
                return items == null || i % PAGE >= items.size() ? StoryItem.LOADING : items.get(i % PAGE);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
