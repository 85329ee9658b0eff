package org.cristal.library.abtest;

/**
 * What a planned A/B test needs and, when the contacts available are known, what it can detect.
 *
 * @param baseline the rate expected for A (0.20 = 20 %)
 * @param target the rate of B worth detecting
 * @param alpha the significance level (two-sided)
 * @param power the chance of seeing a true difference of that size
 * @param neededPerArm contacts each variant needs
 * @param contacts contacts in the send (both variants), or -1 when not given
 * @param detectable the smallest difference this send can detect, or null when contacts are not given
 */
public record Plan(double baseline, double target, double alpha, double power, long neededPerArm, long contacts,
        Detectable detectable) {
    /** The effect to detect in rate points (0.05 = 5 points), negative for a drop. */
    public double effect() {
        return target - baseline;
    }

    /** Contacts per variant when the send is split in two, or -1 when not given. */
    public long perArm() {
        return contacts < 0 ? -1 : contacts / 2;
    }

    /** False when the send has too few contacts for the effect planned: the test cannot reach its size. */
    public boolean reachable() {
        return contacts < 0 || perArm() >= neededPerArm;
    }
}
