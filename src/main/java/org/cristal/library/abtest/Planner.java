package org.cristal.library.abtest;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Sample sizes for an A/B test judged by the two-sided two-proportion z-test (ADR 0025): the classic
 * formula with the pooled variance under the null hypothesis and the unpooled one under the alternative,
 * <pre>n = (z(1-α/2)·√(2·p̄(1-p̄)) + z(1-β)·√(p1(1-p1) + p2(1-p2)))² / (p2-p1)²,  p̄ = (p1+p2)/2</pre>
 * rounded up, and its inverse: the smallest rise a given number of contacts can detect. Pure: no
 * workspace, no clock.
 */
public final class Planner {
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_POWER = 0.80;
    /** The largest test planned: a billion contacts per variant. */
    static final long MOST_CONTACTS = 1_000_000_000L;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Planner() {
    }

    /**
     * Plans a test.
     *
     * @param baseline the rate expected for A, in (0, 1)
     * @param effect the change worth detecting: in rate points (0.05), or relative to the baseline (0.25 =
     *        25 % more) when {@code relative}; negative for a drop
     * @param contacts contacts in the whole send, split evenly between the two variants; -1 when unknown
     * @throws AbInputException when a figure is out of its range
     */
    public static Plan plan(double baseline, double effect, boolean relative, double alpha, double power,
            long contacts) {
        checkRate(baseline);
        checkLevels(alpha, power);
        if (!(effect != 0) || !Double.isFinite(effect)) {
            throw new AbInputException("abtest.error.zeroEffect");
        }
        double target = relative ? baseline * (1 + effect) : baseline + effect;
        if (!(target > 0 && target < 1)) {
            throw new AbInputException("abtest.error.badTarget", baseline * 100, target * 100);
        }
        if (contacts < -1) {
            throw new AbInputException("abtest.error.negativeContacts", contacts);
        }
        double needed = exactPerArm(baseline, target, alpha, power);
        if (needed > MOST_CONTACTS) {
            // Past this the counts would overflow what can be printed, and no business has such a list.
            throw new AbInputException("abtest.error.effectTooSmall", (target - baseline) * 100, MOST_CONTACTS);
        }
        Detectable detectable = contacts < 0 ? null : detectable(baseline, contacts / 2, alpha, power);
        return new Plan(baseline, target, alpha, power, contactsPerArm(baseline, target, alpha, power), contacts,
                detectable);
    }

    /** Contacts each variant needs to detect a change from {@code p1} to {@code p2}, rounded up. */
    public static long contactsPerArm(double p1, double p2, double alpha, double power) {
        // A hair below the next whole number is a rounding artefact of the quantiles, not a real need.
        return (long) Math.ceil(exactPerArm(p1, p2, alpha, power) - 1e-9);
    }

    /** The formula before rounding. */
    static double exactPerArm(double p1, double p2, double alpha, double power) {
        double zAlpha = STANDARD.inverseSurvivalProbability(alpha / 2);
        double zBeta = STANDARD.inverseCumulativeProbability(power);
        double mean = (p1 + p2) / 2;
        double root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / ((p2 - p1) * (p2 - p1));
    }

    /**
     * The smallest rise over {@code baseline} that {@code perArm} contacts per variant can detect: the
     * formula solved for p2 by bisection (it falls steadily as p2 moves away from p1), to 1e-10.
     */
    public static Detectable detectable(double baseline, long perArm, double alpha, double power) {
        checkRate(baseline);
        checkLevels(alpha, power);
        if (perArm < 0) {
            throw new AbInputException("abtest.error.negativeContacts", perArm);
        }
        double low = 0;
        double high = 1 - baseline;
        if (perArm == 0 || exactPerArm(baseline, 1, alpha, power) > perArm) {
            return new Detectable(perArm, baseline, Double.NaN);
        }
        while (high - low > 1e-10) {
            double mid = (low + high) / 2;
            if (mid == 0 || exactPerArm(baseline, baseline + mid, alpha, power) > perArm) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new Detectable(perArm, baseline, high);
    }

    static void checkRate(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new AbInputException("abtest.error.badRate", rate * 100);
        }
    }

    /**
     * A significance level above 50 % or a power below 50 % would make the formula's two terms pull against
     * each other and the answer meaningless; nobody plans a test there.
     */
    static void checkLevels(double alpha, double power) {
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new AbInputException("abtest.error.badAlpha", alpha * 100);
        }
        if (!(power >= 0.5 && power < 1)) {
            throw new AbInputException("abtest.error.badPower", power * 100);
        }
    }
}
