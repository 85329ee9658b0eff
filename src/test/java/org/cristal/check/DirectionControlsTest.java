package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.junit.jupiter.api.Test;

/** Direction controls that show text in another order than the one written are reported where they are. */
class DirectionControlsTest {
    private static final String CODE = "check.bidi.control";

    @Test
    void overrideInTheTitleAndInTheBodyIsReportedWithItsLine() {
        String source = "---\ntitle: \"Promo \u202Egpj.exe\"\nlang: fr\n---\n\nPremier paragraphe.\n\n"
                + "T\u00e9l\u00e9chargez facture\u202Efdp.exe maintenant.\n";
        List<Finding> found = withCode(Checks.run(story(source), Brand.DEFAULT, null), CODE);
        assertEquals(List.of(0, 8), found.stream().map(Finding::line).toList(), found.toString());
        assertEquals(Severity.WARNING, found.get(0).severity());
        String fr = found.get(1).message(Locale.FRENCH);
        assertTrue(fr.contains("facture\u27E8U+202E\u27E9fdp.exe"), fr);
        assertTrue(found.get(1).message(Locale.ENGLISH).contains("direction control"));
    }

    @Test
    void embeddingLeftOpenInTheEmailSubjectIsReported() {
        String source = "---\ntitle: Soldes\nchannels:\n  email:\n    subject: \"Soldes \u202B\u05D0\u05D1\u05D2\"\n---\n\nTexte.\n";
        assertEquals(1, withCode(Checks.run(story(source), Brand.DEFAULT, null), CODE).size());
    }

    @Test
    void rightToLeftTextWithMarksAndClosedIsolatesIsNotReported() {
        String source = "---\ntitle: \"\u05E9\u05DC\u05D5\u05DD \u200F!\"\nlang: he\n---\n\n"
                + "\u05D4\u05DE\u05D9\u05DC\u05D4 \u2067Caf\u00e9 du Port\u2069 \u05D8\u05D5\u05D1\u05D4. \u202Bok\u202C\n";
        assertEquals(List.of(), withCode(Checks.run(story(source), Brand.DEFAULT, null), CODE));
    }
}
