package org.cristal.library;

import java.util.Objects;
import org.cristal.story.Status;

/**
 * Which stories a list or a search returns. Empty text (or a null status) means "any"; filters
 * combine with AND. {@code limit} 0 means no limit. {@code active}: a null status means every status
 * but archived (the sidebar's default view), in lists and counts.
 */
public record StoryFilter(Status status, String tag, String brand, String lang, int limit, int offset,
        boolean active) {
    public static final StoryFilter ALL = new StoryFilter(null, "", "", "", 0, 0, false);

    public StoryFilter(Status status, String tag, String brand, String lang, int limit, int offset) {
        this(status, tag, brand, lang, limit, offset, false);
    }

    public StoryFilter {
        tag = Objects.requireNonNullElse(tag, "").strip();
        brand = Objects.requireNonNullElse(brand, "").strip();
        lang = Objects.requireNonNullElse(lang, "").strip();
        limit = Math.max(0, limit);
        offset = Math.max(0, offset);
    }

    public StoryFilter withStatus(Status s) {
        return new StoryFilter(s, tag, brand, lang, limit, offset, active);
    }

    public StoryFilter withTag(String t) {
        return new StoryFilter(status, t, brand, lang, limit, offset, active);
    }

    public StoryFilter withBrand(String b) {
        return new StoryFilter(status, tag, b, lang, limit, offset, active);
    }

    public StoryFilter withLang(String l) {
        return new StoryFilter(status, tag, brand, l, limit, offset, active);
    }

    public StoryFilter withLimit(int newLimit, int newOffset) {
        return new StoryFilter(status, tag, brand, lang, newLimit, newOffset, active);
    }

    /** With a null status, leaves archived stories out. */
    public StoryFilter withoutArchived() {
        return new StoryFilter(status, tag, brand, lang, limit, offset, true);
    }
}
