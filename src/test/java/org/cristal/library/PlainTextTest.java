package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void markupIsDroppedAndWordsKept() {
        String md = """
                ## Pourquoi le levain change tout

                Un pain au **levain** fermente _lentement_ — entre 16 et 20 heures.

                - une croûte plus épaisse ;
                - [x] une mie alvéolée
                1. premier

                > « Le levain, c'est une bête vivante. »
                >> cité deux fois

                ![Une miche](../images/hero.jpg) Voir [la carte](https://example.com "Carte") ou <https://a.example>.
                ```
                code_block = 1
                ```
                ***
                | a | b |
                Fin~~barré~~ <b>gras</b> __souligné__ snake_case.
                """;
        assertEquals("Pourquoi le levain change tout Un pain au levain fermente _lentement_ — entre 16 et 20 heures. "
                + "une croûte plus épaisse ; une mie alvéolée premier « Le levain, c'est une bête vivante. » "
                + "cité deux fois Une miche Voir la carte ou https://a.example. code_block = 1 a b "
                + "Finbarré gras souligné snake_case.", PlainText.fromMarkdown(md));
    }
}
