package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.junit.jupiter.api.Test;

/** A story written for a persona, held to that persona's words, reading target and channels. */
class PersonaCheckTest {
    private static final PersonaRules CLAIRE = new PersonaRules("Claire", List.of("artisanal", "haut de gamme"), 0,
            List.of("social"));

    private static List<Finding> check(String src, PersonaRules rules) {
        return Checks.run(story(src), Brand.DEFAULT, null, Optional.ofNullable(rules));
    }

    @Test
    void everyAvoidedWordIsFoundWithItsPlaceWhateverItsCaseAndAccents() {
        String src = "---\nlang: fr\npersona: Claire\ntitle: Un pain ARTISANAL\n---\nNotre pain artisanal est bon.\n\n"
                + "Une offre Haut-de-Gamme, des fournées artisanales.\n\nLes artisans du quartier.\n";
        List<Finding> found = withCode(check(src, CLAIRE), "check.persona.avoidWord");
        assertEquals(List.of("ARTISANAL", "artisanal", "artisanales", "Haut-de-Gamme"),
                found.stream().map(f -> f.args().get(0)).toList(), "whole words only: « artisans » is not one");
        assertEquals(List.of(0, 6, 8, 8), found.stream().map(Finding::line).toList());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("«\u00a0artisanal\u00a0» fait partie des mots que Claire n’aime pas\u00a0; reformulez.",
                found.get(1).message(Locale.FRENCH));
        assertEquals("“artisanal” is one of the words Claire does not like; rephrase it.",
                found.get(1).message(Locale.ENGLISH));
    }

    @Test
    void aStoryForNoPersonaIsNotHeldToAny() {
        String src = "---\nlang: fr\ntitle: Un pain artisanal\n---\nNotre pain artisanal.\n";
        assertTrue(withCode(check(src, CLAIRE), "check.persona.avoidWord").isEmpty());
        assertTrue(check(src, null).stream().noneMatch(f -> f.code().startsWith("check.persona")));
    }

    @Test
    void aPersonaNameNoPersonaHasIsAWarningNotAnError() {
        String src = "---\nlang: fr\npersona: Clara\ntitle: Un pain artisanal\n---\nNotre pain artisanal.\n";
        List<Finding> found = withCode(check(src, null), "check.persona.unknown");
        assertEquals(1, found.size());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertTrue(found.get(0).message(Locale.ENGLISH).startsWith("This story is written for “Clara”, but no persona"));
    }

    @Test
    void aTextHarderThanThePersonaReadsComfortablyGetsAFinding() {
        PersonaRules target = new PersonaRules("Bruno", List.of(), 60, List.of());
        String hard = "Les considérations institutionnelles gouvernementales nécessitent systématiquement une "
                + "réorganisation administrative particulièrement approfondie des responsabilités intercommunales. ";
        String easy = "Le pain est bon. Il sort du four. Vous le prenez le matin. Il est chaud. ";
        String head = "---\nlang: fr\npersona: Bruno\ntitle: Pain\n---\n";
        List<Finding> found = withCode(check(head + hard.repeat(10), target), "check.persona.readingTarget");
        assertEquals(1, found.size());
        assertTrue(((Number) found.get(0).args().get(2)).longValue() < 60);
        assertTrue(found.get(0).message(Locale.FRENCH).startsWith("Bruno lit sans peine à partir d’un indice de "
                + "lisibilité Kandel–Moles de 60\u00a0; ce texte obtient "), found.get(0).message(Locale.FRENCH));
        assertTrue(withCode(check(head + easy.repeat(10), target), "check.persona.readingTarget").isEmpty());
        assertTrue(withCode(check(head + hard, target), "check.persona.readingTarget").isEmpty(),
                "under 100 words the score says more about the sample than the writing");
    }

    @Test
    void textForAChannelThePersonaDoesNotUseGetsAFinding() {
        String src = "---\nlang: fr\npersona: Claire\ntitle: Pain\nchannels:\n  social:\n    text: Venez !\n"
                + "  email:\n    subject: Du pain\n---\nLe pain.\n";
        List<Finding> found = withCode(check(src, CLAIRE), "check.persona.channel");
        assertEquals(1, found.size());
        assertEquals(Channel.SOCIAL, found.get(0).channel());
        assertEquals(List.of("Claire", "social"), found.get(0).args());
    }
}
