package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** French typography's unbreakable spaces, shown here as _ (U+00A0) and ^ (U+202F, narrow). */
class FrenchSpacingTest {
    private static final FrenchSpacing FRANCE = FrenchSpacing.of(story("fr")).orElseThrow();
    private static final FrenchSpacing CANADA = FrenchSpacing.of(story("fr-CA")).orElseThrow();

    static Story story(String lang) {
        return new Story("s", "t", "", "", List.of(), lang, "", "", "", Optional.empty(), Status.DRAFT, Map.of(),
                Map.of(), 1);
    }

    private static String marked(String text) {
        return text.replace('\u00A0', '_').replace('\u202F', '^');
    }

    private static String unmarked(String text) {
        return text.replace('_', '\u00A0').replace('^', '\u202F');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Vraiment?|Vraiment^?",
            "Vraiment ?|Vraiment^?",
            "Vraiment_?|Vraiment_?",
            "Attention ; fragile !|Attention^; fragile^!",
            "Quoi?!|Quoi^?!",
            "Note: voici|Note_: voici",
            "Horaires :|Horaires_:",
            "Ouvert à 10:30, fermé à 19:00.|Ouvert à 10:30, fermé à 19:00.",
            "Il a dit «Bonjour» puis « au revoir ».|Il a dit «_Bonjour_» puis «_au revoir_».",
            "« Super ! »|«_Super^!_»",
            "Voir https://exemple.fr/page?id=3;x=1 !|Voir https://exemple.fr/page?id=3;x=1^!",
            "Écrivez à contact@exemple.fr: merci|Écrivez à contact@exemple.fr_: merci",
            "Clin d’œil ;-) et :)|Clin d’œil ;-) et :)",
    })
    void franceGetsItsSpacesOnceAndOnlyWhereTheyBelong(String typed, String printed) {
        assertEquals(printed, marked(FRANCE.text(unmarked(typed))));
        assertEquals(printed, marked(FRANCE.text(unmarked(printed))), "a second pass changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Vraiment?|Vraiment?",
            "Vraiment ?|Vraiment^?",
            "Note: voici|Note_: voici",
            "«Bonjour»|«_Bonjour_»",
    })
    void canadianFrenchSpacesOnlyTheColonAndGuillemets(String typed, String printed) {
        assertEquals(printed, marked(CANADA.text(unmarked(typed))));
    }

    @Test
    void storiesInOtherLanguagesHaveNoRules() {
        assertTrue(FrenchSpacing.of(story("en")).isEmpty());
        assertTrue(FrenchSpacing.of(story("")).isEmpty());
        assertTrue(FrenchSpacing.of(story("fr-BE")).isPresent());
    }

    @Test
    void htmlTextIsSpacedAcrossElementsButCodeAndAttributesAreNot() {
        Element body = Jsoup.parseBodyFragment("<p>Le <strong>prix</strong>: 4 €. «<em>Oui</em>»! "
                + "<code>a ? b: c</code> <a href=\"https://x.example/?a=b;c\" title=\"Titre: ici\">lien</a>?</p>"
                + "<pre>x : y ?</pre><p>Fin?</p>").body();
        FRANCE.html(body);
        assertEquals("<p>Le <strong>prix</strong>_: 4 €. «<em>_Oui</em>_»^! <code>a ? b: c</code> "
                + "<a href=\"https://x.example/?a=b;c\" title=\"Titre: ici\">lien</a>^?</p><pre>x : y ?</pre><p>Fin^?</p>",
                marked(body.html().replace("\n", "")).replace("&nbsp;", "_"));
    }
}
