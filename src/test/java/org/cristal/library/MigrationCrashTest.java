package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCrashTest {
    private static final int STORIES = 3000;

    @TempDir
    Path dir;

    @Test
    void workspaceKilledWhileBeingMigratedOpensIntactAndMigratesNextTime() throws Exception {
        Path file = dir.resolve("old.cristal");
        writeStepFiveWorkspace(file, STORIES);
        Map<String, String> revisions = StorageMigrationTest.rows(file,
                "SELECT story_id || '#' || number, source FROM revisions");
        assertEquals(STORIES, revisions.size());

        // How long this machine takes, on a copy, so the kill lands part-way through the real one.
        Path copy = dir.resolve("copy.cristal");
        Files.copy(file, copy);
        long start = System.nanoTime();
        try (Workspace ws = Workspace.open(copy)) {
            assertEquals(Migrations.latest(), ws.formatVersion());
        }
        long migrationMillis = (System.nanoTime() - start) / 1_000_000;

        killWhileMigrating(file, Math.max(50, migrationMillis / 3));

        // Whatever the kill interrupted, the file is whole: still the old layout, readable as the build
        // before read it, or (if the kill came during the compaction that follows) the new one.
        String version = StorageMigrationTest.rows(file, "SELECT 'v', user_version FROM pragma_user_version").get("v");
        assertEquals("ok", StorageMigrationTest.rows(file, "SELECT 'r', integrity_check FROM pragma_integrity_check")
                .get("r"));
        if (version.equals("5")) {
            assertEquals(revisions, StorageMigrationTest.rows(file,
                    "SELECT story_id || '#' || number, source FROM revisions"));
            assertTrue(Integer.parseInt(StorageMigrationTest.rows(file, "SELECT 'n', count(*) FROM story_fts "
                    + "WHERE story_fts MATCH 'levain' AND snippet(story_fts, 2, '[', ']', '…', 8) LIKE '%[%'").get("n")) > 0,
                    "the old search index, with its text, still answers");
        } else {
            assertEquals("6", version);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Migrations.latest(), ws.formatVersion());
            assertEquals(List.of("ok"), ws.integrityCheck());
            for (Map.Entry<String, String> r : revisions.entrySet()) {
                assertEquals(r.getValue(), ws.stories().get(r.getKey().split("#")[0]).orElseThrow().source());
            }
            List<SearchHit> hits = ws.search(SearchQuery.of("levain").withLimit(5));
            assertEquals(5, hits.size());
            assertTrue(hits.stream().allMatch(h -> h.snippet().contains("[levain]") || h.story().title().toLowerCase()
                    .contains("levain")), hits.toString());
        }
    }

    /** The kill comes {@code afterMillis} after the child starts opening the file. */
    private void killWhileMigrating(Path file, long afterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MigrationChild.class.getName(), file.toString(), dir.resolve("warm.cristal").toString())
                .redirectErrorStream(true).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("migrating")) {
                        return;
                    }
                }
                throw new AssertionError("the child exited before migrating: " + child.waitFor());
            });
            Thread.sleep(afterMillis);
            assertTrue(child.isAlive(), "the child is still migrating when it is killed");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** A workspace as the build before step 6 wrote it: its schema, its text stored as written. */
    static void writeStepFiveWorkspace(Path file, int stories) throws Exception {
        Random random = new Random(3);
        try (Workspace ws = Workspace.open(file, Clock.systemUTC(), 5)) {
            List<Stories.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < stories; i++) {
                drafts.add(new Stories.Draft("story-" + i, LibraryBench.story(random, i), ""));
            }
            ws.stories().saveAll(drafts);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            List<Long> rows = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, source FROM revisions");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                    texts.add(RevisionText.unpack(rs.getObject(2)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE revisions SET source = ? WHERE rowid = ?")) {
                for (int i = 0; i < rows.size(); i++) {
                    ps.setString(1, texts.get(i));
                    ps.setLong(2, rows.get(i));
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }
}
