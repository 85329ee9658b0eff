package org.cristal.library.cohort;

import java.time.LocalDate;
import java.util.List;

/**
 * The contacts who joined (or first consented) in the period starting {@code start}, and their following
 * periods: only those that have begun (a period still to come has no cell, which is not a zero).
 */
public record Cohort(LocalDate start, int size, List<CohortCell> cells) {
    public Cohort {
        cells = List.copyOf(cells);
    }

    /** Share of the cohort still consenting in {@code cell}, 0 to 1 (always show it with its count). */
    public double consentingShare(CohortCell cell) {
        return size == 0 ? 0 : (double) cell.consenting() / size;
    }
}
