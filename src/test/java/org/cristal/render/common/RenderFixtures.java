package org.cristal.render.common;

import java.time.Instant;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;

/** Fixed inputs for renderer tests: a fixed moment and the corpus folder as the image source. */
public final class RenderFixtures {
    public static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");

    private RenderFixtures() {
    }

    /** Options at {@link #NOW} resolving images like the command line does for a corpus story. */
    public static RenderOptions options() {
        return RenderOptions.at(NOW).withAssets(new FileAssets(Corpus.stories(), Corpus.root()));
    }

    /** The brand a story names, or the default brand. */
    public static Brand brandOf(StoryDocument doc) {
        String id = doc.story().brand();
        return id.isBlank() ? Brand.DEFAULT : Corpus.loadBrand(id);
    }

    /** A document from Markdown written in the test (front matter allowed). */
    public static StoryDocument markdown(String source) {
        try {
            return StoryDocument.parse("test-story", source);
        } catch (StoryFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
