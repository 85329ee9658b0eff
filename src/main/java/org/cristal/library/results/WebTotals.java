package org.cristal.library.results;

/** Visitors and conversions added up, as the analytics tools counted them. */
public record WebTotals(long visitors, long conversions) {
}
