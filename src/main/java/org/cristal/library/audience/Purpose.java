package org.cristal.library.audience;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message is sent. Consent and suppression are per purpose: unsubscribing from the newsletter does
 * not stop an order confirmation, and the frequency cap counts marketing messages only.
 */
public enum Purpose {
    /** Newsletters, offers, news: needs the person's prior opt-in. */
    MARKETING("marketing"),
    /** Service or transactional messages the person expects (an order, an appointment). */
    SERVICE("service");

    private final String id;

    Purpose(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Purpose> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Purpose p : values()) {
            if (p.id.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
