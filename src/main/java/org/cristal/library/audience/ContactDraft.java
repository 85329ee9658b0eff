package org.cristal.library.audience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A contact's data before it is saved: from the contact form, or one row of an import. Blank strings mean
 * "not given"; every value is trimmed.
 */
public record ContactDraft(String email, String firstName, String lastName, String lang, String street,
        String postcode, String city, String country, String phone, List<String> tags, Map<String, String> fields,
        String source) {
    public ContactDraft {
        Objects.requireNonNull(email);
        email = email.strip();
        firstName = clean(firstName);
        lastName = clean(lastName);
        lang = clean(lang).toLowerCase(Locale.ROOT);
        street = clean(street);
        postcode = clean(postcode);
        city = clean(city);
        country = clean(country);
        phone = clean(phone);
        source = clean(source);
        LinkedHashSet<String> t = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String s = clean(tag);
            if (!s.isEmpty() && t.stream().noneMatch(s::equalsIgnoreCase)) {
                t.add(s);
            }
        }
        tags = List.copyOf(new ArrayList<>(t));
        Map<String, String> f = new LinkedHashMap<>();
        (fields == null ? Map.<String, String>of() : fields).forEach((k, v) -> {
            if (k != null && !k.isBlank()) {
                f.put(k.strip(), clean(v));
            }
        });
        fields = java.util.Collections.unmodifiableMap(f);
    }

    /** Just an address. */
    public static ContactDraft of(String email) {
        return new ContactDraft(email, "", "", "", "", "", "", "", "", List.of(), Map.of(), "");
    }

    /** The address as compared and stored as the contact's key: lower case. */
    public String emailKey() {
        return key(email);
    }

    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public ContactDraft withName(String first, String last) {
        return new ContactDraft(email, first, last, lang, street, postcode, city, country, phone, tags, fields, source);
    }

    public ContactDraft withAddress(String street, String postcode, String city, String country) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    public ContactDraft withLang(String lang) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    public ContactDraft withTags(List<String> tags) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    public ContactDraft withFields(Map<String, String> fields) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    public ContactDraft withSource(String source) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    public ContactDraft withPhone(String phone) {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags, fields,
                source);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
