package org.cristal.library.cohort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Every cohort of the workspace, oldest first, against its following periods 0 to {@code periods}.
 *
 * @param outside         contacts in no cohort (with {@link CohortStart#CONSENT}: never granted marketing consent)
 * @param resultsImported whether any analytics were imported at all
 * @param tokenResults    whether some imported lines carry a contact's link token ({@code utm_content}); without
 *                        them, visits cannot be told per cohort
 */
public record CohortTable(CohortPeriod by, CohortStart from, int periods, ZoneId zone, LocalDate today,
        List<Cohort> cohorts, int outside, boolean resultsImported, boolean tokenResults) {
    public CohortTable {
        cohorts = List.copyOf(cohorts);
    }

    public int contacts() {
        return cohorts.stream().mapToInt(Cohort::size).sum();
    }
}
