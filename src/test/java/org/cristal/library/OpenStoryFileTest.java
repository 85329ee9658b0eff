package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Markdown file double-clicked on the desktop comes into the workspace once, with its picture. */
class OpenStoryFileTest {
    @TempDir
    Path dir;

    private Path storyFile(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Documents"));
        Files.copy(Corpus.images().resolve("hero-levain.jpg"), folder.resolve("hero-levain.jpg"));
        String text = Files.readString(Corpus.story("boulangerie-levain")).replace("../images/hero-levain.jpg",
                "hero-levain.jpg");
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void aMarkdownFileBecomesAStoryWithThePictureBesideIt() throws Exception {
        Path file = storyFile("Levain.md");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            Importer.OpenedFile opened = new Importer(ws, Locale.ENGLISH).importFile(file);
            assertTrue(opened.created());
            assertEquals("levain", opened.storyId());
            assertEquals(Files.readString(file), ws.stories().get("levain").orElseThrow().source());
            assertTrue(ws.assets().get("hero-levain.jpg").isPresent(), ws.assets().names().toString());
        }
    }

    @Test
    void openingTheSameFileAgainMakesNoDuplicateEvenAfterTheStoryWasEdited() throws Exception {
        Path file = storyFile("levain.md");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            Importer importer = new Importer(ws, Locale.ENGLISH);
            String id = importer.importFile(file).storyId();
            assertEquals(new Importer.OpenedFile(id, false), importer.importFile(file));
            ws.stories().save(id, Files.readString(file) + "\nUn paragraphe écrit dans le studio.\n");
            assertEquals(new Importer.OpenedFile(id, false), importer.importFile(file));
            assertEquals(1, ws.stories().count());
        }
    }

    @Test
    void aDifferentFileOfTheSameNameNeverReplacesTheStoryInTheWorkspace() throws Exception {
        Path file = storyFile("levain.md");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            Importer importer = new Importer(ws, Locale.ENGLISH);
            importer.importFile(file);
            String before = ws.stories().get("levain").orElseThrow().source();
            Files.writeString(file, Files.readString(file) + "\nAjouté dans un autre éditeur.\n");
            Importer.OpenedFile second = importer.importFile(file);
            assertEquals(new Importer.OpenedFile("levain-2", true), second);
            assertEquals(before, ws.stories().get("levain").orElseThrow().source());
            assertTrue(ws.stories().get("levain-2").orElseThrow().source().contains("autre éditeur"));
        }
    }

    @Test
    void brokenFrontMatterIsRefusedWithItsReasonAndNothingIsWritten() throws Exception {
        Path file = Files.copy(Corpus.root().resolve("bad").resolve("broken-front-matter.md"),
                dir.resolve("broken.md"));
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            StoryFormatException e = assertThrows(StoryFormatException.class,
                    () -> new Importer(ws, Locale.FRENCH).importFile(file));
            assertFalse(e.localizedMessage(Locale.FRENCH).isBlank());
            assertEquals(0, ws.stories().count());
        }
    }

    @Test
    void aFileThatIsGoneIsSaidInTheUsersLanguage() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> new Importer(ws, Locale.FRENCH).importFile(dir.resolve("parti.md")));
            assertTrue(e.localizedMessage(Locale.FRENCH).startsWith("Le fichier"), e.localizedMessage(Locale.FRENCH));
        }
    }
}
