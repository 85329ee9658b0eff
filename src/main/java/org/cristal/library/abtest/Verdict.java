package org.cristal.library.abtest;

/** What may honestly be said of an A/B test's outcome (ADR 0025). */
public enum Verdict {
    /** The planned number of contacts per variant is not reached: no winner is named yet. */
    TOO_EARLY,
    /** Too few conversions for the normal approximation the test relies on (fewer than 5 expected in a cell). */
    TOO_FEW,
    /** The range of the difference spans zero, or the test is not significant: no winner. */
    NO_DETECTABLE_DIFFERENCE,
    /** A converted better, significantly, with the planned size reached. */
    A_BETTER,
    /** B converted better, significantly, with the planned size reached. */
    B_BETTER
}
