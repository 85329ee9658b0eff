package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cristal.story.Status;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
    Workspace ws;

    @BeforeAll
    void fill(@TempDir Path dir) throws Exception {
        ws = Workspace.open(dir.resolve("search.cristal"), new TickingClock());
        for (Path p : Corpus.storyFiles()) {
            ws.stories().save(p.getFileName().toString().replace(".md", ""), Files.readString(p));
        }
        ws.stories().save("eleves", """
                ---
                title: "Atelier pour les élèves"
                lang: fr
                tags: [école]
                status: review
                ---

                Les **élèves** du collège viennent pétrir leur première pâte. Un œuf, de la farine, et c'est parti.
                """);
        ws.stories().save("mention", """
                ---
                title: "Notes du samedi"
                lang: fr
                ---

                On parle aussi de levain ici, une seule fois, au milieu d'un long texte sur le marché du samedi.
                """);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        assertEquals(List.of("eleves"), ids("eleve"));
        assertEquals(List.of("eleves"), ids("ÉLÈVES"));
        assertTrue(ids("Levain").contains("boulangerie-levain"));
        assertTrue(ids("LEVAIN").contains("boulangerie-levain"));
    }

    @Test
    void ligatureIsFoundSpelledOut() {
        assertEquals(List.of("eleves"), ids("oeuf"));
        assertEquals(List.of("eleves"), ids("œuf"));
    }

    @Test
    void lastWordMatchesAsAPrefixWhileTyping() {
        assertTrue(ids("lev").contains("boulangerie-levain"));
        assertTrue(ids("quarante lev").contains("boulangerie-levain"));
        assertFalse(ws.search(SearchQuery.of("lev").withPrefix(false)).stream()
                .anyMatch(h -> h.story().id().equals("boulangerie-levain")));
        assertTrue(ids("lev ").isEmpty(), "a finished word is matched whole");
    }

    @Test
    void titleMatchRanksAboveASingleMentionInTheBody() {
        List<String> ids = ids("levain");
        assertEquals("boulangerie-levain", ids.get(0));
        assertTrue(ids.indexOf("mention") > 0, ids.toString());
    }

    @Test
    void snippetWrapsMatchesInTheChosenMarkers() {
        SearchHit hit = ws.search(SearchQuery.of("pétrir").withMarkers("«", "»")).get(0);
        assertEquals("eleves", hit.story().id());
        assertTrue(hit.snippet().contains("«pétrir»"), hit.snippet());
        assertFalse(hit.snippet().contains("**"), "snippets are plain text: " + hit.snippet());
        SearchHit square = ws.search(SearchQuery.of("petrir")).get(0);
        assertTrue(square.snippet().contains("[pétrir]"), square.snippet());
    }

    @Test
    void filtersCombineWithTheQuery() {
        SearchQuery q = SearchQuery.of("samedi");
        assertTrue(ws.search(q).size() >= 2);
        assertEquals(List.of("mention"), ids(q.withFilter(StoryFilter.ALL.withLang("fr").withTag("")
                .withBrand(""))).stream().filter(id -> id.equals("mention")).toList());
        assertTrue(ids(q.withFilter(StoryFilter.ALL.withBrand("osteo-lumiere"))).stream()
                .allMatch(id -> id.startsWith("osteo")));
        assertEquals(List.of("eleves"), ids(SearchQuery.of("farine")
                .withFilter(StoryFilter.ALL.withStatus(Status.REVIEW))));
        assertEquals(List.of("eleves"), ids(SearchQuery.of("farine").withFilter(StoryFilter.ALL.withTag("école"))));
        assertTrue(ids(SearchQuery.of("levain").withFilter(StoryFilter.ALL.withLang("en"))).isEmpty());
    }

    @Test
    void searchFollowsSavesAndDeletes() throws Exception {
        ws.stories().save("temp", "# Zanzibar\n\nUn mot rare : xylophone.\n");
        assertEquals(List.of("temp"), ids("xylophone"));
        ws.stories().save("temp", "# Zanzibar\n\nUn mot rare : marimba.\n");
        assertTrue(ids("xylophone").isEmpty());
        assertEquals(List.of("temp"), ids("marimba"));
        ws.stories().delete("temp");
        assertTrue(ids("marimba").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "AND (", "c++", "title:levain", "levain OR", "NEAR(a b)", "*", "-levain", "^x",
        "\"unclosed", "a\"b\"c", "(", ")", "'; DROP TABLE stories; --", "\u0000", "   ", "", "l", "{title}: x",
        "levain AND NOT pain", "%_", "…", "🇫🇷", "東京"})
    void hostileQueryGivesResultsOrNothingNeverAnError(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ws.search(SearchQuery.of(text)));
        assertEquals(Corpus.storyFiles().size() + 2, ws.stories().count(), "the stories table is intact");
    }

    @Test
    void operatorWordsAreSearchedAsWords() {
        assertTrue(ids("levain AND").isEmpty(), "AND is a word here, and no story has it");
        assertTrue(ids("title:levain").isEmpty(), "a column filter is a phrase here: title then levain");
        assertTrue(ids("Jean-Pierre").contains("boulangerie-levain"));
        assertEquals(List.of("edge-cases"), ids("東京"));
    }

    @Test
    void filterValuesAreNotSearchableWords() {
        assertEquals(List.of("nimbus-tax-season"), ids("review"), "the status of a story is not a word of its text");
        assertTrue(ids("zzqs").isEmpty(), "nor are the filter tokens");
        assertTrue(ids("x-zzqs").isEmpty() && ids(".zzqlfr").isEmpty() && ids("zżqs").isEmpty(),
                "nor inside a word or behind an accent");
        assertTrue(ids("harbor-pine").isEmpty());
        assertFalse(ids("école").isEmpty(), "tags are searchable");
    }

    @Test
    void queryMatchingMoreStoriesThanTheWindowRanksTheNewestOnes(@TempDir Path dir) throws Exception {
        try (Workspace small = Workspace.open(dir.resolve("window.cristal"), new TickingClock())) {
            small.stories().save("oldest", "# Levain\n\nLevain, levain, levain.\n");
            for (int i = 0; i < 6; i++) {
                small.stories().save("note-" + i, "# Note " + i + "\n\nUn mot sur le levain.\n");
            }
            Search exact = new Search(small.db(), 100);
            assertEquals("oldest", exact.find(SearchQuery.of("levain")).get(0).story().id());
            Search windowed = new Search(small.db(), 3);
            assertEquals(List.of("note-3", "note-4", "note-5"), windowed.find(SearchQuery.of("levain").withLimit(3))
                    .stream().map(h -> h.story().id()).sorted().toList());
        }
    }

    private List<String> ids(String text) {
        return ids(SearchQuery.of(text));
    }

    private List<String> ids(SearchQuery q) {
        return ws.search(q).stream().map(h -> h.story().id()).toList();
    }
}
