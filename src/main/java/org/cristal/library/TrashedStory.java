package org.cristal.library;

import java.time.Instant;

/** A deleted story waiting in the trash: its newest title, how many revisions it had, when it went. */
public record TrashedStory(String id, String title, int revisions, Instant deletedAt) {
}
