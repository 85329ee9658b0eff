package org.cristal.library.audience;

import java.util.Locale;
import java.util.Optional;

/**
 * What a column of an imported file holds. The mapping header → field is shown before importing and can be
 * changed; {@link #CUSTOM} keeps the column as a free field named after its header, {@link #IGNORE} drops it.
 */
public enum ImportField {
    EMAIL, FIRST_NAME, LAST_NAME,
    /** A whole name ("Marie Curie"), split at the first space when no first/last name column is given. */
    FULL_NAME,
    LANG, STREET, POSTCODE, CITY, COUNTRY,
    /** Mailchimp's one-column address: parts separated by two spaces (street, city, state, postcode, country). */
    ADDRESS,
    PHONE,
    /** Tags: Mailchimp's {@code "a","b"}, Mautic's {@code a|b}, or a list separated by commas or semicolons. */
    TAGS,
    /** A JSON object of attributes (listmonk): each key becomes a free field. */
    ATTRIBUTES,
    /** When the person opted in (Mailchimp OPTIN_TIME): with a time, an imported grant. */
    OPTIN_TIME, OPTIN_IP,
    /** When the person confirmed a double opt-in (Mailchimp CONFIRM_TIME). */
    CONFIRM_TIME, CONFIRM_IP,
    /** A yes/no double opt-in flag (Brevo DOUBLE_OPT-IN): yes is an imported grant, double opt-in confirmed. */
    OPTIN_FLAG,
    /** When the person unsubscribed (Mailchimp UNSUB_TIME): a withdrawal at that time. */
    UNSUB_TIME, UNSUB_REASON,
    /** When the address was cleaned for bouncing (Mailchimp CLEAN_TIME): marked bounced. */
    CLEAN_TIME,
    /** A yes/no "do not contact" flag (Brevo blacklisted, Mautic DNC): yes is a withdrawal. */
    BLOCKED,
    /** A status word (listmonk: blocklisted; Cristal's own export: withdrawn): a withdrawal. */
    STATUS,
    CUSTOM, IGNORE;

    /** As shown and typed: {@code first_name}, {@code custom}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportField> of(String id) {
        String k = id == null ? "" : id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ImportField f : values()) {
            if (f.name().equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
