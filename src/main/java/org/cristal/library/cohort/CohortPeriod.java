package org.cristal.library.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** How contacts are grouped and how the following time is cut: ISO weeks (from Monday) or calendar months. */
public enum CohortPeriod {
    WEEK("week"), MONTH("month");

    private final String id;

    CohortPeriod(String id) {
        this.id = id;
    }

    /** As typed on the command line and written in the CSV ({@code week}, {@code month}). */
    public String id() {
        return id;
    }

    /** The first day of the period holding {@code day}: its Monday, or the 1st of its month. */
    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The start of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    public static Optional<CohortPeriod> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (CohortPeriod p : values()) {
            if (p.id.equals(k) || (p == WEEK && k.equals("semaine")) || (p == MONTH && k.equals("mois"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
