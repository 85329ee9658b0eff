package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class ReadabilityTest {
    private static String repeat(String sentence, int times) {
        return (sentence + " ").repeat(times).strip();
    }

    @Test
    void kandelMolesFollowsItsFormulaForFrench() {
        // 2 sentences, 8 words, 10 syllables: 207 − 1.015 × 4 − 73.6 × 1.25 = 110.94
        Readability.Stats s = Readability.stats(story("---\nlang: fr\n---\nLe pain est bon. Le matin, il chante.\n")
                .blocks(), "fr");
        assertEquals(2, s.sentences());
        assertEquals(8, s.words());
        assertEquals(9, s.syllables()); // le pain est bon / le ma-tin il chante
        assertEquals(207 - 1.015 * 4 - 73.6 * 9 / 8.0, s.score().orElseThrow(), 1e-9);
    }

    @Test
    void fleschFollowsItsFormulaForEnglish() {
        Readability.Stats s = Readability.stats(story("---\nlang: en\n---\nWe roast coffee. We drink it.\n")
                .blocks(), "en");
        assertEquals(2, s.sentences());
        assertEquals(6, s.words());
        assertEquals(206.835 - 1.015 * 3 - 84.6 * 7 / 6.0, s.score().orElseThrow(), 1e-9);
    }

    @Test
    void plainFrenchStoriesOfTheCorpusReadEasily() {
        for (String name : List.of("boulangerie-levain", "velo-atelier-solidaire")) {
            StoryDocument doc = Corpus.document(name);
            Readability.Stats s = Readability.stats(doc.blocks(), "fr");
            assertTrue(s.score().orElseThrow() >= 60, name + " scores " + s.score());
            assertEquals(List.of(), withCode(Readability.check(doc), "check.readability.hard"));
        }
    }

    @Test
    void denseFrenchAdministrativeProseIsReportedAsHardWithKandelMoles() {
        String sentence = "Conformément aux dispositions réglementaires actuellement applicables, l’administration "
                + "intercommunale procédera ultérieurement à l’établissement contradictoire des responsabilités "
                + "environnementales incombant individuellement aux établissements professionnels concernés.";
        StoryDocument doc = story("---\nlang: fr\n---\n" + repeat(sentence, 6) + "\n");
        List<Finding> hard = withCode(Readability.check(doc), "check.readability.hard");
        assertEquals(1, hard.size());
        assertEquals(Severity.WARNING, hard.get(0).severity());
        assertTrue(hard.get(0).message(Locale.FRENCH).contains("Kandel–Moles"), hard.get(0).message(Locale.FRENCH));
        assertTrue(hard.get(0).message(Locale.FRENCH).contains("difficile"));
    }

    @Test
    void tooManyLongSentencesAreReportedWithTheirShare() {
        String longOne = "We roast every batch of the washed Colombian from the farm of Marta in small lots on the "
                + "waterfront so that the acidity and the sweetness stay in the cup.";
        String shortOne = "We cup it the next day.";
        StoryDocument doc = story("---\nlang: en\n---\n" + longOne + " " + longOne + " " + shortOne + " "
                + shortOne + " " + shortOne + "\n");
        List<Finding> found = withCode(Readability.check(doc), "check.sentences.long");
        assertEquals(1, found.size());
        assertEquals(List.of(2, 5, 20), found.get(0).args());
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).message(Locale.ENGLISH).startsWith("2 of 5 sentences"));
    }

    @Test
    void aParagraphOverOneHundredFiftyWordsIsReportedAtItsLine() {
        String para = repeat("Le levain travaille la nuit.", 32); // 160 words
        StoryDocument doc = story("---\nlang: fr\n---\nCourt paragraphe.\n\n" + para + "\n");
        List<Finding> found = withCode(Readability.check(doc), "check.paragraph.long");
        assertEquals(1, found.size());
        assertEquals(6, found.get(0).line());
        assertEquals(160, found.get(0).args().get(0));
    }

    @Test
    void threeHundredWordsWithoutSubheadingAreReportedWhereTheStretchStarts() {
        String para = repeat("The beans dry on raised beds for weeks.", 15); // 120 words
        String body = para + "\n\n" + para + "\n\n" + para + "\n";
        List<Finding> found = withCode(Readability.check(story("---\nlang: en\n---\n" + body)),
                "check.subheading.missing");
        assertEquals(1, found.size());
        assertEquals(4, found.get(0).line());
        String withHeadings = para + "\n\n## Drying\n\n" + para + "\n\n## Roasting\n\n" + para + "\n";
        assertEquals(List.of(), withCode(Readability.check(story("---\nlang: en\n---\n" + withHeadings)),
                "check.subheading.missing"));
    }

    @Test
    void passiveVoiceInTheCoffeeStoryIsOverOneInTen() {
        StoryDocument doc = Corpus.document("coffee-huila");
        List<Finding> found = withCode(Readability.check(doc), "check.passive");
        assertEquals(1, found.size());
        // "Every tree is visited four or five times", on line 30 of the story file
        assertEquals(30, found.get(0).line());
        assertTrue((int) found.get(0).args().get(0) * 10 > (int) found.get(0).args().get(1));
    }

    @Test
    void passiveHeuristicFindsBeOrGetWithAParticiple() {
        assertTrue(passive("The cherries are pulped the same afternoon."));
        assertTrue(passive("They are often set aside."));
        assertTrue(passive("Pickers get paid by weight."));
        assertTrue(passive("The contract was written in March."));
        assertTrue(!passive("We pay before the harvest."));
        assertTrue(!passive("She is ready."));
        assertTrue(!passive("The coffee is red and sweet."));
    }

    @Test
    void frenchStoriesAreNotJudgedOnEnglishPassives() {
        String fr = repeat("Le pain est cuit le matin.", 10);
        assertEquals(List.of(), withCode(Readability.check(story("---\nlang: fr\n---\n" + fr + "\n")), "check.passive"));
    }

    private static boolean passive(String sentence) {
        return Readability.passive(Words.tokens(sentence, true));
    }
}
