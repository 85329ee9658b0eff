package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VariantsTest {
    private static final String BAKERY = """
            ---
            title: "Notre pain au levain"
            slug: pain-au-levain
            lang: fr
            cta:
              label: "Commandez"
              url: "https://boulangerie.example/commande"
            variants:
              subject:
                b: "Le pain qui change tout"
                c: "Votre pain, cuit ce matin"
              cta:
                b: "Réservez votre fournée"
              lead:
                b: "Trois jours de levain, une nuit de repos."
            ---
            # Notre pain au levain

            Un pain qui se garde une semaine.
            Il croustille encore le lendemain.

            Passez nous voir.
            """;

    private static Story story(String text) throws StoryFormatException {
        return StoryParser.parse("pain", text);
    }

    @Test
    void armBReadsItsOwnSubjectCallToActionAndFirstParagraph() throws Exception {
        Story s = story(BAKERY);
        Variants v = Variants.of(s);
        assertEquals(List.of("a", "b", "c"), v.arms());
        Story b = v.apply(s, "b");
        assertEquals("Le pain qui change tout", b.override("email", "subject").orElseThrow());
        assertEquals("Réservez votre fournée", b.cta().orElseThrow().label());
        assertEquals("https://boulangerie.example/commande", b.cta().orElseThrow().url());
        assertTrue(b.body().contains("# Notre pain au levain\n\nTrois jours de levain, une nuit de repos.\n\nPassez"),
                b.body());
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }

    @Test
    void armAIsTheStoryAsWrittenAndAnArmKeepsWhatItDoesNotVary() throws Exception {
        Story s = story(BAKERY);
        Variants v = Variants.of(s);
        assertEquals(s, v.apply(s, "a"));
        Story c = v.apply(s, "c");
        assertEquals("Votre pain, cuit ce matin", c.override("email", "subject").orElseThrow());
        assertEquals("Commandez", c.cta().orElseThrow().label());
        assertEquals(s.body(), c.body());
    }

    @Test
    void aTestOfOneElementVariesOnlyThatElement() throws Exception {
        Story s = story(BAKERY);
        Variants v = Variants.of(s);
        assertEquals(List.of("a", "b"), v.arms(Variants.Element.CTA));
        Story b = v.apply(s, Variants.Element.SUBJECT, "b");
        assertEquals("Le pain qui change tout", b.override("email", "subject").orElseThrow());
        assertEquals("Commandez", b.cta().orElseThrow().label());
        assertEquals(s.body(), b.body());
    }

    @Test
    void aTitleVariantAlsoRetitlesTheHeadingThatRepeatsTheTitle() throws Exception {
        Story s = story(BAKERY.replace("  lead:\n", "  title:\n    b: \"Le levain, trois jours\"\n  lead:\n"));
        Story b = Variants.of(s).apply(s, Variants.Element.TITLE, "b");
        assertEquals("Le levain, trois jours", b.title());
        assertTrue(b.body().startsWith("# Le levain, trois jours\n"), b.body());
        // Every channel leaves that heading out, so the arm's page and e-mail show its title once.
        assertTrue(!StoryDocument.of(b).bodyHtml().contains("Notre pain au levain"), StoryDocument.of(b).bodyHtml());
    }

    @Test
    void theStoryTextStaysAsWrittenThroughARoundTrip() throws Exception {
        Story s = story(BAKERY);
        Story again = story(StoryWriter.write(s));
        assertEquals(s.extra(), again.extra());
        assertEquals(Variants.of(s).apply(s, "b").cta(), Variants.of(again).apply(again, "b").cta());
    }

    @Test
    void malformedVariantsAreLocalizedWarningsNotErrors() throws Exception {
        Story s = story("""
                ---
                title: "Pain"
                variants:
                  colour:
                    b: "rouge"
                  subject:
                    a: "Le même"
                    b: ""
                    "B C": "espace"
                    c: [un, deux]
                    d: "Un"
                    e: "Deux"
                    f: "Trois"
                    g: "Quatre"
                  title: [une, liste]
                  cta:
                    d: "Réservez"
                ---
                Du pain.
                """);
        Variants v = Variants.of(s);
        assertEquals(List.of("a", "d", "e", "f"), v.arms());
        List<String> codes = v.problems().stream().map(Finding::code).toList();
        assertEquals(List.of("story.variants.unknownElement", "story.variants.control", "story.variants.empty",
                "story.variants.badArm", "story.variants.notText", "story.variants.tooMany",
                "story.variants.elementNotMapping", "story.variants.noCta"), codes);
        assertTrue(v.problems().stream().allMatch(f -> f.severity() == Severity.WARNING));
        Finding tooMany = v.problems().get(5);
        assertEquals("La variante g de «\u00a0subject\u00a0» a été ignorée\u00a0: un test a au plus 4 variantes, "
                + "a comprise, pour que chacune ait assez de lecteurs.", tooMany.message(Locale.FRENCH));
        assertEquals("Variants of “colour” were left out: only subject, title, cta, lead can vary.",
                v.problems().get(0).message(Locale.ENGLISH));
    }

    @Test
    void aLeadVariantNeedsAFirstParagraph() throws Exception {
        Story s = story("""
                ---
                title: "Pain"
                variants:
                  lead:
                    b: "Autre début"
                ---
                - une liste
                - pas un paragraphe
                """);
        Variants v = Variants.of(s);
        assertTrue(v.isEmpty());
        assertEquals("story.variants.noLead", v.problems().get(0).code());
    }
}
