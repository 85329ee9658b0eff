package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.StoryFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web addresses of a workspace's stories: which are taken, which is free, and what was published. */
class StorySlugsTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"), new TickingClock());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static String story(String title, String slugLine) {
        return "---\ntitle: \"" + title + "\"\n" + slugLine + "lang: fr\n---\nCorps.\n";
    }

    @Test
    void everyOtherStorysAddressIsInUseWhetherWrittenOrItsId() throws Exception {
        ws.stories().save("boulangerie-levain", story("Quarante ans de levain", ""));
        ws.stories().save("new-story", story("Pain au levain", "slug: pain-au-levain\n"));
        ws.stories().save("new-story-2", story("Pain de seigle", "slug: 'pain-de-seigle'\n"));
        ws.stories().save("new-story-3", story("Brioche", "slug: \"brioche\"  # for the blog\n"));

        assertEquals(Set.of("boulangerie-levain", "pain-au-levain", "pain-de-seigle", "brioche"),
                ws.stories().slugsInUse(""));
        assertEquals(Set.of("boulangerie-levain", "pain-de-seigle", "brioche"),
                ws.stories().slugsInUse("new-story"), "a story's own address does not count against it");
    }

    @Test
    void twoStoriesWithTheSameTitleGetTwoAddresses() throws Exception {
        ws.stories().save("a", story("Pain au levain", "slug: pain-au-levain\n"));
        assertEquals("pain-au-levain-2", ws.stories().freeSlug("pain-au-levain", "b"));
        assertEquals("pain-au-levain", ws.stories().freeSlug("pain-au-levain", "a"));
        ws.stories().save("b", story("Pain au levain", "slug: pain-au-levain-2\n"));
        assertEquals("pain-au-levain-3", ws.stories().freeSlug("pain-au-levain", "c"));
    }

    @Test
    void aStoryWithAnInvalidSlugIsNotSaved() {
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> ws.stories().save("x", story("Pain", "slug: Pain Au Levain\n")));
        assertEquals("story.error.slug", e.key());
        assertEquals(Optional.empty(), ws.stories().get("x"));
    }

    @Test
    void aStoryNeverSentHasNoPublishedAddress() throws Exception {
        ws.stories().save("a", story("Pain au levain", "slug: pain-au-levain\n"));
        assertEquals(Optional.empty(), ws.stories().publishedSlug("a"));
    }
}
