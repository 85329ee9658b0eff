package org.cristal.library.cohort;

import java.util.Locale;
import java.util.Optional;

/**
 * What puts a contact in a cohort: the day Cristal first knew them ({@code contacts.created_at}) or their
 * first marketing consent in the ledger, on any channel (a contact who never gave one is in no cohort).
 */
public enum CohortStart {
    JOINED("joined"), CONSENT("consent");

    private final String id;

    CohortStart(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CohortStart> of(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (CohortStart s : values()) {
            if (s.id.equals(k) || (s == JOINED && k.equals("inscription"))
                    || (s == CONSENT && k.equals("consentement"))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
