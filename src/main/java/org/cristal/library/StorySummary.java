package org.cristal.library;

import java.time.Instant;
import java.util.List;
import org.cristal.story.Status;

/** What a list or a search shows of a story, read from the denormalised columns (no parsing). */
public record StorySummary(String id, String title, String summary, Status status, String lang, String brand,
        List<String> tags, int revision, Instant updatedAt) {
    public StorySummary {
        tags = List.copyOf(tags);
    }
}
