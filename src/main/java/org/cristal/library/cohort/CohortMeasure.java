package org.cristal.library.cohort;

import java.util.Locale;
import java.util.Optional;

/** What a cohort table's cells show: who still consents, the messages sent, or the visits from their links. */
public enum CohortMeasure {
    CONSENTING("consenting"), MESSAGES("messages"), VISITS("visits");

    private final String id;

    CohortMeasure(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * How strong the cell is, 0 to 1, for its shade: the share still consenting; for messages and visits,
     * the count per member against {@code top}, the table's highest ({@link #top}), so that a large cohort
     * does not darken for its size alone.
     */
    public double level(Cohort cohort, CohortCell cell, double top) {
        if (this == CONSENTING) {
            return cohort.consentingShare(cell);
        }
        return top == 0 ? 0 : perMember(cohort, cell) / top;
    }

    /** The highest count per member of the table, for {@link #level}. */
    public double top(CohortTable table) {
        double max = 0;
        for (Cohort c : table.cohorts()) {
            for (CohortCell x : c.cells()) {
                max = Math.max(max, perMember(c, x));
            }
        }
        return max;
    }

    private double perMember(Cohort c, CohortCell cell) {
        long n = this == MESSAGES ? cell.messages() : cell.visitors();
        return c.size() == 0 ? 0 : (double) n / c.size();
    }

    public static Optional<CohortMeasure> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (CohortMeasure m : values()) {
            if (m.id.equals(k)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
