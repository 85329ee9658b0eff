package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.publish.spi.Recipients.LeftOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newsletter account in the publisher: its checklist line counts whom it reaches; its entries name a segment. */
class NewsletterQueueTest {
    @TempDir
    Path dir;
    PublishFixture f;
    Audience audience;

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
        f.plugins.add(new SmtpNewsletterPlugin());
        f.ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
        audience = f.ws.audience();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long add(String email, boolean consent) {
        long id = audience.contacts().save(ContactDraft.of(email)).contact().id();
        if (consent) {
            audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
        }
        return id;
    }

    private ChecklistItem newsletter() {
        return f.publisher.checklist(PublishFixture.STORY).stream().filter(i -> i.account().id().equals("news"))
                .findFirst().orElseThrow();
    }

    @Test
    void theChecklistSaysHowManyANewsletterReachesAndWhoIsLeftOutWhy() {
        add("a@example.com", true);
        add("b@example.com", true);
        add("c@example.com", true);
        add("d@example.com", false);
        long unsub = add("e@example.com", true);
        audience.consents().record(unsub, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-02-01T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Non"));
        audience.setFrequencyCap(new FrequencyCap(1, 7));
        long capped = audience.contacts().find("c@example.com").orElseThrow().id();
        audience.deliveries().record(capped, 0, "other", ContactChannel.EMAIL, Purpose.MARKETING,
                Delivery.Outcome.SENT, "");

        ChecklistItem item = newsletter();
        ChecklistItem.Reach reach = item.reach();
        assertEquals(2, reach.reaches());
        assertEquals(3, reach.leftOutTotal());
        assertEquals(1, reach.count(LeftOut.NO_CONSENT));
        assertEquals(1, reach.count(LeftOut.UNSUBSCRIBED));
        assertEquals(1, reach.count(LeftOut.OVER_CAP));
        assertEquals("Reaches 2 · 3 left out (1 no consent, 1 unsubscribed, 0 bounced, 1 over the cap)",
                reach.text().get(Locale.ENGLISH));
        assertEquals("Atteint 2 · 3 laissés de côté (1 sans consentement, 1 désinscrits, 0 en échec, "
                + "1 au-delà du plafond)", reach.text().get(Locale.FRENCH));
        assertTrue(item.status() != ChecklistItem.Status.BLOCKED, item.reasons().toString());
        // Other accounts have no reach.
        assertNull(f.publisher.checklist(PublishFixture.STORY).stream().filter(i -> i.account().id().equals("hook"))
                .findFirst().orElseThrow().reach());
    }

    @Test
    void aNewsletterNobodyMayReceiveIsBlockedBeforeSending() {
        add("d@example.com", false);
        ChecklistItem item = newsletter();
        assertEquals(ChecklistItem.Status.BLOCKED, item.status());
        assertEquals("Nobody may receive this newsletter: Reaches 0 · 1 left out (1 no consent, 0 unsubscribed, "
                + "0 bounced, 0 over the cap).", item.reasons().get(0).get(Locale.ENGLISH));
    }

    @Test
    void eachSegmentIsItsOwnPublicationAndEveryoneKeepsTheKeyEntriesHadBefore() {
        Instant at = Instant.parse("2026-03-14T10:00:00Z");
        String before = Publisher.idempotencyKey("s", 3, "news", at);
        assertEquals(before, Publisher.idempotencyKey("s", 3, "news", at, ""));
        assertNotEquals(before, Publisher.idempotencyKey("s", 3, "news", at, "clients"));
        assertNotEquals(Publisher.idempotencyKey("s", 3, "news", at, "clients"),
                Publisher.idempotencyKey("s", 3, "news", at, "prospects"));

        Queued q = f.publisher.enqueue(PublishFixture.STORY, "news", "", at.plusSeconds(86_400 * 365 * 80L),
                ZoneOffset.UTC);
        assertEquals(Queued.How.NEW, q.how());
        assertEquals("", q.entry().target(), "an entry to every contact names no segment");
        assertEquals(Queued.How.SAME, f.publisher.enqueue(PublishFixture.STORY, "news", "",
                at.plusSeconds(86_400 * 365 * 80L), ZoneOffset.UTC).how());
    }

    @Test
    void aSegmentThatDoesNotExistOrAnAccountThatSendsToNoContactIsRefused() {
        Instant at = Instant.parse("2099-03-14T10:00:00Z");
        PublisherException missing = assertThrows(PublisherException.class,
                () -> f.publisher.enqueue(PublishFixture.STORY, "news", "clients", at, ZoneOffset.UTC));
        assertEquals("There is no segment named “clients”. Segments: —.", missing.text().get(Locale.ENGLISH));
        assertEquals("Aucun segment ne s’appelle «\u00a0clients\u00a0». Segments\u00a0: —.",
                missing.text().get(Locale.FRENCH));
        PublisherException notContacts = assertThrows(PublisherException.class,
                () -> f.publisher.enqueue(PublishFixture.STORY, "hook", "clients", at, ZoneOffset.UTC));
        assertTrue(notContacts.text().get(Locale.ENGLISH).contains("does not send to contacts"));
        assertTrue(f.ws.outbox().forStory(PublishFixture.STORY).isEmpty());
    }

    @Test
    void anEntryQueuedBeforeSegmentsNamesItsAccountAndGoesToEveryone() {
        ChannelAccount news = f.ws.channelAccounts().get("news").orElseThrow();
        OutboxEntry old = f.ws.outbox().add(new OutboxEntry.New("cristal-old", PublishFixture.STORY, 1, "news",
                "smtp-newsletter", "email", "La lettre", Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertEquals("", Publisher.segmentOf(old, news));
    }

    @Test
    void theNewsletterCanBePreviewedAsOneContactReadsIt() throws Exception {
        long marie = audience.contacts().save(ContactDraft.of("marie@example.com").withName("Marie", "Curie")
                .withFields(Map.of("company", "Curie & Fils"))).contact().id();
        long nameless = add("x@example.com", true);

        var asMarie = f.publisher.previewAsContact("nimbus-tax-season", "news", marie);
        assertEquals("Marie, your tax checklist is inside", asMarie.subject());
        assertTrue(asMarie.text().contains("Hi Marie,"), asMarie.text());
        assertTrue(asMarie.html().contains("Curie &amp; Fils"), "her own field, escaped in the HTML");
        String token = UnsubscribeTokens.of(f.secrets, audience.salt()).token(marie, ContactChannel.EMAIL,
                Purpose.MARKETING);
        assertTrue(asMarie.text().contains("mailto:news@fournil.example?subject=unsubscribe%20" + token),
                "her own unsubscribe link: " + asMarie.text());

        var asNobody = f.publisher.previewAsContact("nimbus-tax-season", "news", nameless);
        assertEquals("Hi, your tax checklist is inside", asNobody.subject(), "no first name: the fallback");
        assertTrue(asNobody.text().contains("Hi there,"), asNobody.text());
        assertEquals(0, audience.deliveries().of(marie).size(), "a preview sends and records nothing");

        var missing = assertThrows(org.cristal.publish.spi.PublishException.class,
                () -> f.publisher.previewAsContact("nimbus-tax-season", "news", 9999));
        assertEquals("There is no contact #9999 in this workspace (erased?).", missing.message(Locale.ENGLISH));
    }
}
