package org.cristal.library.results;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A proportion and how far to trust it: {@code successes} out of {@code trials} (conversions out of visitors),
 * with its 95 % Wilson score interval. The Wilson interval stays inside 0–100 % and stays honest on small
 * counts, where the textbook "p ± 1.96·se" gives nonsense (a 0 % rate "known to ±0"). Below {@link #MIN_TRIALS}
 * trials the rate is flagged {@link #tooFew()}: it is shown with its range and never ranked (docs/results.md).
 */
public record Rate(long successes, long trials, double low, double high) {
    /** Fewer visitors than this and a rate is "too few to tell" (ADR 0028). */
    public static final int MIN_TRIALS = 30;
    private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    public static final Rate NONE = new Rate(0, 0, 0, 1);

    /** The rate of {@code successes} in {@code trials}; more successes than trials are capped (two tools' counts). */
    public static Rate of(long successes, long trials) {
        return of(successes, trials, Z);
    }

    /** As {@link #of(long, long)}, with the range for the normal quantile {@code z} (1.96 for 95 %). */
    public static Rate of(long successes, long trials, double z) {
        if (trials <= 0) {
            return new Rate(Math.max(0, successes), 0, 0, 1);
        }
        long k = Math.max(0, Math.min(successes, trials));
        double n = trials;
        double p = k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Rate(k, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The observed rate, 0 when there were no trials. */
    public double value() {
        return trials == 0 ? 0 : (double) Math.min(successes, trials) / trials;
    }

    /** Too few trials for the rate to say anything on its own: show the range, rank nothing. */
    public boolean tooFew() {
        return trials < MIN_TRIALS;
    }
}
