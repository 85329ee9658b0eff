package org.cristal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyllablesTest {
    /**
     * French words and their spoken syllables in prose (final mute e not counted), as a French school
     * book splits them: "fe-nêtre", "cré-er", "po-ème", "oi-seau", "na-tion".
     */
    private static final Map<String, Integer> FRENCH = new LinkedHashMap<>();

    static {
        String list = """
                chat 1, maison 2, oiseau 2, bateau 2, eau 1, château 2, nation 2, question 2, émotion 3,
                table 1, pomme 1, pommes 1, le 1, de 1, je 1, école 2, fenêtre 2, voiture 2, pain 1, levain 2,
                farine 2, fournil 2, croûte 1, mie 1, vie 1, journée 2, année 2, idée 2, réussir 3, créer 2,
                théâtre 2, naïf 2, maïs 2, Noël 2, aéroport 4, poème 2, poète 2, poésie 3, quel 1, guerre 1,
                guide 1, guitare 2, aujourd’hui 3, l’eau 1, qu’il 1, crayon 2, voyage 2, payer 2, yeux 1,
                beaucoup 2, oui 1, nuit 1, huit 1, fruit 1, pluie 1, roi 1, trois 1, froid 1, loin 1, oignon 2,
                feuille 1, œil 1, cœur 1, sœur 1, heureux 2, ensemble 2, maintenant 3, mercredi 3, décembre 2,
                réparation 4, vélo 2, atelier 3, solidaire 3, outil 2, patience 2, chaque 1, matin 2, heure 1,
                bouchée 2, épaisse 2, acidulée 4, semaine 2, lenteur 2, café 2, soleil 2, travail 2, famille 2,
                ville 1, gâteau 2, nouveau 2, information 4, collection 3, musique 2, quatre 1, premier 2,
                cuisine 2, écouter 3, Europe 2, ouvrir 2, aimer 2, pied 1, ciel 1, bien 1, chien 1
                """;
        for (String entry : list.split(",")) {
            String[] wc = entry.strip().split(" ");
            FRENCH.put(wc[0], Integer.parseInt(wc[1]));
        }
    }

    @Test
    void frenchCounterAgreesWithTheWordList() {
        assertTrue(FRENCH.size() >= 60, "the list has " + FRENCH.size() + " words");
        List<String> wrong = new ArrayList<>();
        FRENCH.forEach((word, expected) -> {
            int got = Syllables.french(word);
            if (got != expected) {
                wrong.add(word + ": " + got + " instead of " + expected);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void frenchDiphthongsCountOnce() {
        assertEquals(1, Syllables.french("oi"));
        assertEquals(1, Syllables.french("ou"));
        assertEquals(1, Syllables.french("beau"));
        assertEquals(2, Syllables.french("passion"));
    }

    @Test
    void englishCounterHandlesSilentEndings() {
        Map<String, Integer> english = Map.ofEntries(Map.entry("coffee", 2), Map.entry("roasted", 2),
                Map.entry("picked", 1), Map.entry("make", 1), Map.entry("table", 2), Map.entry("harvest", 2),
                Map.entry("relationship", 4), Map.entry("every", 3), Map.entry("the", 1), Map.entry("boxes", 2),
                Map.entry("homes", 1), Map.entry("agronomy", 4), Map.entry("sweeter", 2), Map.entry("free", 1));
        List<String> wrong = new ArrayList<>();
        english.forEach((word, expected) -> {
            if (Syllables.english(word) != expected) {
                wrong.add(word + ": " + Syllables.english(word) + " instead of " + expected);
            }
        });
        assertEquals(List.of(), wrong);
    }
}
