package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal workspace …} end to end on a real workspace file. */
class WorkspaceCommandTest {
    private static Locale saved;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(saved);
    }

    CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private String ws() {
        return dir.resolve("client.cristal").toString();
    }

    private void importCorpus() {
        CliRun r = cli("workspace", "import", Corpus.root().toString(), "--workspace", ws());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void importReportsStoriesAndSkipsBadFilesWithTheirReason() {
        CliRun r = cli("workspace", "import", Corpus.root().toString(), "--workspace", ws());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Imported 6 stories"), r.out());
        CliRun bad = cli("workspace", "import", Corpus.root().resolve("bad").toString(), "--workspace", ws());
        assertEquals(0, bad.code(), bad.err());
        assertTrue(bad.out().contains("broken-front-matter.md") && bad.out().contains("Line "),
                "a bad file is named with its line:\n" + bad.out());
        assertTrue(bad.out().contains("yaml-bomb.md"), bad.out());
        assertTrue(bad.out().contains("Imported 1 story,"), bad.out());
    }

    /** What the studio autosaved after the last revision: a new title and a line more. */
    private String typeInTheStudio() throws Exception {
        try (Workspace w = Workspace.open(Path.of(ws()))) {
            String saved = w.stories().get("boulangerie-levain").orElseThrow().source();
            String typed = saved.replace("Quarante ans de levain, et toujours la même main", "Le levain du dimanche")
                    + "\nMiche au seigle, le dimanche aussi.\n";
            w.stories().saveDraft("boulangerie-levain", typed);
            return typed;
        }
    }

    @Test
    void exportWritesTheTypingTheStudioAutosavedAfterTheLastRevision() throws Exception {
        importCorpus();
        String typed = typeInTheStudio();
        Path all = dir.resolve("all");
        CliRun r = cli("workspace", "export", all.toString(), "--workspace", ws());
        assertEquals(0, r.code(), r.err());
        assertEquals(typed, Files.readString(all.resolve("stories").resolve("boulangerie-levain.md")));
        assertTrue(r.out().contains("boulangerie-levain: exported as last typed in the studio (autosaved on "), r.out());
        assertTrue(r.out().contains(", newer than revision 1)"), r.out());
        Path one = dir.resolve("one");
        CliRun story = cli("workspace", "export", one.toString(), "--story", "boulangerie-levain", "--workspace", ws());
        assertEquals(0, story.code(), story.err());
        assertEquals(typed, Files.readString(one.resolve("stories").resolve("boulangerie-levain.md")));
    }

    @Test
    void listAndHistoryShowTheTitleAsLastTypedAndSayADraftIsNewer() throws Exception {
        importCorpus();
        typeInTheStudio();
        CliRun list = cli("workspace", "list", "--workspace", ws());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("boulangerie-levain  Le levain du dimanche  [draft, fr]\n"
                + "    typing autosaved by the studio on "), list.out());
        assertFalse(list.out().contains("Quarante ans"), list.out());
        CliRun history = cli("workspace", "history", "boulangerie-levain", "--workspace", ws());
        assertEquals(0, history.code(), history.err());
        assertTrue(history.out().contains("Le levain du dimanche  (autosaved by the studio, newer than revision 1;"),
                history.out());
    }

    @Test
    void searchIgnoresAccentsAndCaseAndShowsSnippets() {
        importCorpus();
        CliRun r = cli("workspace", "search", "REPARER", "--workspace", ws());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("velo-atelier-solidaire"), r.out());
        assertTrue(r.out().contains("["), "snippet marks the match:\n" + r.out());
        CliRun filtered = cli("workspace", "search", "levain", "--lang", "en", "--workspace", ws());
        assertTrue(filtered.out().contains("No story found."), filtered.out());
    }

    @Test
    void terminalEscapesInAStoryNeverReachTheTerminal() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.writeString(folder.resolve("esc.md"), "---\ntitle: \"Pain \\e]0;pwned\\a frais\"\n---\nPain frais.\n");
        assertEquals(0, cli("workspace", "import", folder.toString(), "--workspace", ws()).code());
        CliRun r = cli("workspace", "search", "pain", "--workspace", ws());
        assertTrue(r.out().contains("Pain"), r.out());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), "no control characters");
    }

    @Test
    void historyListsRevisionsDiffsAndRestores() throws Exception {
        importCorpus();
        try (Workspace w = Workspace.open(Path.of(ws()))) {
            String source = w.stories().get("osteo-samedi").orElseThrow().source();
            w.stories().save("osteo-samedi", source.replace("9 h à 13 h", "8 h à 12 h"));
        }
        CliRun list = cli("workspace", "history", "osteo-samedi", "--workspace", ws());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("#1") && list.out().contains("#2"), list.out());
        CliRun diff = cli("workspace", "history", "osteo-samedi", "--diff", "1", "2", "--workspace", ws());
        assertTrue(diff.out().contains("- ") && diff.out().contains("+ ") && diff.out().contains("8 h à 12 h"),
                diff.out());
        CliRun restore = cli("workspace", "history", "osteo-samedi", "--restore", "1", "--workspace", ws());
        assertEquals(0, restore.code(), restore.err());
        try (Workspace w = Workspace.open(Path.of(ws()))) {
            assertTrue(w.stories().get("osteo-samedi").orElseThrow().source().contains("9 h à 13 h"));
            assertEquals(3, w.stories().history("osteo-samedi").size(), "restoring adds a revision");
        }
        assertEquals(2, cli("workspace", "history", "osteo-samedi", "--restore", "9", "--workspace", ws()).code());
        assertEquals(2, cli("workspace", "history", "nobody", "--workspace", ws()).code());
    }

    @Test
    void exportWritesStoriesBrandsAndImagesBack() throws Exception {
        importCorpus();
        Path out = dir.resolve("export");
        CliRun r = cli("workspace", "export", out.toString(), "--workspace", ws());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(Corpus.story("boulangerie-levain")),
                Files.readAllBytes(out.resolve("stories/boulangerie-levain.md")));
        assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")),
                Files.readAllBytes(out.resolve("images/hero-levain.jpg")));
        assertTrue(Files.exists(out.resolve("brands/harbor-pine.yaml")));
    }

    @Test
    void aCorruptWorkspaceIsRefusedInOneLineAndLeftUntouched() throws Exception {
        Path bad = Corpus.hostileInputs(dir.resolve("bad")).resolve("corrupt-library.db");
        byte[] before = Files.readAllBytes(bad);
        CliRun r = cli("workspace", "search", "pain", "--workspace", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(bad));
    }

    @Test
    void aWorkspaceOnAReadOnlyMediumIsListedSearchedAndExportedButNotChanged() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        String file = stick.resolve("client.cristal").toString();
        assertEquals(0, cli("workspace", "import", Corpus.root().toString(), "--workspace", file).code());
        try (org.cristal.support.Storage.Undo ro = org.cristal.support.Storage.readOnlyFolder(stick)) {
            CliRun list = cli("workspace", "list", "--workspace", file);
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("boulangerie-levain"), list.out());
            assertEquals(0, cli("workspace", "search", "levain", "--workspace", file).code());
            CliRun export = cli("workspace", "export", dir.resolve("out").toString(), "--workspace", file);
            assertEquals(0, export.code(), export.err());
            assertTrue(Files.exists(dir.resolve("out/stories/boulangerie-levain.md")));

            CliRun change = cli("workspace", "import", Corpus.root().toString(), "--workspace", file);
            assertEquals(2, change.code());
            assertEquals(1, change.err().strip().lines().count(), change.err());
            assertTrue(change.err().contains("read-only"), change.err());
            assertFalse(change.err().contains("SQLITE") || change.err().contains("damaged"), change.err());
            assertEquals(java.util.List.of("client.cristal"), java.util.List.of(stick.toFile().list()));
        }
    }

    @Test
    void aZeroLengthWorkspaceIsRefusedInOneLineNotMadeNew() throws Exception {
        Path emptied = Files.createFile(dir.resolve("emptied.cristal"));
        CliRun r = cli("workspace", "list", "--workspace", emptied.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("empty file"), r.err());
        assertEquals(0, Files.size(emptied));
    }
}
