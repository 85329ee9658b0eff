package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cristal.story.StoryFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrashTest {
    private static final String V1 = "---\ntitle: Levain\ntags: [pain]\n---\n\nLe levain est nourri chaque matin.\n";
    private static final String V2 = V1.replace("chaque matin", "à l’aube");

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() throws StoryFormatException {
        ws = Workspace.open(dir.resolve("w.cristal"), new TickingClock());
        ws.stories().save("levain", V1, "first");
        ws.stories().save("levain", V2, "second");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void trashedStoryLeavesTheListAndSearchButWaitsInTheTrash() {
        assertTrue(ws.stories().trash("levain"));
        assertFalse(ws.stories().exists("levain"));
        assertTrue(ws.search(SearchQuery.of("aube")).isEmpty());
        List<TrashedStory> trash = ws.stories().trashed();
        assertEquals(1, trash.size());
        assertEquals("Levain", trash.get(0).title());
        assertEquals(2, trash.get(0).revisions());
    }

    @Test
    void untrashBringsBackTheTextAndEveryRevisionWithItsDate() throws StoryFormatException {
        List<RevisionInfo> before = ws.stories().history("levain");
        ws.stories().trash("levain");
        String id = ws.stories().untrash(ws.stories().trashed().get(0));
        assertEquals("levain", id);
        assertEquals(V2, ws.stories().get(id).orElseThrow().source());
        assertEquals(before, ws.stories().history(id));
        assertEquals(1, ws.search(SearchQuery.of("aube")).size());
        assertTrue(ws.stories().trashed().isEmpty());
        // Saving again continues the numbering.
        assertEquals(3, ws.stories().save(id, V1).revision());
    }

    @Test
    void untrashUnderATakenIdUsesAFreeOne() throws StoryFormatException {
        ws.stories().trash("levain");
        ws.stories().save("levain", "# Un autre\n\nAutre texte.\n");
        String id = ws.stories().untrash(ws.stories().trashed().get(0));
        assertEquals("levain-2", id);
        assertEquals("# Un autre\n\nAutre texte.\n", ws.stories().get("levain").orElseThrow().source());
    }

    @Test
    void trashSurvivesReopeningAndPurgeEmptiesIt() {
        ws.stories().trash("levain");
        ws.close();
        ws = Workspace.open(dir.resolve("w.cristal"), new TickingClock());
        TrashedStory t = ws.stories().trashed().get(0);
        ws.stories().purge(t);
        assertTrue(ws.stories().trashed().isEmpty());
    }
}
