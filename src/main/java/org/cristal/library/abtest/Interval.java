package org.cristal.library.abtest;

/** A range of plausible values, as fractions (0.05 = 5 %) or differences of fractions. */
public record Interval(double low, double high) {
    /** Whether the range holds {@code value}, its ends included. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
