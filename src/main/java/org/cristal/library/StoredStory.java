package org.cristal.library;

import java.time.Instant;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * A story as the workspace holds it: its exact Markdown text (the source of truth, front matter
 * included) and its current revision number.
 */
public record StoredStory(String id, String source, int revision, Instant createdAt, Instant updatedAt) {

    /** The parsed story. Stored text was valid when saved, so this fails only if the format changed. */
    public Story story() {
        try {
            return StoryParser.parse(id, source).withId(id);
        } catch (StoryFormatException e) {
            throw new WorkspaceException(e, "library.error.unreadableStory", id, e.getMessage());
        }
    }
}
