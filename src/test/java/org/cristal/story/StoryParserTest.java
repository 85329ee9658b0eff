package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryParserTest {

    @Test
    void frontMatterFieldsOfACorpusStoryAreRead() throws Exception {
        Story s = StoryParser.parse("boulangerie-levain", Files.readAllBytes(Corpus.story("boulangerie-levain")));
        assertEquals("Quarante ans de levain, et toujours la même main", s.title());
        assertEquals("boulangerie-martin", s.brand());
        assertEquals("fr", s.lang());
        assertEquals(List.of("levain", "artisanat", "pain", "quartier"), s.tags());
        assertEquals("../images/hero-levain.jpg", s.image());
        assertEquals("Réserver ma miche pour samedi", s.cta().orElseThrow().label());
        assertEquals("https://boulangerie-martin.example/reservation", s.cta().orElseThrow().url());
        assertEquals(Status.DRAFT, s.status());
        assertEquals(13, s.bodyLine());
        assertTrue(s.body().contains("Jean-Pierre pousse la porte"));
    }

    @Test
    void channelOverridesAreReadPerChannel() throws Exception {
        Story s = StoryParser.parse("", Files.readAllBytes(Corpus.story("nimbus-tax-season")));
        assertEquals("{{first_name|Hi}}, your tax checklist is inside", s.override("email", "subject").orElseThrow());
        assertEquals("Five steps, one afternoon, zero panic.", s.override("email", "preheader").orElseThrow());
        assertTrue(s.override("tweet", "text").orElseThrow().startsWith("Freelancers:"));
        assertTrue(s.override("email", "nothing").isEmpty());
    }

    @Test
    void everyCorpusStoryParses() throws Exception {
        for (Path p : Corpus.storyFiles()) {
            Story s = StoryParser.parse("", Files.readAllBytes(p));
            assertFalse(s.title().isBlank(), p.toString());
        }
    }

    @Test
    void brokenFrontMatterNamesTheLine() {
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> StoryParser.parse("x", Files.readAllBytes(Corpus.root().resolve("bad/broken-front-matter.md"))));
        assertTrue(e.line() >= 2 && e.line() <= 4, "line " + e.line());
        String fr = e.localizedMessage(Locale.FRENCH);
        assertTrue(fr.startsWith("Ligne " + e.line()), fr);
        assertTrue(e.localizedMessage(Locale.ENGLISH).startsWith("Line " + e.line()));
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StoryFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                StoryFormatException.class,
                () -> StoryParser.parse("x", Files.readAllBytes(Corpus.root().resolve("bad/yaml-bomb.md")))));
        assertEquals("yaml.error.aliases", e.key());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] bytes = "---\ntitle: ok\n---\n\nfine\nbad \u00ff here\n".getBytes(StandardCharsets.ISO_8859_1);
        StoryFormatException e = assertThrows(StoryFormatException.class, () -> StoryParser.parse("x", bytes));
        assertEquals("story.error.utf8", e.key());
        assertEquals(6, e.line());
    }

    @Test
    void wrongTypeIsRefusedWithItsLine() {
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> StoryParser.parse("x", "---\nlang: fr\ntitle: [a, b]\n---\nbody\n"));
        assertEquals("yaml.error.notText", e.key());
        assertEquals(3, e.line());
    }

    @Test
    void unknownStatusIsRefused() {
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> StoryParser.parse("x", "---\ntitle: t\nstatus: shipped\n---\n"));
        assertEquals("story.error.status", e.key());
        assertEquals(3, e.line());
    }

    @Test
    void unclosedFrontMatterIsRefused() {
        StoryFormatException e = assertThrows(StoryFormatException.class,
                () -> StoryParser.parse("x", "---\ntitle: t\n\nno end\n"));
        assertEquals("story.error.frontMatterUnclosed", e.key());
    }

    @Test
    void storyWithoutFrontMatterTakesItsTitleFromTheFirstHeading() throws Exception {
        Story s = StoryParser.parse("", "Intro line\n\n# Le pain du dimanche\n\nTexte.\n");
        assertEquals("Le pain du dimanche", s.title());
        assertEquals("le-pain-du-dimanche", s.id());
        assertEquals(1, s.bodyLine());
    }

    @Test
    void writeThenParseGivesTheSameStory(@TempDir Path dir) throws Exception {
        for (Path p : Corpus.storyFiles()) {
            Story s = StoryParser.parse("id", Files.readAllBytes(p));
            Story again = StoryParser.parse("id", StoryWriter.write(s));
            assertEquals(s.withId("x"), again.withId("x").withBodyLineOf(s), p.toString());
        }
    }

    @Test
    void unknownFrontMatterKeysSurviveARoundTrip() throws Exception {
        Story s = StoryParser.parse("x", "---\ntitle: t\nauthor: Dana\nseo: {score: 3}\n---\nbody\n");
        Story again = StoryParser.parse("x", StoryWriter.write(s));
        assertEquals(s.extra(), again.extra());
        assertEquals("Dana", again.extra().get("author"));
    }

    @Test
    void textYamlWouldFoldOrDropSurvivesARoundTrip() throws Exception {
        // Line and paragraph separators, NEL, a C1 control and a byte-order mark inside a summary.
        String odd = "Avant\u2028après\u2029fin\u0085ici\u0090là\uFEFF.";
        Story s = new Story("x", "Titre", odd, "Corps.\n", List.of("tag\u2028deux"), "fr", "", "", "",
                java.util.Optional.empty(), Status.DRAFT, java.util.Map.of(), java.util.Map.of(), 1);
        Story again = StoryParser.parse("x", StoryWriter.write(s));
        assertEquals(odd, again.summary());
        assertEquals(List.of("tag\u2028deux"), again.tags());
    }
}
