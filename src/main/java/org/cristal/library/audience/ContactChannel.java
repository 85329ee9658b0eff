package org.cristal.library.audience;

import java.util.Locale;
import java.util.Optional;

/** A way of reaching a person, each with its own consent: e-mail, printed mail, text message. */
public enum ContactChannel {
    EMAIL("email"), POSTAL("postal"), SMS("sms");

    private final String id;

    ContactChannel(String id) {
        this.id = id;
    }

    /** As stored and as typed on the command line ({@code email}, {@code postal}, {@code sms}). */
    public String id() {
        return id;
    }

    public static Optional<ContactChannel> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ContactChannel c : values()) {
            if (c.id.equals(k) || (c == POSTAL && (k.equals("post") || k.equals("mail-postal")))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
