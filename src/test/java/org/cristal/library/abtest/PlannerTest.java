package org.cristal.library.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The planner against R's {@code power.prop.test}, which solves exactly this formula (pooled variance under
 * the null, unpooled under the alternative: its {@code strict = FALSE} default). The reference values were
 * computed with R 4.2.2 (Debian's r-base-core) by
 * <pre>Rscript -e 'f&lt;-function(...) cat(format(power.prop.test(..., tol=1e-12)$n, digits=10));
 *   f(p1=.20,p2=.25,power=.8)'</pre>
 * and likewise for each row; R's own documentation
 * (https://stat.ethz.ch/R-manual/R-devel/library/stats/html/power.prop.test.html, Examples) prints
 * {@code power.prop.test(p1 = .50, p2 = .75, power = .90)  # =>  n = 76.7}.
 */
class PlannerTest {
    @ParameterizedTest(name = "{0} → {1} at α {2}, power {3}: {4} per variant")
    @CsvSource({
        // p1,  p2,  alpha, power, R's n (before rounding up)
        "0.20, 0.25, 0.05, 0.80, 1093.739046",
        "0.50, 0.75, 0.05, 0.90, 76.70693011",
        "0.02, 0.03, 0.05, 0.80, 3825.149722",
        "0.10, 0.08, 0.01, 0.90, 6090.636825",
        "0.30, 0.36, 0.10, 0.80, 758.3770725"})
    void contactsNeededPerVariantMatchRsPowerPropTestRoundedUp(double p1, double p2, double alpha, double power,
            double r) {
        assertEquals(r, Planner.exactPerArm(p1, p2, alpha, power), 1e-4);
        assertEquals((long) Math.ceil(r), Planner.contactsPerArm(p1, p2, alpha, power));
    }

    @ParameterizedTest(name = "{0} contacts per variant at {1}: detects up to {4}")
    @CsvSource({
        // n per arm, p1, alpha, power, R's p2 (power.prop.test(n=, p1=, power=, tol=1e-12)$p2)
        "400,  0.20, 0.05, 0.80, 0.284766606",
        "50,   0.10, 0.05, 0.80, 0.3268871743",
        "5000, 0.03, 0.01, 0.90, 0.04461716305"})
    void smallestDetectableRiseMatchesRsPowerPropTestSolvedForP2(long n, double p1, double alpha, double power,
            double p2) {
        Detectable d = Planner.detectable(p1, n, alpha, power);
        assertTrue(d.possible());
        assertEquals(p2, d.target(), 1e-6);
        assertEquals(p2 - p1, d.points(), 1e-6);
        assertEquals((p2 - p1) / p1, d.relative(), 1e-5);
    }

    @Test
    void fourHundredContactsPerVariantOnlyDetectAnEightAndAHalfPointRiseAndCannotReachAFivePointTest() {
        Plan plan = Planner.plan(0.20, 0.05, false, 0.05, 0.80, 800);
        assertEquals(1094, plan.neededPerArm());
        assertEquals(400, plan.perArm());
        assertFalse(plan.reachable());
        assertEquals(0.0848, plan.detectable().points(), 1e-4);
    }

    @Test
    void aRelativeEffectIsAShareOfTheBaseline() {
        Plan plan = Planner.plan(0.20, 0.25, true, 0.05, 0.80, -1);
        assertEquals(0.25, plan.target(), 1e-12);
        assertEquals(1094, plan.neededPerArm());
        assertTrue(plan.reachable());
        assertEquals(null, plan.detectable());
    }

    @Test
    void aSendLargeEnoughReachesItsSize() {
        assertTrue(Planner.plan(0.20, 0.05, false, 0.05, 0.80, 2188).reachable());
        assertFalse(Planner.plan(0.20, 0.05, false, 0.05, 0.80, 2187).reachable());
    }

    @Test
    void aHandfulOfContactsCanDetectNothing() {
        Detectable d = Planner.detectable(0.20, 3, 0.05, 0.80);
        assertFalse(d.possible());
        assertFalse(Planner.detectable(0.20, 0, 0.05, 0.80).possible());
    }

    @Test
    void impossibleFiguresAreRefusedWithASentenceInTheUsersLanguage() {
        AbInputException rate = assertThrows(AbInputException.class,
                () -> Planner.plan(1.4, 0.05, false, 0.05, 0.8, -1));
        assertEquals("The baseline rate must be above 0% and below 100%; 140% is not.",
                rate.localizedMessage(Locale.ENGLISH));
        assertEquals("Le taux de départ doit être au-dessus de 0\u00a0% et au-dessous de 100\u00a0%\u00a0; 140\u00a0% ne l’est pas.",
                rate.localizedMessage(Locale.FRENCH));
        assertEquals("abtest.error.badRate", assertThrows(AbInputException.class,
                () -> Planner.plan(0, 0.05, false, 0.05, 0.8, -1)).key());
        assertEquals("abtest.error.badTarget", assertThrows(AbInputException.class,
                () -> Planner.plan(0.98, 0.05, false, 0.05, 0.8, -1)).key());
        assertEquals("abtest.error.badTarget", assertThrows(AbInputException.class,
                () -> Planner.plan(0.20, -1.0, true, 0.05, 0.8, -1)).key());
        assertEquals("abtest.error.zeroEffect", assertThrows(AbInputException.class,
                () -> Planner.plan(0.20, 0, false, 0.05, 0.8, -1)).key());
        assertEquals("abtest.error.badAlpha", assertThrows(AbInputException.class,
                () -> Planner.plan(0.20, 0.05, false, 1.0, 0.8, -1)).key());
        assertEquals("abtest.error.badPower", assertThrows(AbInputException.class,
                () -> Planner.plan(0.20, 0.05, false, 0.05, 1.0, -1)).key());
        assertEquals("abtest.error.negativeContacts", assertThrows(AbInputException.class,
                () -> Planner.plan(0.20, 0.05, false, 0.05, 0.8, -3)).key());
        assertEquals("A change of 0.00000001 points is too small to test: it would need more than 1,000,000,000"
                + " contacts per variant.", assertThrows(AbInputException.class,
                        () -> Planner.plan(0.20, 1e-10, false, 0.05, 0.8, -1)).localizedMessage(Locale.ENGLISH));
    }
}
