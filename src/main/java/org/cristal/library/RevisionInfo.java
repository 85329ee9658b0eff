package org.cristal.library;

import java.time.Instant;

/** One entry of a story's history: its number (1..n), when it was saved, its size in bytes, its title. */
public record RevisionInfo(int number, Instant savedAt, long size, String title, String note) {
}
