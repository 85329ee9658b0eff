package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written by the build before schema step 6 (workspace-v5.cristal, made by
 * {@link FixtureWriter} at commit d9d2f1f) is brought to the compact layout with nothing lost: every
 * revision byte for byte, the trash, the autosaved draft, and every search with the same hits, scores
 * and snippets as that build gave.
 */
class StorageMigrationTest {
    @TempDir
    Path dir;

    @Test
    void workspaceFromTheBuildBeforeKeepsEveryRevisionSearchHitAndSnippet() throws Exception {
        Path file = copyFixture();
        Map<String, String> revisions = rows(file, "SELECT story_id || '#' || number, source FROM revisions");
        Map<String, String> trash = rows(file, "SELECT story_id || '#' || number, source FROM trash");
        Map<String, String> drafts = rows(file, "SELECT story_id, source FROM drafts");
        long before = Files.size(file);

        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Migrations.latest(), ws.formatVersion());
            assertEquals(List.of("ok"), ws.integrityCheck());
            for (Map.Entry<String, String> r : revisions.entrySet()) {
                String[] key = r.getKey().split("#");
                Revision read = ws.stories().revision(key[0], Integer.parseInt(key[1])).orElseThrow();
                assertEquals(r.getValue(), read.source(), r.getKey());
            }
            assertEquals(revisions.get("le-pain#3"), ws.stories().get("le-pain").orElseThrow().source());
            assertEquals(List.of(1, 2, 3), ws.stories().history("le-pain").stream().map(RevisionInfo::number).toList());
            assertEquals(revisions.get("le-pain#2").getBytes(StandardCharsets.UTF_8).length,
                    ws.stories().history("le-pain").get(1).size());
            assertEquals(drafts.get("saison"), ws.stories().newerDraft("saison").orElseThrow().source());

            for (Map.Entry<String, List<String>> q : expectedSearches().entrySet()) {
                List<String> got = new ArrayList<>();
                for (SearchHit h : ws.search(FixtureQueries.all().get(q.getKey()))) {
                    got.add(h.story().id() + "\t" + h.score() + "\t" + FixtureWriter.escape(h.snippet()));
                }
                assertEquals(q.getValue(), got, "search " + q.getKey());
            }

            TrashedStory gone = ws.stories().trashed().get(0);
            String id = ws.stories().untrash(gone);
            assertEquals(trash.get("gone#1"), ws.stories().revision(id, 1).orElseThrow().source());
            assertEquals(trash.get("gone#2"), ws.stories().get(id).orElseThrow().source());
            // The history's diff view and restore read old revisions through the same path.
            assertTrue(ws.stories().diff("le-pain", 1, 3).stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED
                    && l.text().contains("œuvre")));
            ws.stories().restore("le-pain", 1);
            assertEquals(revisions.get("le-pain#1"), ws.stories().get("le-pain").orElseThrow().source());

            // The index without text still follows saves, replacements and deletes.
            ws.stories().save("galette", "---\ntitle: La galette des rois\nlang: fr\n---\n\nFrangipane et fève.\n");
            ws.stories().save("le-pain", revisions.get("le-pain#3") + "\nDu pain de mie.\n");
            ws.stories().delete("saison");
            assertEquals(List.of("galette"), ids(ws.search(SearchQuery.of("frangipane"))));
            assertEquals("Frangipane et [fève].", ws.search(SearchQuery.of("feve")).get(0).snippet());
            assertTrue(ids(ws.search(SearchQuery.of("seigle").withPrefix(false))).stream().noneMatch("saison"::equals));
            assertTrue(ws.search(SearchQuery.of("mie").withPrefix(false)).stream()
                    .anyMatch(h -> h.story().id().equals("le-pain") && h.snippet().contains("[mie]")));
            assertEquals(List.of("ok"), ws.integrityCheck());
        }
        assertTrue(Files.size(file) < before, "the migrated file is smaller: " + Files.size(file) + " < " + before);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.story().id()).toList();
    }

    @Test
    void aFileFromTheBuildsBeforeKnowsEveryStorysWebAddressOnceBroughtUpToDate() throws Exception {
        Path file = copyFixture();
        Map<String, String> current = rows(file, "SELECT s.id, r.source FROM stories s "
                + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision");
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (Map.Entry<String, String> story : current.entrySet()) {
            expected.add(org.cristal.story.StoryParser.parse(story.getKey(), story.getValue()).withId(story.getKey())
                    .webSlug());
        }
        assertTrue(expected.size() >= 3, "the fixture has stories: " + expected);
        // As the build of step 6 left it, then opened by this one.
        Workspace.open(file, java.time.Clock.systemUTC(), 6).close();
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(expected, ws.stories().slugsInUse(""));
            String id = current.keySet().iterator().next();
            String old = org.cristal.story.StoryParser.parse(id, current.get(id)).withId(id).webSlug();
            ws.stories().save(id, "---\ntitle: Nouvelle adresse\nslug: nouvelle-adresse\nlang: fr\n---\nCorps.\n");
            java.util.Set<String> after = ws.stories().slugsInUse("");
            assertTrue(after.contains("nouvelle-adresse") && !after.contains(old), after.toString());
        }
    }

    private Path copyFixture() throws Exception {
        Path file = dir.resolve("client.cristal");
        try (InputStream in = getClass().getResourceAsStream("workspace-v5.cristal")) {
            Files.copy(in, file);
        }
        assertEquals("5", rows(file, "SELECT 'v', user_version FROM pragma_user_version").get("v"));
        return file;
    }

    /** The recorded results: query key → "id TAB score TAB snippet" per hit, best first. */
    private Map<String, List<String>> expectedSearches() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : FixtureQueries.all().keySet()) {
            out.put(key, new ArrayList<>());
        }
        try (InputStream in = getClass().getResourceAsStream("workspace-v5-search.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", 5);
                out.get(f[0]).add(f[2] + "\t" + f[3] + "\t" + f[4]);
            }
        }
        return out;
    }

    /** Reads two columns straight from the file with SQLite, as the build before step 6 stored them. */
    static Map<String, String> rows(Path file, String sql) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
