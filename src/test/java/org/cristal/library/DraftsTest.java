package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.cristal.story.StoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsTest {
    private static final String SAVED = "# Levain\n\nLe levain est nourri.\n";
    private static final String TYPING = SAVED + "Et la croûte chante.\n";

    @TempDir
    Path dir;

    @Test
    void autosavedDraftSurvivesReopeningWithoutMakingARevision() throws StoryFormatException {
        Path file = dir.resolve("w.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("levain", SAVED);
            ws.stories().saveDraft("levain", TYPING);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Optional.of(TYPING), ws.stories().draft("levain"));
            assertEquals(1, ws.stories().history("levain").size());
        }
    }

    @Test
    void savingTheStoryClearsItsDraft() throws StoryFormatException {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.stories().save("levain", SAVED);
            ws.stories().saveDraft("levain", TYPING);
            ws.stories().save("levain", TYPING);
            assertTrue(ws.stories().draft("levain").isEmpty());
            ws.stories().saveDraft("levain", TYPING + "x");
            ws.stories().save("levain", SAVED + "y");
            assertTrue(ws.stories().draft("levain").isEmpty());
        }
    }

    @Test
    void draftEqualToTheSavedTextIsNotOffered() throws StoryFormatException {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.stories().save("levain", SAVED);
            ws.stories().saveDraft("levain", SAVED);
            assertTrue(ws.stories().draft("levain").isEmpty());
        }
    }
}
