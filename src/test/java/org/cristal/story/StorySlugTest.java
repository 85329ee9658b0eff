package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code slug:} front-matter field: read, checked, written back, and the address every channel uses. */
class StorySlugTest {

    @Test
    void theSlugLineIsReadAndKeptWhenTheStoryIsWrittenBack() throws Exception {
        Story s = StoryParser.parse("new-story-3",
                "---\ntitle: Pain au levain\nslug: pain-au-levain\nlang: fr\n---\nCorps.\n");
        assertEquals("pain-au-levain", s.slug());
        assertEquals("pain-au-levain", s.webSlug());
        assertTrue(s.extra().isEmpty(), "slug is a field of its own, not an unknown key");

        String written = StoryWriter.write(s);
        assertTrue(written.startsWith("---\ntitle: \"Pain au levain\"\nslug: \"pain-au-levain\"\n"), written);
        assertEquals(s, StoryParser.parse("new-story-3", written));
    }

    @Test
    void aStoryWithoutSlugKeepsTheAddressItAlwaysHadItsId() throws Exception {
        Story old = StoryParser.parse("boulangerie-levain", "---\ntitle: Quarante ans de levain\n---\nCorps.\n");
        assertEquals("", old.slug());
        assertEquals("boulangerie-levain", old.webSlug());
        assertTrue(!StoryWriter.write(old).contains("slug:"), "no address is invented on write");
    }

    @Test
    void aStoryWithNeitherIdNorSlugIsAddressedByItsTitle() {
        assertEquals("le-pain-du-dimanche", Story.of("", "Le pain du dimanche", "").webSlug());
    }

    @Test
    void anInvalidSlugIsRefusedWithItsLineAndASuggestion() {
        StoryFormatException e = assertThrows(StoryFormatException.class, () -> StoryParser.parse("x",
                "---\ntitle: Pain\nlang: fr\nslug: Pain au Levain\n---\nCorps.\n"));
        assertEquals("story.error.slug", e.key());
        assertEquals(4, e.line());
        assertEquals("Line 4: The address \u201cPain au Levain\u201d may only hold lower-case letters without "
                + "accents, digits and single hyphens (at most 100 characters), for example \u201cpain-au-levain\u201d.",
                e.localizedMessage(Locale.ENGLISH));
        String fr = e.localizedMessage(Locale.FRENCH);
        assertTrue(fr.startsWith("Ligne 4") && fr.contains("L\u2019adresse \u00ab\u00a0Pain au Levain\u00a0\u00bb")
                && fr.contains("pain-au-levain"), fr);
    }

    @Test
    void aNumericLookingSlugIsReadAsWritten() throws Exception {
        Story s = StoryParser.parse("x", "---\ntitle: Bilan\nslug: \"2025\"\n---\n");
        assertEquals("2025", s.webSlug());
        assertEquals(s, StoryParser.parse("x", StoryWriter.write(s)));
    }
}
