package org.cristal.publish.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LittleTextTest {
    @Test
    void aTaggedLinkStaysClickableWhileTheParenthesisAroundItIsEscaped() {
        String text = "Réservez (https://boulangerie-martin.example/reservation?utm_source=linkedin&utm_medium=social).";

        String little = LittleText.of(text);

        assertEquals("Réservez \\(https://boulangerie-martin.example/reservation?utm_source=linkedin&utm_medium=social\\).",
                little);
        assertEquals(text, FakeLinkedIn.render(little));
        assertEquals(text, LittleText.plain(little));
    }

    @Test
    void aHashInsideAWordOrANumberIsNotAHashtag() {
        String text = "Commande n°#42, C# et #pain";

        String little = LittleText.of(text);

        assertEquals("Commande n°\\#42, C\\# et {hashtag|\\#|pain}", little);
        assertEquals(text, LittleText.plain(little));
    }

    @Test
    void theStorysLinkIsTheLastOneOfThePost() {
        assertEquals(Optional.of("https://b.example/r?utm_source=linkedin"),
                LittleText.lastLink("Voir https://a.example/x puis https://b.example/r?utm_source=linkedin."));
    }
}
