package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.Optional;
import org.cristal.render.Renderers;
import org.cristal.story.EmailMessage;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class EmailHeadersTest {
    @Test
    void inboxLineComesFromTheAssembledMessage() {
        EmailMessage message = Renderers.EMAIL.render(Corpus.document("boulangerie-levain"),
                Corpus.loadBrand("boulangerie-martin"), PreviewFixtures.options()).body();
        EmailHeaders headers = EmailHeaders.of(message.eml());
        assertEquals("Boulangerie Martin", headers.senderName());
        assertEquals("bonjour@boulangerie-martin.example", headers.senderAddress());
        assertEquals(PreviewFixtures.NOW, headers.date().map(ZonedDateTime::toInstant).orElseThrow());
    }

    @Test
    void aMessageWithoutHeadersGivesAnEmptyInboxLine() {
        assertEquals(EmailHeaders.NONE, EmailHeaders.of(new byte[0]));
        assertEquals(Optional.empty(), EmailHeaders.of("Date: yesterday\r\n\r\nbody".getBytes()).date());
    }
}
