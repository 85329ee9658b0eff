package org.cristal.library;

import java.util.Objects;
import org.cristal.story.Status;

/**
 * Which stories a list or a search returns. Empty text (or a null status) means "any"; filters
 * combine with AND. {@code limit} 0 means no limit.
 */
public record StoryFilter(Status status, String tag, String brand, String lang, int limit, int offset) {
    public static final StoryFilter ALL = new StoryFilter(null, "", "", "", 0, 0);

    public StoryFilter {
        tag = Objects.requireNonNullElse(tag, "").strip();
        brand = Objects.requireNonNullElse(brand, "").strip();
        lang = Objects.requireNonNullElse(lang, "").strip();
        limit = Math.max(0, limit);
        offset = Math.max(0, offset);
    }

    public StoryFilter withStatus(Status s) {
        return new StoryFilter(s, tag, brand, lang, limit, offset);
    }

    public StoryFilter withTag(String t) {
        return new StoryFilter(status, t, brand, lang, limit, offset);
    }

    public StoryFilter withBrand(String b) {
        return new StoryFilter(status, tag, b, lang, limit, offset);
    }

    public StoryFilter withLang(String l) {
        return new StoryFilter(status, tag, brand, l, limit, offset);
    }

    public StoryFilter withLimit(int newLimit, int newOffset) {
        return new StoryFilter(status, tag, brand, lang, newLimit, newOffset);
    }
}
