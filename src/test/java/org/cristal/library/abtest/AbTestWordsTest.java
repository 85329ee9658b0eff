package org.cristal.library.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The findings as a small business owner reads them, in English and in French. */
class AbTestWordsTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale FR = Locale.FRENCH;

    @Test
    void aSendTooSmallForItsPlanSaysWhatItCanDetectAndThatItCannotReachItsSize() {
        Plan plan = Planner.plan(0.20, 0.05, false, 0.05, 0.80, 800);
        assertEquals("To tell a rate of 20% from 25%, send each variant to 1,094 contacts (2,188 in all).",
                AbTestWords.needed(plan, EN));
        assertEquals("With 400 contacts per variant you can only detect a difference of 8.5 points or more"
                + " (from 20% to 28.5%, 42% more).", AbTestWords.reach(plan, EN));
        assertTrue(AbTestWords.warning(plan, EN).startsWith("This test cannot reach its size: it needs 1,094 contacts"
                + " per variant (2,188 in all) and the send has 400 per variant."), AbTestWords.warning(plan, EN));
        assertEquals("Avec 400 contacts par variante, vous ne pouvez détecter qu’un écart de 8,5 points ou plus"
                + " (de 20\u00a0% à 28,5\u00a0%, soit 42\u00a0% de plus).", AbTestWords.reach(plan, FR));
    }

    @Test
    void aSendLargeEnoughGivesNoWarning() {
        Plan plan = Planner.plan(0.20, 0.05, false, 0.05, 0.80, 3000);
        assertEquals("", AbTestWords.warning(plan, EN));
        // 4.244 points (R: power.prop.test(n=1500, p1=.2, power=.8)$p2 = 0.24244): shown rounded up, as a rise of 4.2 would not be detected.
        assertEquals("With 1,500 contacts per variant you can detect a difference of 4.3 points or more"
                + " (from 20% to 24.3%, 21% more).", AbTestWords.reach(plan, EN));
    }

    @Test
    void anEvaluationReadsAsRatesWithRangesAndAVerdict() {
        Evaluation e = Evaluation.of(new Arm(30, 400), new Arm(52, 400), 0.05, 0);
        assertEquals("30 of 400: 7.5%, likely between 5.3% and 10.5%", AbTestWords.rate(e.a(), e.rateA(), EN));
        assertEquals("+5.5 points (95% confidence range: +1.3 to +9.8)", AbTestWords.difference(e, EN));
        assertEquals("0.010", AbTestWords.pValue(e, EN));
        assertEquals("99.5%", AbTestWords.bBeatsA(e, EN));
        assertEquals("B did better: 5.5 points more than A, likely between 1.3 and 9.8 points more.",
                AbTestWords.verdict(e, EN));
        assertEquals("B a fait mieux\u00a0: 5,5 points de plus que A, probablement entre 1,3 et 9,8 points de plus.",
                AbTestWords.verdict(e, FR));
        assertTrue(AbTestWords.noPlan(e, EN).startsWith("No planned size was given"));
    }

    @Test
    void noDifferenceSaysSoWithItsSignedRange() {
        Evaluation e = Evaluation.of(new Arm(12, 100), new Arm(7, 100), 0.05, 0);
        assertEquals("No detectable difference: B’s rate may be anywhere from −13.6 to +3.4 points from A’s, so"
                + " neither variant is shown to be better.", AbTestWords.verdict(e, EN));
    }

    @Test
    void anEarlyLookNamesNoWinnerAndSaysWhy() {
        Evaluation e = Evaluation.of(new Arm(30, 400), new Arm(52, 400), 0.05, 1094);
        assertEquals("Too early to call: 400 and 400 contacts so far, 1,094 planned per variant. No winner is named"
                + " before then.", AbTestWords.verdict(e, EN));
        assertEquals("", AbTestWords.noPlan(e, EN));
        assertTrue(AbTestWords.peeking(FR).contains("faux gagnants"));
    }

    @Test
    void extremeProbabilitiesAreNeverShownAsCertainties() {
        Evaluation e = Evaluation.of(new Arm(10, 1000), new Arm(90, 1000), 0.05, 0);
        assertEquals("above 99.9%", AbTestWords.bBeatsA(e, EN));
        assertEquals("inférieure à 0,001", AbTestWords.pValue(e, FR));
    }
}
