package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class CoherenceTest {
    private static final Brand HARBOR = Corpus.loadBrand("harbor-pine");
    private static final Brand MARTIN = Corpus.loadBrand("boulangerie-martin");

    private static List<Finding> check(StoryDocument doc, Brand brand) {
        return Coherence.check(doc, brand, CheckSupport.render(doc, brand));
    }

    /** The coffee story with front-matter lines added after its first line. */
    private static StoryDocument coffeeWith(String frontMatter) throws IOException {
        String source = Files.readString(Corpus.story("coffee-huila"));
        return story(source.replaceFirst("---\n", java.util.regex.Matcher.quoteReplacement("---\n" + frontMatter)));
    }

    @Test
    void everyCorpusStoryIsCoherentAcrossItsRenditions() {
        for (var file : Corpus.storyFiles()) {
            String name = file.getFileName().toString();
            StoryDocument doc = Corpus.document(name);
            Brand brand = doc.story().brand().isBlank() ? Brand.DEFAULT : Corpus.loadBrand(doc.story().brand());
            assertEquals(List.of(), check(doc, brand), name);
        }
    }

    @Test
    void aTweetWritingThePriceTheFrenchWayIsReportedAgainstTheBody() throws IOException {
        StoryDocument doc = coffeeWith("channels:\n  tweet:\n    text: \"We pay Marta 5,80 $ a pound. "
                + "https://harborpine.example/shop/huila-2026\"\n");
        List<Finding> found = withCode(check(doc, HARBOR), "check.coherence.price");
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Channel.SOCIAL, f.channel());
        assertEquals(List.of("5,80 $", "$5.80"), f.args());
        assertEquals(23 + 3, f.line(), "the line giving the price (line 23 of the corpus file, below 3 added lines)");
        assertEquals("This channel writes the price “5,80 $”, the story “$5.80”: write it the same way everywhere.",
                f.message(Locale.ENGLISH));
    }

    @Test
    void aPriceTheStoryNeverGivesIsReported() throws IOException {
        StoryDocument doc = coffeeWith("channels:\n  email:\n    subject: \"Huila beans, now $14.50 a bag\"\n");
        List<Finding> found = withCode(check(doc, HARBOR), "check.coherence.priceUnknown");
        assertEquals(1, found.size(), found.toString());
        assertEquals(Channel.EMAIL, found.get(0).channel());
        assertEquals("$14.50", found.get(0).args().get(0));
    }

    @Test
    void aLinkDifferingOnlyByUtmParametersIsTheSameLink() throws IOException {
        StoryDocument same = coffeeWith("channels:\n  mastodon:\n    text: \"New harvest! "
                + "https://harborpine.example/shop/huila-2026/?utm_source=mastodon&utm_medium=social\"\n");
        assertEquals(List.of(), check(same, HARBOR));
        StoryDocument other = coffeeWith("channels:\n  x:\n    text: \"New harvest! https://harborpine.example/shop\"\n");
        List<Finding> found = withCode(check(other, HARBOR), "check.coherence.link");
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of("https://harborpine.example/shop", "https://harborpine.example/shop/huila-2026"),
                found.get(0).args());
        assertEquals(Channel.SOCIAL, found.get(0).channel());
    }

    @Test
    void aDateOrAnOfferOnlyOneChannelGivesIsReportedInFrench() throws IOException {
        String source = Files.readString(Corpus.story("boulangerie-levain"));
        StoryDocument doc = story(source.replaceFirst("---\n", "---\nchannels:\n  email:\n"
                + "    subject: \"Atelier levain le 6 décembre : -20 % avec le code LEVAIN20\"\n"
                + "  social:\n    text: \"Atelier gratuit le 6 décembre !\"\n"));
        List<Finding> found = check(doc, MARTIN);
        List<String> offers = withCode(found, "check.coherence.offer").stream()
                .map(f -> f.channel() + " " + f.args().get(0)).toList();
        assertEquals(List.of("EMAIL -20 %", "EMAIL LEVAIN20", "SOCIAL gratuit"), offers);
        List<Finding> dates = withCode(found, "check.coherence.date");
        assertEquals(List.of(Channel.EMAIL, Channel.SOCIAL), dates.stream().map(Finding::channel).toList());
        assertEquals("Ce canal donne la date «\u00a06 décembre\u00a0», que l’histoire ne donne pas.",
                dates.get(0).message(Locale.FRENCH));
    }

    @Test
    void datesWrittenInTheStoryMayBeRepeatedInAnyForm() {
        StoryDocument doc = story("---\nlang: fr\ntitle: Samedi\nchannels:\n  x:\n    text: \"Ouvert le samedi 6 déc. "
                + "Adhésion 20 € (10 € étudiants).\"\n---\nÀ partir du 6 décembre, le cabinet ouvre le samedi. "
                + "L’adhésion coûte 20 € (10 € pour les étudiants).\n");
        assertEquals(List.of(), check(doc, Brand.DEFAULT));
    }

    @Test
    void theSamePriceWrittenTwoWaysInsideTheStoryIsNoted() {
        StoryDocument doc = story("---\nlang: en\ntitle: Prices\n---\nA bag costs $14.50.\n\nYes, 14,50 $ only.\n");
        List<Finding> found = withCode(check(doc, Brand.DEFAULT), "check.price.mixed");
        assertEquals(1, found.size());
        assertEquals(7, found.get(0).line());
        assertEquals(List.of("14,50 $", "$14.50"), found.get(0).args());
    }

    @Test
    void pricesAreReadTheWayBothLanguagesWriteThem() {
        assertEquals(List.of("$ 5.80", "$ 5.80", "EUR 5.80", "EUR 5.00", "EUR 1250.00", "$ 1250.00"),
                Facts.of("$5.80, 5,80 $, 5.80 €, 5 €, 1 250 €, $1,250").prices().stream().map(Facts.Fact::key)
                        .toList());
        assertTrue(Facts.of("Rendez-vous le 3 décembre, ou December 3rd, ou 2026-12-03.").dates().stream()
                .allMatch(d -> d.key().equals("12-3")));
    }
}
