package org.cristal.ui.library;

import java.time.Instant;
import org.cristal.story.Status;

/** One line of the sidebar: a story, and the matching words when it comes from a search. */
public record StoryItem(String id, String title, Status status, Instant updatedAt, String snippet, String lang,
        String brand) {
    /** A line whose page is still being read: shown blank, never opened. */
    public static final StoryItem LOADING = new StoryItem("", "", Status.DRAFT, Instant.EPOCH, "", "", "");

    public boolean loading() {
        return id.isEmpty();
    }
}
