package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.junit.jupiter.api.Test;

class FindingFieldsTest {
    @Test
    void aCoherenceFindingOpensTheTextOfItsChannel() {
        assertEquals("social.text", FindingFields.field(
                Finding.of(Severity.WARNING, Channel.SOCIAL, "check.coherence.price", 0, "5,80 $", "$5.80")));
        assertEquals("email.subject", FindingFields.field(
                Finding.of(Severity.WARNING, Channel.EMAIL, "check.coherence.date", 0, "6 décembre")));
    }

    @Test
    void contentFindingsAboutTheHeroAndTheCallToActionOpenThoseFields() {
        assertEquals("imageAlt", FindingFields.field(Finding.of(Severity.WARNING, null, "check.alt.fileName", 0, "a.jpg")));
        assertEquals("cta.label", FindingFields.field(Finding.of(Severity.WARNING, null, "check.cta.vague", 0, "Ici")));
    }
}
