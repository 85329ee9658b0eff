package org.cristal.ui.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.abtest.Verdict;
import org.junit.jupiter.api.Test;

/** The planner and the evaluation forms, without the toolkit: the answer follows every keystroke. */
class PlannerModelTest {
    private static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle("org.cristal.ui.messages", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void theDefaultsAnswerAtOnceWithTheContactsEachVariantNeeds() {
        PlannerModel m = new PlannerModel(bundle(Locale.ENGLISH), Locale.ENGLISH);
        assertEquals("To tell a rate of 20% from 25%, send each variant to 1,094 contacts (2,188 in all).",
                m.neededProperty().get());
        assertEquals("", m.warningProperty().get());
        assertEquals("", m.reachProperty().get());
        assertEquals(1094, m.neededPerArm());
    }

    @Test
    void typingTheContactsOfASmallSendShowsWhatItCanDetectAndTheCannotReachWarning() {
        PlannerModel m = new PlannerModel(bundle(Locale.ENGLISH), Locale.ENGLISH);
        m.contactsProperty().set("8");
        m.contactsProperty().set("80");
        m.contactsProperty().set("800");
        assertTrue(m.reachProperty().get().startsWith("With 400 contacts per variant you can only detect a difference"
                + " of 8.5 points"), m.reachProperty().get());
        assertTrue(m.warningProperty().get().startsWith("This test cannot reach its size"), m.warningProperty().get());
        assertFalse(m.reachableProperty().get());
        m.contactsProperty().set("3000");
        assertEquals("", m.warningProperty().get());
        assertTrue(m.reachableProperty().get());
    }

    @Test
    void aRelativeEffectInFrenchWithADecimalComma() {
        PlannerModel m = new PlannerModel(bundle(Locale.FRENCH), Locale.FRENCH);
        m.baselineProperty().set("2,5");
        m.relativeProperty().set(true);
        m.effectProperty().set("20");
        // 2.5 % → 3 %: R's power.prop.test(p1=.025, p2=.03, power=.8)$n = 16 791.5
        assertTrue(m.neededProperty().get().contains("16\u202f792 contacts")
                || m.neededProperty().get().contains("16\u00a0792 contacts"), m.neededProperty().get());
        assertTrue(m.neededProperty().get().startsWith("Pour distinguer un taux de 2,5\u00a0% d’un taux de 3\u00a0%"),
                m.neededProperty().get());
    }

    @Test
    void aFigureThatIsNotANumberOrNotARateSaysWhichAndClearsTheAnswer() {
        PlannerModel m = new PlannerModel(bundle(Locale.ENGLISH), Locale.ENGLISH);
        m.baselineProperty().set("abc");
        assertEquals("Write the rate you expect as a percentage, such as 20.", m.problemProperty().get());
        assertEquals("", m.neededProperty().get());
        m.baselineProperty().set("140");
        assertEquals("The baseline rate must be above 0% and below 100%; 140% is not.", m.problemProperty().get());
        m.baselineProperty().set("20");
        m.contactsProperty().set("-5");
        assertEquals("Write the contacts as a whole number, such as 800, or leave the field empty.",
                m.problemProperty().get());
        m.contactsProperty().set("");
        assertEquals("", m.problemProperty().get());
        assertFalse(m.neededProperty().get().isEmpty());
    }

    @Test
    void theEvaluationFollowsTheCountsAndWaitsForThePlannedSize() {
        EvaluateModel m = new EvaluateModel(bundle(Locale.ENGLISH), Locale.ENGLISH);
        assertNull(m.evaluationProperty().get());
        assertEquals("", m.problemProperty().get());
        m.conversionsAProperty().set("30");
        assertEquals("Write each variant’s conversions and contacts as whole numbers, such as 30 out of 400.",
                m.problemProperty().get());
        m.contactsAProperty().set("400");
        m.conversionsBProperty().set("52");
        m.contactsBProperty().set("400");
        assertNotNull(m.evaluationProperty().get());
        assertEquals(Verdict.B_BETTER, m.evaluationProperty().get().verdict());
        m.plannedProperty().set("1094");
        assertEquals(Verdict.TOO_EARLY, m.evaluationProperty().get().verdict());
        m.conversionsBProperty().set("520");
        assertNull(m.evaluationProperty().get());
        assertEquals("There cannot be more conversions than contacts: 520 out of 400.", m.problemProperty().get());
    }
}
