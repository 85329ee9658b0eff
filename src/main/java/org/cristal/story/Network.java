package org.cristal.story;

import java.util.Locale;
import java.util.Optional;

/** A social network profile, with its default post limit. The id is stable and never translated. */
public enum Network {
    X(280), MASTODON(500), BLUESKY(300), LINKEDIN(3000), INSTAGRAM(2200),
    /** A Facebook Page's post: the Graph API takes up to 63,206 characters. */
    FACEBOOK(63206),
    /** A Google Business Profile local post ("What's new", offer, event): 1,500 characters of summary. */
    GOOGLE(1500);

    private final int defaultLimit;

    Network(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Network> fromId(String id) {
        for (Network n : values()) {
            if (n.id().equalsIgnoreCase(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
