package org.cristal.library;

import java.time.Instant;

/**
 * Typing the studio autosaved that no revision holds yet: the story's whole text as last shown,
 * when it was written, and the revision it is newer than.
 */
public record AutosavedDraft(String storyId, String source, int revision, Instant savedAt) {
}
