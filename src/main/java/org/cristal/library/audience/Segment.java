package org.cristal.library.audience;

import java.time.Instant;

/** A saved segment: a name and the rule that picks its contacts (docs/audience.md, "Segments"). */
public record Segment(String name, String expression, Instant createdAt, Instant updatedAt) {
}
