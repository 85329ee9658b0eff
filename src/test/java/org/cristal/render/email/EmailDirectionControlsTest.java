package org.cristal.render.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.junit.jupiter.api.Test;

/** An inbox row never shows a subject reversed by a direction override typed into the title. */
class EmailDirectionControlsTest {
    @Test
    void subjectAndPreheaderLeaveDirectionControlsOut() throws Exception {
        Story s = new Story("s", "Votre facture \u202Efdp.exe", "R\u00e9sum\u00e9 \u2067ouvert", "Texte.",
                java.util.List.of(), "fr", "", "", "", java.util.Optional.empty(), org.cristal.story.Status.DRAFT,
                java.util.Map.of(), java.util.Map.of(), 1);
        EmailMessage mail = new EmailRenderer().render(StoryDocument.of(s), Brand.DEFAULT,
                RenderOptions.at(Instant.parse("2026-03-14T09:30:00Z"))).body();
        assertEquals("Votre facture fdp.exe", mail.subject());
        assertEquals("Résumé ouvert", mail.preheader());
    }
}
