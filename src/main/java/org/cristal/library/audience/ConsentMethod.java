package org.cristal.library.audience;

import java.util.Locale;
import java.util.Optional;

/** How a consent was given or withdrawn; kept in the ledger as proof. */
public enum ConsentMethod {
    /** A sign-up form on the user's site. */
    WEB_FORM("web-form"),
    /** In person, in the shop or at the practice. */
    IN_PERSON("in-person"),
    /** Entered by hand in Cristal, by the user, on the person's word. */
    MANUAL("manual"),
    /** Imported from a file (the file named in source; the original opt-in time and IP kept). */
    IMPORT("import"),
    /** The person confirmed a double opt-in message. */
    DOUBLE_OPT_IN("double-opt-in"),
    /** An unsubscribe link or one-click request (RFC 8058), read back from the user's records. */
    UNSUBSCRIBE_LINK("unsubscribe-link"),
    /** An e-mail to the unsubscribe address ({@code List-Unsubscribe: mailto:}). */
    UNSUBSCRIBE_MAIL("unsubscribe-mail"),
    /** A complaint (marked as spam) reported by the receiving server. */
    COMPLAINT("complaint");

    private final String id;

    ConsentMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ConsentMethod> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ConsentMethod m : values()) {
            if (m.id.equals(k)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
