package org.cristal.story;

import java.util.Locale;
import java.util.Optional;

/** Where a story stands in its editorial life. The id is what the front matter and the database hold. */
public enum Status {
    DRAFT, REVIEW, APPROVED, PUBLISHED, ARCHIVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Status s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
