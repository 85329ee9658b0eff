package org.cristal.story;

import java.util.Locale;
import java.util.Optional;

/** A target medium. The id is stable and never translated. */
public enum Channel {
    WEB, EMAIL, SOCIAL, BROCHURE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromId(String id) {
        for (Channel c : values()) {
            if (c.id().equalsIgnoreCase(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
