package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTest {
    private static final String V1 = """
            ---
            title: "Quarante ans de levain"
            brand: boulangerie-martin
            lang: fr
            tags: [levain, pain]
            ---

            Chaque matin, le levain est nourri.
            La croûte chante en refroidissant.
            """;
    private static final String V2 = V1.replace("La croûte chante", "La croûte craque");
    private static final String V3 = V2 + "Le pain se garde cinq jours.\n";

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

    @Test
    void everySaveOfChangedTextIsANewRevision() throws Exception {
        assertEquals(new SaveResult("levain", 1, true), ws.stories().save("levain", V1));
        assertEquals(new SaveResult("levain", 2, true), ws.stories().save("levain", V2));
        StoredStory s = ws.stories().get("levain").orElseThrow();
        assertEquals(V2, s.source());
        assertEquals(2, s.revision());
        assertEquals("Quarante ans de levain", s.story().title());
    }

    @Test
    void savingIdenticalTextTwiceKeepsOneRevision() throws Exception {
        ws.stories().save("levain", V1);
        assertEquals(new SaveResult("levain", 1, false), ws.stories().save("levain", V1));
        assertEquals(1, ws.stories().history("levain").size());
    }

    @Test
    void historyListsRevisionsWithSizeAndTitle() throws Exception {
        ws.stories().save("levain", V1);
        ws.stories().save("levain", V2.replace("Quarante ans", "Quarante-deux ans"));
        List<RevisionInfo> h = ws.stories().history("levain");
        assertEquals(List.of(1, 2), h.stream().map(RevisionInfo::number).toList());
        assertEquals("Quarante ans de levain", h.get(0).title());
        assertEquals("Quarante-deux ans de levain", h.get(1).title());
        assertEquals(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, h.get(0).size());
        assertTrue(h.get(1).savedAt().isAfter(h.get(0).savedAt()));
        assertEquals(V1, ws.stories().revision("levain", 1).orElseThrow().source());
        assertTrue(ws.stories().revision("levain", 3).isEmpty());
    }

    @Test
    void diffShowsTheChangedLineAsRemovedThenAdded() throws Exception {
        ws.stories().save("levain", V1);
        ws.stories().save("levain", V3);
        List<DiffLine> diff = ws.stories().diff("levain", 1, 2);
        List<DiffLine> changed = diff.stream().filter(d -> d.kind() != DiffLine.Kind.SAME).toList();
        assertEquals(List.of(
                new DiffLine(DiffLine.Kind.REMOVED, "La croûte chante en refroidissant.", 9, 0),
                new DiffLine(DiffLine.Kind.ADDED, "La croûte craque en refroidissant.", 0, 9),
                new DiffLine(DiffLine.Kind.ADDED, "Le pain se garde cinq jours.", 0, 10)), changed);
        assertEquals(V1.split("\n").length + 2, diff.size());
        assertEquals(new DiffLine(DiffLine.Kind.SAME, "---", 1, 1), diff.get(0));
    }

    @Test
    void diffOfAMissingRevisionIsALocalizedError() throws Exception {
        ws.stories().save("levain", V1);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.stories().diff("levain", 1, 7));
        assertEquals("The story “levain” has no version 7.", e.localizedMessage(Locale.ENGLISH));
    }

    @Test
    void restoreAppendsTheOldTextAsANewRevision() throws Exception {
        ws.stories().save("levain", V1);
        ws.stories().save("levain", V2);
        ws.stories().save("levain", V3);
        assertEquals(new SaveResult("levain", 4, true), ws.stories().restore("levain", 1));
        assertEquals(V1, ws.stories().get("levain").orElseThrow().source());
        List<RevisionInfo> h = ws.stories().history("levain");
        assertEquals(4, h.size());
        assertEquals("restored 1", h.get(3).note());
        assertEquals(V3, ws.stories().revision("levain", 3).orElseThrow().source(), "history is never rewritten");
    }

    @Test
    void invalidTextIsRefusedAndNothingIsWritten() throws Exception {
        ws.stories().save("levain", V1);
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> ws.stories().save("levain", "---\ntitle: \"open\ntags: [a\n---\nbody\n"));
        assertTrue(e.line() > 0);
        assertEquals(V1, ws.stories().get("levain").orElseThrow().source());
        assertEquals(1, ws.stories().history("levain").size());
    }

    @Test
    void idComesFromTheTitleWhenNotGivenAndIsAlwaysASlug() throws Exception {
        assertEquals("quarante-ans-de-levain", ws.stories().save("", V1).id());
        assertEquals("etc-passwd", ws.stories().save("../../etc/passwd", V1).id());
    }

    @Test
    void archivingChangesOnlyTheStatusLineAsANewRevision() throws Exception {
        ws.stories().save("levain", V1);
        ws.stories().archive("levain");
        String archived = ws.stories().get("levain").orElseThrow().source();
        assertEquals(V1.replace("lang: fr\n", "lang: fr\n").replace("tags: [levain, pain]\n",
                "tags: [levain, pain]\nstatus: archived\n"), archived);
        assertEquals(Status.ARCHIVED, ws.stories().list().get(0).status());
        ws.stories().setStatus("levain", Status.PUBLISHED);
        assertEquals(V1.replace("tags: [levain, pain]\n", "tags: [levain, pain]\nstatus: published\n"),
                ws.stories().get("levain").orElseThrow().source());
        assertEquals(3, ws.stories().history("levain").size());
    }

    @Test
    void statusOfAStoryWithoutFrontMatterIsAddedInFrontMatter() throws Exception {
        ws.stories().save("note", "# Une note\r\n\r\nSans en-tête.\r\n");
        ws.stories().setStatus("note", Status.REVIEW);
        String text = ws.stories().get("note").orElseThrow().source();
        assertEquals("---\r\nstatus: review\r\n---\r\n# Une note\r\n\r\nSans en-tête.\r\n", text);
        Story s = ws.stories().get("note").orElseThrow().story();
        assertEquals("Une note", s.title());
        assertEquals(Status.REVIEW, s.status());
    }

    @Test
    void deleteRemovesTheStoryItsHistoryAndItsSearchEntry() throws Exception {
        ws.stories().save("levain", V1);
        ws.stories().save("levain", V2);
        assertTrue(ws.stories().delete("levain"));
        assertTrue(ws.stories().get("levain").isEmpty());
        assertTrue(ws.stories().history("levain").isEmpty());
        assertTrue(ws.search(SearchQuery.of("levain")).isEmpty());
        assertFalse(ws.stories().delete("levain"));
    }

    @Test
    void listFiltersByStatusTagBrandAndLanguageNewestFirst() throws Exception {
        for (Path p : Corpus.storyFiles()) {
            String id = p.getFileName().toString().replace(".md", "");
            ws.stories().save(id, Files.readString(p));
        }
        ws.stories().setStatus("coffee-huila", Status.PUBLISHED);
        List<StorySummary> all = ws.stories().list();
        assertEquals(Corpus.storyFiles().size(), all.size());
        assertEquals("coffee-huila", all.get(0).id(), "the latest change comes first");
        assertEquals(List.of("boulangerie-levain"),
                ids(ws.stories().list(StoryFilter.ALL.withTag("levain"))));
        assertEquals(List.of("levain", "artisanat", "pain", "quartier"),
                ws.stories().list(StoryFilter.ALL.withTag("LEVAIN")).get(0).tags());
        assertEquals(List.of("coffee-huila"), ids(ws.stories().list(StoryFilter.ALL.withStatus(Status.PUBLISHED))));
        List<String> french = ids(ws.stories().list(StoryFilter.ALL.withLang("fr")));
        assertTrue(french.containsAll(List.of("boulangerie-levain", "velo-atelier-solidaire")), french.toString());
        assertFalse(french.contains("coffee-huila"));
        assertEquals(List.of("boulangerie-levain"),
                ids(ws.stories().list(StoryFilter.ALL.withBrand("boulangerie-martin").withLang("fr"))));
        assertTrue(ws.stories().list(StoryFilter.ALL.withBrand("boulangerie-martin").withLang("en")).isEmpty());
        assertEquals(2, ws.stories().list(StoryFilter.ALL.withLimit(2, 1)).size());
        assertEquals(all.get(1).id(), ws.stories().list(StoryFilter.ALL.withLimit(2, 1)).get(0).id());
    }

    private static List<String> ids(List<StorySummary> list) {
        return list.stream().map(StorySummary::id).toList();
    }
}
