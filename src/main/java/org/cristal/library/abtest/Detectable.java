package org.cristal.library.abtest;

/**
 * The smallest rise over the baseline a send of {@code perArm} contacts per variant can detect at the
 * planned significance and power.
 *
 * @param perArm contacts per variant
 * @param baseline the rate expected for A
 * @param points the smallest detectable rise in rate points (0.085 = 8.5 points); NaN when none is
 *        possible, not even from the baseline to 100 %
 */
public record Detectable(long perArm, double baseline, double points) {
    /** Whether any rise can be detected with so few contacts. */
    public boolean possible() {
        return !Double.isNaN(points);
    }

    /** The rate B would need to reach. */
    public double target() {
        return baseline + points;
    }

    /** The same rise relative to the baseline (0.42 = 42 % more). */
    public double relative() {
        return points / baseline;
    }
}
