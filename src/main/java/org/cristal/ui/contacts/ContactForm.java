package org.cristal.ui.contacts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactDraft;

/**
 * The contact form's fields as the user types them: tags separated by commas, custom fields one per line
 * as {@code key: value}.
 */
public final class ContactForm {
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty lang = new SimpleStringProperty("");
    private final StringProperty street = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty fields = new SimpleStringProperty("");
    private String source = "";

    public StringProperty email() {
        return email;
    }

    public StringProperty firstName() {
        return firstName;
    }

    public StringProperty lastName() {
        return lastName;
    }

    public StringProperty lang() {
        return lang;
    }

    public StringProperty street() {
        return street;
    }

    public StringProperty postcode() {
        return postcode;
    }

    public StringProperty city() {
        return city;
    }

    public StringProperty country() {
        return country;
    }

    public StringProperty phone() {
        return phone;
    }

    /** "clients, vip". */
    public StringProperty tags() {
        return tags;
    }

    /** "company: Fournil Dupont" per line. */
    public StringProperty fields() {
        return fields;
    }

    void fill(Contact c) {
        email.set(c.email());
        firstName.set(c.firstName());
        lastName.set(c.lastName());
        lang.set(c.lang());
        street.set(c.street());
        postcode.set(c.postcode());
        city.set(c.city());
        country.set(c.country());
        phone.set(c.phone());
        tags.set(String.join(", ", c.tags()));
        StringBuilder f = new StringBuilder();
        c.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> f.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        fields.set(f.toString().strip());
        source = c.source();
    }

    void clear(String newSource) {
        for (StringProperty p : List.of(email, firstName, lastName, lang, street, postcode, city, country, phone, tags,
                fields)) {
            p.set("");
        }
        source = newSource;
    }

    /** True when a line of the custom fields has no "name:" (it would be lost on saving). */
    boolean fieldsUnreadable() {
        return fields.get().lines().map(String::strip).anyMatch(l -> !l.isEmpty() && l.indexOf(':') <= 0);
    }

    ContactDraft draft() {
        List<String> tagList = Arrays.stream(tags.get().split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        Map<String, String> custom = new LinkedHashMap<>();
        for (String line : fields.get().split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                custom.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new ContactDraft(email.get(), firstName.get(), lastName.get(), lang.get(), street.get(),
                postcode.get(), city.get(), country.get(), phone.get(), tagList, custom, source);
    }
}
