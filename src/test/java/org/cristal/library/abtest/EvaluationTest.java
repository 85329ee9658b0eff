package org.cristal.library.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluation against other statistics packages, to 1e-4 (most agree to 1e-8).
 * <ul>
 * <li>p-value, Wald interval and Wilson intervals: R 4.2.2's {@code prop.test(correct = FALSE)}, whose
 * X-squared is the pooled z², run as
 * <pre>t &lt;- prop.test(c(b, a), c(nB, nA), correct=FALSE); t$p.value; t$conf.int
 * prop.test(a, nA, correct=FALSE)$conf.int; prop.test(b, nB, correct=FALSE)$conf.int</pre></li>
 * <li>Newcombe's hybrid score interval: statsmodels 0.13.5
 * {@code confint_proportions_2indep(b, nB, a, nA, method='newcomb', compare='diff')}; the rows 48/80 vs
 * 56/70, 3/10 vs 9/10 and 0/29 vs 5/56 are also Newcombe's own worked examples (Statistics in Medicine
 * 17:873–890, 1998, Table II, method 10: 0.0524 to 0.3339, 0.1705 to 0.8090, −0.0381 to 0.1926).</li>
 * <li>P(B beats A): Evan Miller's closed form for Beta posteriors
 * (https://www.evanmiller.org/bayesian-ab-testing.html), summed with scipy 1.10's {@code betaln}:
 * <pre>sum(exp(betaln(aA+i, bA+bB) - log(bB+i) - betaln(1+i, bB) - betaln(aA, bA)) for i in range(aB))</pre>
 * and checked by a 2,000,000-draw Monte Carlo (agreeing to 3e-4).</li>
 * </ul>
 */
class EvaluationTest {
    @ParameterizedTest(name = "A {0}/{1}, B {2}/{3}")
    @CsvSource({
        // a, nA, b, nB, p-value, Wald low, Wald high, Newcombe low, Newcombe high, Wilson A low, high, Wilson B low, high, P(B>A)
        "30, 400, 52, 400, 0.0103331924, 0.0131380185, 0.0968619815, 0.0129135207, 0.0976047354, 0.0530377439, 0.1050477063, 0.1005312523, 0.1665078455, 0.994796534363",
        "48, 80, 56, 70, 0.0080450814, 0.0575048991, 0.3424951009, 0.0524314724, 0.3338726540, 0.4904546501, 0.7003817240, 0.6918335550, 0.8769526075, 0.995929538977",
        "3, 10, 9, 10, 0.0061698993, 0.2605242798, 0.9394757202, 0.1705227239, 0.8090179735, 0.1077912674, 0.6032218525, 0.5958499732, 0.9821237869, 0.996240601504",
        "0, 29, 5, 56, 0.0971865682, 0.0146002404, 0.1639711881, -0.0381371479, 0.1925600139, 0.0000000000, 0.1169697985, 0.0387421484, 0.1925600139, 0.928139425513",
        "1200, 10000, 1290, 10000, 0.0539060906, -0.0001503034, 0.0181503034, -0.0001523754, 0.0181538069, 0.1137763417, 0.1265154971, 0.1225723821, 0.1357125447, 0.973033814441",
        "12, 100, 7, 100, 0.2279014315, -0.1309775908, 0.0309775908, -0.1358836706, 0.0340011221, 0.0699940644, 0.1981209943, 0.0343192611, 0.1374951474, 0.119173103277"})
    void figuresMatchRStatsmodelsAndEvanMillersClosedForm(long a, long nA, long b, long nB, double p, double waldLow,
            double waldHigh, double low, double high, double aLow, double aHigh, double bLow, double bHigh,
            double bBeatsA) {
        Evaluation e = Evaluation.of(new Arm(a, nA), new Arm(b, nB), 0.05, 0);
        assertEquals((double) b / nB - (double) a / nA, e.difference(), 1e-12);
        assertEquals(p, e.pValue(), 1e-8);
        assertEquals(waldLow, e.wald().low(), 1e-8);
        assertEquals(waldHigh, e.wald().high(), 1e-8);
        assertEquals(low, e.range().low(), 1e-8);
        assertEquals(high, e.range().high(), 1e-8);
        assertEquals(aLow, e.rateA().low(), 1e-8);
        assertEquals(aHigh, e.rateA().high(), 1e-8);
        assertEquals(bLow, e.rateB().low(), 1e-8);
        assertEquals(bHigh, e.rateB().high(), 1e-8);
        assertEquals(bBeatsA, e.bBeatsA(), 1e-7);
    }

    @Test
    void twoVariantsWithNoConversionAtAllAreEvenAndShowNoDifference() {
        // Closed form: 0.34375 = P(B>A) for Beta(1,11) vs Beta(1,21), scipy as above.
        Evaluation e = Evaluation.of(new Arm(0, 10), new Arm(0, 20), 0.05, 0);
        assertEquals(1.0, e.pValue());
        assertEquals(0.34375, e.bBeatsA(), 1e-7);
        assertEquals(-0.2775327999, e.range().low(), 1e-8);
        assertEquals(0.1611251581, e.range().high(), 1e-8);
    }

    @Test
    void aVeryUnevenSplitStillGivesTheExactProbability() {
        // scipy closed form for A 30/10000, B 2/40: the narrow posterior is A's, integrated the other way round.
        Evaluation e = Evaluation.of(new Arm(30, 10_000), new Arm(2, 40), 0.05, 0);
        assertEquals(0.9996834287, e.bBeatsA(), 1e-7);
    }

    @Test
    void noWinnerIsNamedBeforeThePlannedSizeIsReachedHoweverSignificant() {
        Evaluation early = Evaluation.of(new Arm(30, 400), new Arm(52, 400), 0.05, 1094);
        assertEquals(Verdict.TOO_EARLY, early.verdict());
        Evaluation done = Evaluation.of(new Arm(82, 1094), new Arm(142, 1094), 0.05, 1094);
        assertEquals(Verdict.B_BETTER, done.verdict());
    }

    @Test
    void aRangeThatSpansZeroIsNoDetectableDifferenceNotAWinner() {
        // p = 0.054 and the range runs from −0.02 to +1.8 points: B is ahead but nothing is shown.
        Evaluation e = Evaluation.of(new Arm(1200, 10_000), new Arm(1290, 10_000), 0.05, 0);
        assertEquals(Verdict.NO_DETECTABLE_DIFFERENCE, e.verdict());
    }

    @Test
    void aSignificantDropOfBNamesA() {
        assertEquals(Verdict.A_BETTER, Evaluation.of(new Arm(52, 400), new Arm(30, 400), 0.05, 0).verdict());
    }

    @Test
    void aFewClicksAreTooFewToJudgeEvenWhenSignificant() {
        // Significant at 5 % (p = 0.006), but under the pooled rate (60 %) only 4 contacts per variant are expected
        // not to click: below the 5 per cell the z-test's normal approximation needs.
        Evaluation e = Evaluation.of(new Arm(3, 10), new Arm(9, 10), 0.05, 0);
        assertEquals(Verdict.TOO_FEW, e.verdict());
        assertEquals(Verdict.TOO_FEW, Evaluation.of(new Arm(0, 1000), new Arm(9, 1000), 0.05, 0).verdict());
    }

    @Test
    void countsThatCannotBeAreRefused() {
        AbInputException more = assertThrows(AbInputException.class, () -> new Arm(12, 10));
        assertEquals("There cannot be more conversions than contacts: 12 out of 10.",
                more.localizedMessage(Locale.ENGLISH));
        assertEquals("abtest.error.noContacts", assertThrows(AbInputException.class, () -> new Arm(12, 0)).key());
        assertEquals("abtest.error.negativeCount", assertThrows(AbInputException.class, () -> new Arm(-3, 100)).key());
        assertEquals("abtest.error.badAlpha", assertThrows(AbInputException.class,
                () -> Evaluation.of(new Arm(1, 10), new Arm(2, 10), 0, 0)).key());
    }
}
