package org.cristal.library;

/**
 * One search result: the story, a snippet of its text around the matches (matches wrapped in the
 * query's markers), and its bm25 score (lower is better, as SQLite reports it).
 */
public record SearchHit(StorySummary story, String snippet, double score) {
}
