package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cristal.support.Corpus;
import org.cristal.support.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only medium, a file without write permission, a full disk, an emptied file: said as what they are. */
class StorageFaultsTest {
    private static final String LEVAIN = """
            ---
            title: "Quarante ans de levain"
            image: hero-levain.jpg
            ---

            Chaque matin, le levain est nourri à 4 h.
            """;

    @TempDir
    Path dir;

    private Path workspaceWithAStoryAndItsImage(Path file) throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("levain", LEVAIN);
            ws.assets().put("hero-levain.jpg", Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")), "Pain");
        }
        return file;
    }

    @Test
    void zeroLengthFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = Files.createFile(dir.resolve("emptied.cristal"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals("workspace.error.empty", e.key());
        assertTrue(e.localizedMessage(Locale.ENGLISH).contains("empty file"), e.localizedMessage(Locale.ENGLISH));
        assertTrue(e.localizedMessage(Locale.FRENCH).contains("fichier vide"));
        assertEquals(0, Files.size(file));
        assertEquals(List.of("emptied.cristal"), Files2.names(dir));
    }

    @Test
    void workspaceOnAReadOnlyMediumOpensForReadingAndSaysChangesAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("stick"));
        Path file = workspaceWithAStoryAndItsImage(folder.resolve("client.cristal"));
        String before = Files2.sha256(file);
        try (Storage.Undo ro = Storage.readOnlyFolder(folder); Workspace ws = Workspace.open(file)) {
            assertTrue(ws.readOnly());
            assertEquals(List.of("levain"), ws.stories().list().stream().map(StorySummary::id).toList());
            assertEquals("levain", ws.search(SearchQuery.of("nourri")).get(0).story().id());
            ExportResult export = new Exporter(ws, Locale.ENGLISH).exportAll(dir.resolve("out"));
            assertEquals(List.of(), export.skipped());
            assertTrue(Files.exists(dir.resolve("out/stories/hero-levain.jpg")));

            WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.stories().save("levain", LEVAIN + "x"));
            assertEquals("workspace.error.readOnly", e.key());
            String english = e.localizedMessage(Locale.ENGLISH);
            assertTrue(english.contains("read-only") && english.contains("client.cristal"), english);
            assertFalse(english.contains("SQLITE") || english.contains("damaged"), english);
            assertTrue(e.localizedMessage(Locale.FRENCH).contains("lecture seule"));
            assertEquals(List.of("client.cristal"), Files2.names(folder));
        }
        assertEquals(before, Files2.sha256(file));
    }

    @Test
    void fileWithoutWritePermissionOpensReadOnlyAndLeavesNoJournalBesideIt() throws Exception {
        Path file = workspaceWithAStoryAndItsImage(dir.resolve("client.cristal"));
        String before = Files2.sha256(file);
        try (Storage.Undo ro = Storage.readOnlyFile(file)) {
            try (Workspace ws = Workspace.open(file)) {
                assertTrue(ws.readOnly());
                assertEquals(1, ws.stories().count());
                assertTrue(ws.assets().get("hero-levain.jpg").orElseThrow().intact());
                assertEquals(List.of("ok"), ws.integrityCheck());
            }
            assertEquals(List.of("client.cristal"), Files2.names(dir), "no -wal or -shm left behind");
        }
        assertEquals(before, Files2.sha256(file));
    }

    @Test
    void readOnlyWorkspaceFromAnOlderCristalSaysItMustBeCopiedFirst() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cd"));
        Path file = folder.resolve("old.cristal");
        Workspace.open(file, java.time.Clock.systemUTC(), 1).close();
        try (Storage.Undo ro = Storage.readOnlyFolder(folder)) {
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
            assertEquals("workspace.error.readOnlyOld", e.key());
        }
    }

    @Test
    void newWorkspaceInAReadOnlyFolderIsRefusedAsSuch() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cd"));
        try (Storage.Undo ro = Storage.readOnlyFolder(folder)) {
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> Workspace.open(folder.resolve("new.cristal")));
            assertEquals("workspace.error.cannotCreate", e.key());
            assertTrue(e.localizedMessage(Locale.ENGLISH).contains("read-only"));
        }
    }

    @Test
    void fullDiskIsReportedAsFullAndTheWorkspaceKeepsWhatWasSaved() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path file = disk.resolve("client.cristal");
        try (Storage.Undo small = Storage.smallDisk(disk, 3)) {
            try (Workspace ws = Workspace.open(file)) {
                ws.stories().save("levain", LEVAIN);
                Storage.fill(disk.resolve("filler"));
                // Random text: it does not compress, and it is bigger than what is left.
                StringBuilder big = new StringBuilder(LEVAIN);
                java.util.Random random = new java.util.Random(7);
                for (int i = 0; i < 400_000; i++) {
                    big.append((char) ('a' + random.nextInt(26)));
                }
                WorkspaceException e = assertThrows(WorkspaceException.class,
                        () -> ws.stories().save("grand", big.toString()));
                assertEquals("workspace.error.diskFull", e.key());
                String english = e.localizedMessage(Locale.ENGLISH);
                assertTrue(english.contains("is full"), english);
                assertFalse(english.contains("SQLITE") || english.contains("damaged"), english);
                assertTrue(e.localizedMessage(Locale.FRENCH).contains("est plein"));
                Files.delete(disk.resolve("filler"));
            }
            try (Workspace ws = Workspace.open(file)) {
                assertEquals(List.of("levain"), ws.stories().list().stream().map(StorySummary::id).toList());
                assertEquals(List.of("ok"), ws.integrityCheck());
            }
        }
    }

    /** Flips one byte of the stored JPEG inside the workspace file itself, as a failing disk or a bad copy would. */
    private static void flipAByteOfTheStoredImage(Path file) throws Exception {
        byte[] jpeg = Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg"));
        byte[] probe = java.util.Arrays.copyOfRange(jpeg, jpeg.length / 2, jpeg.length / 2 + 64);
        byte[] all = Files.readAllBytes(file);
        for (int i = 0; i + probe.length <= all.length; i++) {
            if (java.util.Arrays.equals(all, i, i + probe.length, probe, 0, probe.length)) {
                all[i + 10] ^= 0x20;
                Files.write(file, all);
                return;
            }
        }
        throw new AssertionError("image bytes not found in the workspace file");
    }

    @Test
    void damagedImageIsNotExportedAndIsNamedWhileTheRestIsExported() throws Exception {
        Path file = workspaceWithAStoryAndItsImage(dir.resolve("client.cristal"));
        try (Workspace ws = Workspace.open(file)) {
            ws.assets().put("logo-martin.png", Files.readAllBytes(Corpus.images().resolve("logo-martin.png")), "");
        }
        flipAByteOfTheStoredImage(file);
        try (Workspace ws = Workspace.open(file)) {
            assertFalse(ws.assets().get("hero-levain.jpg").orElseThrow().intact());
            ExportResult r = new Exporter(ws, Locale.ENGLISH).exportAll(dir.resolve("out"));
            assertEquals(1, r.skipped().size(), r.skipped().toString());
            String said = r.skipped().get(0);
            assertTrue(said.contains("hero-levain.jpg") && said.contains("damaged"), said);
            assertFalse(Files.exists(dir.resolve("out/stories/hero-levain.jpg")));
            assertFalse(Files.exists(dir.resolve("out/hero-levain.jpg")));
            assertTrue(Files.exists(dir.resolve("out/stories/levain.md")));
            assertTrue(Files.exists(dir.resolve("out/logo-martin.png")));
            String french = new Exporter(ws, Locale.FRENCH).exportAll(dir.resolve("out-fr")).skipped().get(0);
            assertTrue(french.contains("endommagée"), french);
        }
    }

    @Test
    void damagedImageReachesTheRenderersAsUnreadableNotAsABrokenPicture() throws Exception {
        Path file = workspaceWithAStoryAndItsImage(dir.resolve("client.cristal"));
        flipAByteOfTheStoredImage(file);
        try (Workspace ws = Workspace.open(file)) {
            org.cristal.story.StoryDocument doc = org.cristal.story.StoryDocument.of(
                    ws.stories().get("levain").orElseThrow().story());
            var page = new org.cristal.render.web.WebRenderer().render(doc, org.cristal.story.Brand.DEFAULT,
                    org.cristal.render.RenderOptions.at(java.time.Instant.EPOCH).withAssets(ws.assetResolver()));
            assertTrue(page.findings().stream().anyMatch(f -> f.code().equals("image.unreadable")),
                    page.findings()::toString);
        }
    }
}
