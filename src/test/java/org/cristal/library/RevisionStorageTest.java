package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionStorageTest {
    private static final String HEAD = "---\ntitle: \"Le levain\"\nlang: fr\ntags: [levain]\n---\n\n";

    @TempDir
    Path dir;

    @Test
    void everyRevisionReadsBackByteForByteWhileTheFileHoldsItCompressed() throws Exception {
        StringBuilder long1 = new StringBuilder(HEAD);
        for (int i = 0; i < 3000; i++) {
            long1.append("Le levain du fournil, jour ").append(i).append(" : farine, eau, sel, patience.\n");
        }
        List<String> versions = List.of(
                HEAD + "Première version.\n",
                HEAD.replace("\n", "\r\n") + "Fins de ligne Windows,\r\n\ttabulation et espaces en fin   \r\n",
                "\uFEFF" + HEAD + "Avec BOM, œuvre, cœur, ß, emoji 🥖🍞, 中文, العربية.\n",
                HEAD,
                long1.toString(),
                HEAD + "Dernière version, sans retour à la ligne final");
        Path file = dir.resolve("history.cristal");
        long textBytes = 0;
        try (Workspace ws = Workspace.open(file, new TickingClock())) {
            for (String v : versions) {
                ws.stories().save("levain", v);
                textBytes += v.getBytes(StandardCharsets.UTF_8).length;
            }
            for (int n = 1; n <= versions.size(); n++) {
                assertEquals(versions.get(n - 1), ws.stories().revision("levain", n).orElseThrow().source(), "revision " + n);
                assertEquals(versions.get(n - 1).getBytes(StandardCharsets.UTF_8).length,
                        ws.stories().history("levain").get(n - 1).size(), "size shown in the history, revision " + n);
            }
            assertEquals(versions.get(versions.size() - 1), ws.stories().get("levain").orElseThrow().source());
            assertTrue(ws.stories().diff("levain", 4, 5).stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED
                    && l.text().contains("jour 2999")));
            ws.stories().restore("levain", 3);
            assertEquals(versions.get(2), ws.stories().get("levain").orElseThrow().source());
            ws.stories().trash("levain");
            String back = ws.stories().untrash(ws.stories().trashed().get(0));
            assertEquals(versions.get(4), ws.stories().revision(back, 5).orElseThrow().source());
        }
        long stored = Long.parseLong(StorageMigrationTest.rows(file,
                "SELECT 'n', sum(length(source)) FROM revisions WHERE story_id = 'levain' AND number <= 6").get("n"));
        assertTrue(stored * 5 < textBytes, "stored " + stored + " bytes for " + textBytes + " bytes of text");
    }

    @Test
    void aDamagedRevisionIsNamedAndTheOthersStillRead() throws Exception {
        Path file = dir.resolve("damaged.cristal");
        try (Workspace ws = Workspace.open(file, new TickingClock())) {
            ws.stories().save("levain", HEAD + "Version une.\n");
            ws.stories().save("levain", HEAD + "Version deux.\n");
            ws.stories().save("levain", HEAD + "Version trois.\n");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement("UPDATE revisions SET source = ? WHERE number = 2")) {
            ps.setBytes(1, new byte[] {1, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34});
            ps.executeUpdate();
        }
        try (Workspace ws = Workspace.open(file)) {
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.stories().revision("levain", 2));
            assertEquals("library.error.damagedRevision", e.key());
            String en = e.localizedMessage(Locale.ENGLISH);
            String fr = e.localizedMessage(Locale.FRENCH);
            assertTrue(en.contains("Version 2 of the story “levain” is damaged"), en);
            assertTrue(fr.contains("La version 2 de l’histoire «\u00a0levain\u00a0» est endommagée"), fr);
            assertFalse(en.contains("Exception") || en.contains("zip"), en);
            assertEquals(HEAD + "Version une.\n", ws.stories().revision("levain", 1).orElseThrow().source());
            assertEquals(HEAD + "Version trois.\n", ws.stories().get("levain").orElseThrow().source());
            assertEquals(1, ws.search(SearchQuery.of("trois")).size());
        }
    }
}
