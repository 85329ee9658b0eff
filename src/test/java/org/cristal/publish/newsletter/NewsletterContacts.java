package org.cristal.publish.newsletter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Sql;
import org.cristal.publish.AudienceRecipients;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.TestContext;
import org.cristal.publish.UnsubscribeTokens;

/** A real workspace file with contacts, and the audience of a newsletter over it, as the publisher builds it. */
final class NewsletterContacts implements AutoCloseable {
    static final Instant AGREED = Instant.parse("2026-01-05T10:00:00Z");

    final Workspace ws;
    final Audience audience;
    final MapSecrets secrets = new MapSecrets();

    NewsletterContacts(Path dir) {
        ws = Workspace.open(dir.resolve("contacts.cristal"));
        audience = ws.audience();
    }

    /** Adds a contact, with a marketing e-mail grant when {@code consent}; returns their id. */
    long add(String email, String first, String last, Map<String, String> fields, boolean consent) {
        long id = audience.contacts().save(ContactDraft.of(email).withName(first, last).withFields(fields))
                .contact().id();
        if (consent) {
            grant(id);
        }
        return id;
    }

    void grant(long id) {
        audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING, AGREED,
                ConsentMethod.IN_PERSON, "the shop", "Oui à la lettre"));
    }

    void withdraw(long id) {
        audience.consents().record(id, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.now(), ConsentMethod.IN_PERSON, "the shop", "Plus de lettre"));
    }

    /** person1@example.com … with first names Person1 …, last name Doe, company Firm 1 …, all consenting. */
    void people(int n) {
        for (int i = 1; i <= n; i++) {
            add("person" + i + "@example.com", "Person" + i, "Doe", Map.of("company", "Firm " + i), true);
        }
    }

    /** Every contact with consent, as the publisher gives it to a send of entry 1. */
    AudienceRecipients everyone() {
        return new AudienceRecipients(audience, tokens(), "", Sql.ALL, 1, "nimbus-tax-season");
    }

    UnsubscribeTokens tokens() {
        try {
            return UnsubscribeTokens.of(secrets, audience.salt());
        } catch (SecretStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A context whose audience is every contact with consent, read now (as each attempt reads it). */
    TestContext context() {
        return new TestContext().recipients(everyone());
    }

    /** The journal key of an address. */
    String key(String email) {
        return "h:" + audience.addressHash(email);
    }

    @Override
    public void close() {
        ws.close();
    }
}
