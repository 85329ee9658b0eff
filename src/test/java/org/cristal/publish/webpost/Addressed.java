package org.cristal.publish.webpost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;

/** A corpus story as a story made with Ctrl+N would be: internal id {@code new-story-2}, its own address. */
public final class Addressed {
    private Addressed() {
    }

    public static StoryDocument story(String corpusName, String slug) {
        try {
            String source = Files.readString(Corpus.story(corpusName), StandardCharsets.UTF_8)
                    .replaceFirst("---\n", "---\nslug: " + slug + "\n");
            return StoryDocument.parse("new-story-2", source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoryFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
