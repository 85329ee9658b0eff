package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accents typed as combining marks (macOS, some web forms) are one character for every channel. */
class StoryTextNormalisationTest {
    private static final String DECOMPOSED = "Cre\u0300me bru\u0302le\u0301e";

    @Test
    void decomposedAccentsReachEveryChannelAsOneCharacter() {
        Story written = new Story("s", DECOMPOSED, DECOMPOSED, "# Titre\n\n" + DECOMPOSED + " au cafe\u0301.\n",
                List.of("cafe\u0301"), "fr", "", "", DECOMPOSED, Optional.of(new Cta(DECOMPOSED, "https://x.example/")),
                Status.DRAFT, Map.of("email", Map.of("subject", DECOMPOSED)), Map.of(), 1);
        StoryDocument doc = StoryDocument.of(written);
        assertEquals("Crème brûlée", doc.story().title());
        assertEquals("Crème brûlée", doc.story().summary());
        assertEquals("Crème brûlée", doc.story().cta().orElseThrow().label());
        assertEquals("Crème brûlée", doc.story().override("email", "subject").orElseThrow());
        assertEquals(List.of("café"), doc.story().tags());
        assertTrue(doc.bodyHtml().contains("Crème brûlée au café."), doc.bodyHtml());
        assertTrue(doc.blocks().stream().anyMatch(b -> b.text().equals("Crème brûlée au café.")));
        assertEquals(DECOMPOSED, written.title(), "the story as written is not changed");
    }

    @Test
    void storyAlreadyNormalisedIsTheSameObject() {
        Story written = Story.of("s", "Crème brûlée", "Du café.");
        assertSame(written, StoryDocument.of(written).story());
    }
}
