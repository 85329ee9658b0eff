package org.cristal.library;

import java.time.Instant;
import java.util.List;
import org.cristal.library.persona.Persona;
import org.cristal.library.persona.Personas;

/**
 * The two personas of the sample workspace, written for its French sample stories: the bakery's
 * neighbourhood customer and the osteopath's working patient ({@code osteo-samedi.md} is written for Marc,
 * so a newcomer sees a persona's card beside the editor).
 */
final class SamplePersonas {
    private SamplePersonas() {
    }

    static void seed(Personas personas) {
        personas.save(new Persona(0, "Claire", "Habite le quartier, deux enfants, passe à la boulangerie le samedi "
                + "matin. Elle aime savoir d’où vient ce qu’elle achète.",
                List.of("Un bon pain qui se garde toute la semaine", "Ne pas faire la queue le samedi"),
                List.of("Le prix, plus élevé qu’au supermarché", "Le temps : elle passe en coup de vent"),
                "Chaleureux et concret, comme au comptoir", List.of("fournée", "levain", "quartier", "réserver"),
                List.of("premium", "haut de gamme", "gourmet"), List.of("email", "brochure"), List.of(), 60,
                "tag = quartier", Instant.EPOCH, Instant.EPOCH));
        personas.save(new Persona(0, "Marc", "Salarié, la quarantaine, mal au dos après des journées devant l’écran. "
                + "Il ne peut pas venir en semaine et prend rendez-vous en ligne.",
                List.of("Être soulagé sans poser une demi-journée", "Réserver en deux minutes"),
                List.of("Doute que l’ostéopathie soit sérieuse", "Peur d’un créneau introuvable"),
                "Direct, rassurant, sans jargon", List.of("rendez-vous en ligne", "samedi", "soulager"),
                List.of("holistique", "énergie", "bien-être"), List.of("email", "web"), List.of("social"), 50,
                "tag = patients", Instant.EPOCH, Instant.EPOCH));
    }
}
