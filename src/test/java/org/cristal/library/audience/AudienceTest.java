package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.Reach.LeftOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudienceTest {
    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        audience = ws.audience();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private long add(String email, boolean marketing) {
        long id = audience.contacts().save(ContactDraft.of(email).withName("Hélène", "Dupré")
                .withAddress("3 rue des Lilas", "60300", "Senlis", "FR")).contact().id();
        if (marketing) {
            audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui à la lettre"));
        }
        return id;
    }

    @Test
    void oneContactPerAddressWhateverItsCaseAndAnUpdateKeepsWhatItDoesNotMention() {
        Contacts.Saved first = audience.contacts().save(ContactDraft.of("Helene@Example.FR").withName("Hélène", "")
                .withTags(List.of("clients")).withFields(Map.of("company", "Fournil")));
        Contacts.Saved again = audience.contacts().save(ContactDraft.of("helene@example.fr").withName("", "Dupré")
                .withTags(List.of("vip")));
        assertEquals(Contacts.Change.CREATED, first.change());
        assertEquals(Contacts.Change.UPDATED, again.change());
        Contact c = again.contact();
        assertEquals(first.contact().id(), c.id());
        assertEquals("Hélène Dupré", c.fullName());
        assertEquals(List.of("clients", "vip"), c.tags());
        assertEquals("Fournil", c.fields().get("company"));
        assertEquals(Contacts.Change.UNCHANGED, audience.contacts().save(ContactDraft.of("HELENE@example.fr")).change());
        assertEquals(1, audience.contacts().count());
    }

    @Test
    void searchIgnoresAccentsAndCaseAndNeedsEveryWord() {
        add("helene@example.fr", false);
        audience.contacts().save(ContactDraft.of("paul@example.fr").withName("Paul", "Martin")
                .withAddress("", "75011", "Paris", "FR"));
        assertEquals(1, audience.contacts().count("HELENE dupre", Sql.ALL));
        assertEquals("helene@example.fr", audience.contacts().search("senlis", Sql.ALL, 0, 10).get(0).email());
        assertEquals(0, audience.contacts().count("helene paris", Sql.ALL));
        assertEquals(2, audience.contacts().count("", Sql.ALL));
        assertEquals(1, audience.contacts().count("100%", Sql.ALL) + 1); // no wildcard in what is typed
    }

    @Test
    void anImportedGrantNeverUndoesAWithdrawalButANewConsentWithProofDoes() {
        long id = add("helene@example.fr", true);
        audience.consents().record(id, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-03-01T08:00:00Z"), ConsentMethod.UNSUBSCRIBE_MAIL, "mailbox", "unsubscribe"));
        ConsentEvent imported = new ConsentEvent(ContactChannel.EMAIL, Purpose.MARKETING, true,
                Instant.parse("2025-06-01T08:00:00Z"), ConsentMethod.IMPORT, "mailchimp.csv", "192.0.2.1", "");
        assertEquals(ConsentLedger.Result.REFUSED_WITHDRAWN, audience.consents().record(id, imported));
        assertEquals(ConsentLedger.State.WITHDRAWN, audience.consents().current(id, ContactChannel.EMAIL,
                Purpose.MARKETING));
        audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-04-01T08:00:00Z"), ConsentMethod.WEB_FORM, "site", "Je m'abonne"));
        assertEquals(ConsentLedger.State.GRANTED, audience.consents().current(id, ContactChannel.EMAIL,
                Purpose.MARKETING));
        assertEquals(3, audience.consents().history(id).size());
        // The service purpose is separate: the withdrawal above never touched it.
        assertEquals(ConsentLedger.State.NONE, audience.consents().current(id, ContactChannel.EMAIL, Purpose.SERVICE));
    }

    @Test
    void theLedgerCannotBeRewrittenEvenInSql() throws Exception {
        long id = add("helene@example.fr", true);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.path());
                var st = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("UPDATE consents SET granted = 0"));
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("DELETE FROM consents"));
        }
        assertEquals(1, audience.consents().history(id).size());
    }

    @Test
    void reachLeavesOutThoseWithoutConsentUnsubscribedBouncedAndOverTheCap() {
        add("a@example.fr", true);
        add("b@example.fr", false);
        long c = add("c@example.fr", true);
        audience.consents().record(c, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING, Instant.now(),
                ConsentMethod.UNSUBSCRIBE_LINK, "form", ""));
        long d = add("d@example.fr", true);
        audience.contacts().setEmailStatus(d, Contact.BOUNCED);
        long e = add("e@example.fr", true);
        audience.setFrequencyCap(new FrequencyCap(1, 7));
        audience.deliveries().record(e, 0, "other-story", ContactChannel.POSTAL, Purpose.MARKETING,
                Delivery.Outcome.SENT, "");
        Reach reach = audience.reach(Sql.ALL, ContactChannel.EMAIL, Purpose.MARKETING);
        assertEquals(List.of("a@example.fr"), reach.members().stream().map(Reach.Member::email).toList());
        assertEquals(Map.of(LeftOut.NO_CONSENT, 1, LeftOut.UNSUBSCRIBED, 1, LeftOut.BOUNCED, 1, LeftOut.OVER_CAP, 1),
                reach.leftOut());
        assertEquals("e@example.fr", reach.held().get(0).email());
        assertEquals("Senlis", reach.members().get(0).fields().get("city"));
        // A service message ignores the cap and needs no marketing consent, but not a bounced address.
        Reach service = audience.reach(Sql.ALL, ContactChannel.EMAIL, Purpose.SERVICE);
        assertEquals(4, service.members().size());
        assertTrue(audience.check(c, ContactChannel.EMAIL, Purpose.MARKETING).isPresent());
    }

    @Test
    void aForgottenContactLeavesNoReadableTraceAndCannotComeBackUnnoticed() throws Exception {
        long id = add("helene.secret@example.fr", true);
        audience.deliveries().record(id, 0, "le-pain", ContactChannel.EMAIL, Purpose.MARKETING,
                Delivery.Outcome.REFUSED, "550 <helene.secret@example.fr> unknown");
        assertTrue(audience.forget("Helene.Secret@example.fr"));
        assertFalse(audience.contacts().find("helene.secret@example.fr").isPresent());
        assertEquals("erased", audience.suppression("HELENE.SECRET@example.fr", ContactChannel.EMAIL).orElseThrow());
        for (Path f : List.of(ws.path(), Path.of(ws.path() + "-wal"))) {
            if (Files.exists(f)) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("helene.secret"), f + " still holds the address");
                assertFalse(bytes.contains("Dupr"), f + " still holds the name");
            }
        }
        assertFalse(audience.forget("helene.secret@example.fr"));
    }

    @Test
    void anAddressThatIsNotOneIsRefusedWithAClearMessage() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> audience.contacts().save(ContactDraft.of("not an address")));
        assertTrue(e.localizedMessage(java.util.Locale.ENGLISH).contains("e-mail address"));
        assertTrue(e.localizedMessage(java.util.Locale.FRENCH).contains("adresse e-mail"));
    }
}
