package org.cristal.library.audience;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of contacts file Cristal recognises from their header: the audience exports of Mailchimp (with
 * its unsubscribed and cleaned exports), Brevo, listmonk and Mautic, and plain files with French or English
 * headers. Only a provider's own export carries opt-ins Cristal may import (its opt-in times); every preset
 * honours withdrawals, since keeping someone unsubscribed can never wrong them.
 */
public enum ImportPreset {
    AUTO, MAILCHIMP, BREVO, LISTMONK, MAUTIC, PLAIN;

    private static final Map<String, ImportField> COMMON = new HashMap<>();
    private static final Set<ImportField> OPT_INS = Set.of(ImportField.OPTIN_TIME, ImportField.CONFIRM_TIME,
            ImportField.OPTIN_FLAG, ImportField.OPTIN_IP, ImportField.CONFIRM_IP);

    static {
        put(ImportField.EMAIL, "email", "e mail", "mail", "courriel", "email address", "e mail address",
                "adresse email", "adresse e mail", "adresse mail", "adresse electronique", "mel");
        put(ImportField.FIRST_NAME, "first name", "firstname", "prenom", "fname", "given name");
        put(ImportField.LAST_NAME, "last name", "lastname", "nom", "nom de famille", "surname", "family name",
                "lname");
        put(ImportField.FULL_NAME, "name", "full name", "nom complet");
        put(ImportField.LANG, "lang", "language", "langue", "locale");
        put(ImportField.STREET, "street", "address", "adresse", "rue", "address1", "address line 1",
                "adresse postale");
        put(ImportField.POSTCODE, "postcode", "postal code", "zip", "zipcode", "zip code", "code postal", "cp");
        put(ImportField.CITY, "city", "ville", "town", "commune");
        put(ImportField.COUNTRY, "country", "pays");
        put(ImportField.PHONE, "phone", "phone number", "telephone", "tel", "mobile", "portable", "sms");
        put(ImportField.TAGS, "tags", "tag", "etiquettes", "etiquette");
        put(ImportField.ATTRIBUTES, "attributes", "attribs");
        put(ImportField.OPTIN_TIME, "optin time");
        put(ImportField.OPTIN_IP, "optin ip");
        put(ImportField.CONFIRM_TIME, "confirm time");
        put(ImportField.CONFIRM_IP, "confirm ip");
        put(ImportField.OPTIN_FLAG, "double opt in", "opt in", "double optin");
        put(ImportField.UNSUB_TIME, "unsub time");
        put(ImportField.UNSUB_REASON, "unsub reason");
        put(ImportField.CLEAN_TIME, "clean time");
        put(ImportField.BLOCKED, "blacklisted", "email blacklisted", "blocklisted", "dnc", "donotcontact",
                "do not contact");
        put(ImportField.STATUS, "status", "statut", "email marketing");
        // Identifiers, geolocation and dates of the provider: meaningless in Cristal.
        put(ImportField.IGNORE, "id", "uuid", "leid", "euid", "last changed", "gmtoff", "dstoff", "timezone", "cc",
                "region", "latitude", "longitude", "added time", "modified time", "created at", "updated at",
                "unsub campaign title", "unsub campaign id", "clean campaign title", "clean campaign id",
                "sms blacklisted", "source", "email status", "email marketing at", "date added", "date modified",
                "date identified", "last active");
    }

    private static void put(ImportField field, String... headers) {
        for (String h : headers) {
            COMMON.put(h, field);
        }
    }

    /** As typed on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportPreset> of(String id) {
        String k = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
        for (ImportPreset p : values()) {
            if (p.name().equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The preset whose export has this header. */
    public static ImportPreset detect(List<String> headers) {
        Set<String> h = new java.util.HashSet<>();
        headers.forEach(x -> h.add(normal(x)));
        if (h.contains("email address") && (h.contains("optin time") || h.contains("leid") || h.contains("euid")
                || h.contains("member rating") || h.contains("unsub time") || h.contains("clean time")
                || h.contains("last changed"))) {
            return MAILCHIMP;
        }
        if (h.contains("uuid") && h.contains("email") && (h.contains("attributes") || h.contains("status"))) {
            return LISTMONK;
        }
        boolean upperEmail = headers.stream().anyMatch(x -> x.strip().equals("EMAIL"));
        if (h.contains("email") && (h.contains("email blacklisted") || h.contains("blacklisted")
                || h.contains("double opt in") || h.contains("added time")
                || (upperEmail && (h.contains("firstname") || h.contains("prenom") || h.contains("sms"))))) {
            return BREVO;
        }
        if (h.contains("email") && (h.contains("dnc") || h.contains("donotcontact") || h.contains("zipcode")
                || h.contains("points") || (h.contains("firstname") && h.contains("lastname")))) {
            return MAUTIC;
        }
        return PLAIN;
    }

    /** What this preset reads from a column with this header. */
    public ImportField field(String header) {
        String k = normal(header);
        if (k.equals("address") && this == MAILCHIMP) {
            return ImportField.ADDRESS;
        }
        ImportField f = COMMON.getOrDefault(k, ImportField.CUSTOM);
        if (this == PLAIN && OPT_INS.contains(f)) {
            return ImportField.CUSTOM;
        }
        return f;
    }

    /** The header as compared: lower case, no accents, separators as single spaces ("Prénom" → "prenom"). */
    static String normal(String header) {
        String s = Folding.fold(header == null ? "" : header.replace("\uFEFF", "").strip());
        return s.replaceAll("[_\\-.:/]+", " ").replaceAll("\\s+", " ").strip();
    }
}
