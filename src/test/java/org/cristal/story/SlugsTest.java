package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Web addresses made from titles, checked, and kept apart. */
class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Réparer plutôt que jeter | reparer-plutot-que-jeter",
        "L’œuf ou la poule ? | l-oeuf-ou-la-poule",
        "C'est l'été à l'atelier ! | c-est-l-ete-a-l-atelier",
        "Straße & Søren: Łódź | strasse-soren-lodz",
        "Café 🥐 croissants 🎉 | cafe-croissants",
        "  --Noël -- 2025--  | noel-2025",
        "🥖🥐 | story",
    })
    void aTitleBecomesAnAddressInLowerCaseAsciiWithHyphens(String title, String address) {
        assertEquals(address, Slugs.fromTitle(title));
        assertTrue(Slugs.isValid(address));
    }

    @Test
    void aLongTitleIsCutAfterTheLastWholeWord() {
        String title = "Quarante ans de levain, et toujours la même main qui pétrit la pâte chaque matin";
        String address = Slugs.fromTitle(title);
        assertEquals("quarante-ans-de-levain-et-toujours-la-meme-main-qui-petrit", address);
        assertTrue(address.length() <= Slugs.MAX, address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pain-au-levain", "pain_au_levain", "pain--levain", "-pain", "pain-", "pain au levain",
        "épi", "pain/levain", "../etc"})
    void onlyLowerCaseLettersDigitsAndSingleHyphensAreAnAddress(String written) {
        assertFalse(Slugs.isValid(written), written);
    }

    @Test
    void anAddressTakenByAnotherStoryGetsANumber() {
        assertEquals("pain", Slugs.unique("pain", Set.of("levain")::contains));
        assertEquals("pain-2", Slugs.unique("pain", Set.of("pain")::contains));
        assertEquals("pain-3", Slugs.unique("pain", Set.of("pain", "pain-2")::contains));
    }

    @Test
    void aNumberedAddressStaysWithinTheLengthAllowed() {
        String longest = "a".repeat(Slugs.MAX_WRITTEN);
        String numbered = Slugs.unique(longest, Set.of(longest)::contains);
        assertTrue(numbered.endsWith("-2") && numbered.length() <= Slugs.MAX_WRITTEN, numbered);
        assertTrue(Slugs.isValid(numbered));
    }

    @Test
    void idsAreMadeAsBeforeSoAnImportedFileKeepsItsId() {
        // Story ids (and so the addresses of stories that have no slug: line) must not move.
        assertEquals("quarante-ans-de-levain-et-toujours-la-meme-main-qui-petrit-l",
                Slugs.slug("Quarante ans de levain, et toujours la même main qui pétrit la pâte chaque matin"));
        assertEquals("s-ren", Slugs.slug("Søren"));
    }
}
