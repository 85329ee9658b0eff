package org.cristal.library.audience;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person in the workspace's audience. Personal data: never logged, never in an error text.
 *
 * @param id          stable within the workspace
 * @param email       as first written (compared without regard to case)
 * @param lang        a language tag ({@code fr}, {@code en}) or ""
 * @param tags        in the order given, each once
 * @param fields      free fields, key → value ({@code company}, {@code birthday} …), usable as merge fields
 * @param source      where the contact came from ("import clients.csv", "in the shop")
 * @param emailStatus {@link #OK}, {@link #BOUNCED} (a hard bounce) or {@link #COMPLAINED}
 * @param softBounces temporary delivery failures counted since the last message that went through
 */
public record Contact(long id, String email, String firstName, String lastName, String lang, String street,
        String postcode, String city, String country, String phone, List<String> tags, Map<String, String> fields,
        String source, String emailStatus, int softBounces, Instant createdAt, Instant updatedAt) {
    public static final String OK = "ok";
    public static final String BOUNCED = "bounced";
    public static final String COMPLAINED = "complained";

    public Contact {
        tags = List.copyOf(tags);
        fields = Map.copyOf(fields);
    }

    /** "Marie Curie", or "" without a name. */
    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    /** The contact's data as a draft, to change some of it and save again. */
    public ContactDraft draft() {
        return new ContactDraft(email, firstName, lastName, lang, street, postcode, city, country, phone, tags,
                fields, source);
    }
}
