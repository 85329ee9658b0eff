package org.cristal.library;

import java.util.Objects;

/**
 * A full-text search as the user typed it. The text is never passed to FTS5 as syntax: every word
 * is quoted, so any string is a valid query. With {@code prefix}, the last word also matches longer
 * words (as-you-type: "lev" finds "levain"). Matches in the snippet are wrapped in the two markers.
 */
public record SearchQuery(String text, StoryFilter filter, boolean prefix, String open, String close, int limit) {
    public static final int DEFAULT_LIMIT = 20;

    public SearchQuery {
        text = Objects.requireNonNullElse(text, "");
        filter = Objects.requireNonNullElse(filter, StoryFilter.ALL);
        open = Objects.requireNonNullElse(open, "");
        close = Objects.requireNonNullElse(close, "");
        limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    /** A prefix search for {@code text} in every story, snippets marked with [ and ], 20 hits. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, StoryFilter.ALL, true, "[", "]", DEFAULT_LIMIT);
    }

    public SearchQuery withFilter(StoryFilter f) {
        return new SearchQuery(text, f, prefix, open, close, limit);
    }

    public SearchQuery withMarkers(String newOpen, String newClose) {
        return new SearchQuery(text, filter, prefix, newOpen, newClose, limit);
    }

    public SearchQuery withPrefix(boolean p) {
        return new SearchQuery(text, filter, p, open, close, limit);
    }

    public SearchQuery withLimit(int n) {
        return new SearchQuery(text, filter, prefix, open, close, n);
    }
}
