package org.cristal.library;

import java.time.Instant;

/** A past version of a story with its full text. */
public record Revision(String storyId, int number, Instant savedAt, String note, String source) {
}
