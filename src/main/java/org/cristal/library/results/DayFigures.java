package org.cristal.library.results;

import java.time.LocalDate;

/**
 * One day of a story's curve: reactions gained that day (from the changes of the counts), visitors and
 * conversions the analytics counted that day.
 */
public record DayFigures(LocalDate day, long reactions, long visitors, long conversions) {
}
