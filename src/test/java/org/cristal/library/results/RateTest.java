package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conversion rate's range against published values: Newcombe, "Two-sided confidence intervals for the
 * single proportion: comparison of seven methods", Statistics in Medicine 17 (1998), Table I, method 3 (Wilson
 * score interval without continuity correction), to the 4 decimals printed there.
 */
class RateTest {
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611",
        "1, 29, 0.0061, 0.1718"})
    void theRangeIsTheWilsonScoreIntervalOfTheTextbook(long k, long n, double low, double high) {
        Rate r = Rate.of(k, n);
        assertEquals(low, r.low(), 5e-5);
        assertEquals(high, r.high(), 5e-5);
    }

    @ParameterizedTest
    @CsvSource({"4, 12, true", "1, 29, true", "3, 30, false"})
    void aRateOnFewerThanThirtyVisitorsIsTooFewToTell(long k, long n, boolean tooFew) {
        assertEquals(tooFew, Rate.of(k, n).tooFew());
    }

    @org.junit.jupiter.api.Test
    void noVisitorsMeansAnythingFromNothingToEverything() {
        Rate r = Rate.of(0, 0);
        assertEquals(0, r.low());
        assertEquals(1, r.high());
        assertTrue(r.tooFew());
        assertFalse(Rate.of(5, 3).value() > 1, "two tools' counts never make a rate above 100 %");
    }
}
