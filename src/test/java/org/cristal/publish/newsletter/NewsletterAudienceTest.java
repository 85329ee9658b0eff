package org.cristal.publish.newsletter;

import static org.cristal.publish.newsletter.NewsletterFixture.FAST;
import static org.cristal.publish.newsletter.NewsletterFixture.request;
import static org.cristal.publish.newsletter.NewsletterFixture.secret;
import static org.cristal.publish.newsletter.NewsletterFixture.settings;
import static org.cristal.publish.newsletter.NewsletterFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Sql;
import org.cristal.publish.AudienceRecipients;
import org.cristal.publish.TestContext;
import org.cristal.publish.UnsubscribeTokens;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newsletter sends to the workspace's contacts: consent, unsubscribes, bounces and the cap decide who. */
class NewsletterAudienceTest {
    @TempDir
    Path dir;

    private GreenMail mail;
    private NewsletterContacts contacts;
    private final SmtpNewsletterPlugin plugin = new SmtpNewsletterPlugin(FAST);

    @BeforeEach
    void start() {
        mail = NewsletterFixture.startServer();
        contacts = new NewsletterContacts(dir);
    }

    @AfterEach
    void stop() {
        mail.stop();
        contacts.close();
    }

    private Set<String> receivers() throws Exception {
        Set<String> out = new TreeSet<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            out.add(to(m));
        }
        return out;
    }

    private List<Delivery.Outcome> outcomes(long contactId) {
        return contacts.audience.deliveries().of(contactId).stream().map(Delivery::outcome).toList();
    }

    @Test
    void aSegmentSendReachesExactlyItsMembersWhoAgreedAndSaysWhoWasLeftOut() throws Exception {
        long ann = contacts.add("ann@example.com", "Ann", "", Map.of(), true);
        contacts.add("ben@example.com", "Ben", "", Map.of(), false); // never agreed
        long cleo = contacts.add("cleo@example.com", "Cléo", "", Map.of(), true);
        contacts.withdraw(cleo); // unsubscribed
        long dan = contacts.add("dan@example.com", "Dan", "", Map.of(), true);
        contacts.audience.contacts().setEmailStatus(dan, Contact.BOUNCED);
        long eve = contacts.add("eve@example.com", "Eve", "", Map.of(), true);
        contacts.audience.contacts().save(org.cristal.library.audience.ContactDraft.of("eve@example.com")
                .withAddress("", "", "Paris", "FR"));
        contacts.audience.contacts().save(org.cristal.library.audience.ContactDraft.of("ann@example.com")
                .withAddress("", "", "Senlis", "FR"));
        contacts.audience.contacts().save(org.cristal.library.audience.ContactDraft.of("ben@example.com")
                .withAddress("", "", "Senlis", "FR"));

        // Everyone: only those with a current grant and a working address.
        TestContext all = contacts.context();
        PublishResult everyone = plugin.publish(request(secret(settings(port()))), all);
        assertEquals(2, everyone.items());
        assertEquals(Set.of("ann@example.com", "eve@example.com"), receivers());
        String done = all.progressReports().get(all.progressReports().size() - 1);
        assertTrue(done.endsWith("Sent 2; left out 3 (1 without consent, 1 unsubscribed, 1 bounced, 0 over the cap); "
                + "refused by the server 0."), done);
        assertEquals(List.of(Delivery.Outcome.SENT), outcomes(ann));
        assertEquals(List.of(Delivery.Outcome.SENT), outcomes(eve));
        assertEquals(List.of(), outcomes(dan));

        // A segment (here by city): its members with consent, nobody else.
        mail.purgeEmailFromAllMailboxes();
        AudienceRecipients senlis = new AudienceRecipients(contacts.audience, contacts.tokens(), "Senlis",
                new Sql("c.city = ?", List.of("Senlis")), 2, "nimbus-tax-season");
        assertEquals(1, senlis.members().size());
        assertEquals(1, senlis.count(org.cristal.publish.spi.Recipients.LeftOut.NO_CONSENT));
        plugin.publish(request(secret(settings(port()))), new TestContext().recipients(senlis));
        assertEquals(Set.of("ann@example.com"), receivers());
    }

    @Test
    void someoneWhoUnsubscribesMidSendGetsNothing() throws Exception {
        contacts.people(10);
        long last = contacts.audience.contacts().find("person10@example.com").orElseThrow().id();
        // Another thread records the withdrawal (an IMAP sync, the studio) after the third message.
        TestContext context = new TestContext() {
            private int calls;

            @Override
            public synchronized void progress(double fraction, LocalText message) {
                super.progress(fraction, message);
                if (++calls == 1 + 3) {
                    Thread t = new Thread(() -> contacts.withdraw(last));
                    t.start();
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }.recipients(contacts.everyone());

        PublishResult result = plugin.publish(request(secret(settings(port()))), context);

        assertEquals(9, result.items());
        assertFalse(receivers().contains("person10@example.com"), receivers().toString());
        assertEquals(9, receivers().size());
        assertEquals(List.of(), outcomes(last));
        String done = context.progressReports().get(context.progressReports().size() - 1);
        assertTrue(done.contains("left out 1 (0 without consent, 1 unsubscribed"), done);
    }

    @Test
    void thoseOverTheFrequencyCapAreHeldAndRecordedOnceAndTheOthersStillGetIt() throws Exception {
        contacts.people(3);
        contacts.audience.setFrequencyCap(new FrequencyCap(1, 7));
        long one = contacts.audience.contacts().find("person1@example.com").orElseThrow().id();
        contacts.audience.deliveries().record(one, 0, "earlier-story", ContactChannel.EMAIL, Purpose.MARKETING,
                Delivery.Outcome.SENT, "");

        TestContext first = contacts.context();
        assertEquals(2, plugin.publish(request(secret(settings(port()))), first).items());
        assertEquals(Set.of("person2@example.com", "person3@example.com"), receivers());
        assertEquals(List.of(Delivery.Outcome.HELD, Delivery.Outcome.SENT), outcomes(one));

        // The next attempt of the same entry records the hold no second time and sends nobody twice.
        TestContext again = contacts.context();
        again.journalMap().putAll(first.journalMap());
        assertEquals(2, plugin.publish(request(secret(settings(port()))), again).items());
        assertEquals(2, mail.getReceivedMessages().length);
        assertEquals(2, outcomes(one).size());
        // And those who got this newsletter are not held for it on the second attempt.
        long two = contacts.audience.contacts().find("person2@example.com").orElseThrow().id();
        assertEquals(List.of(Delivery.Outcome.SENT), outcomes(two));
    }

    @Test
    void everyMessageCarriesBothUnsubscribeWaysWithAValidTokenOfItsRecipient() throws Exception {
        long ann = contacts.add("ann@example.com", "Ann", "Lee", Map.of(), true);
        Map<String, String> s = settings(port());
        s.put(SmtpNewsletterPlugin.UNSUBSCRIBE, "https://shop.example/desinscription?t={{token}}");
        s.put(SmtpNewsletterPlugin.REPLY_TO, "contact@shop.example");
        plugin.publish(request(secret(s)), contacts.context());

        MimeMessage m = mail.getReceivedMessages()[0];
        String header = m.getHeader("List-Unsubscribe", null);
        UnsubscribeTokens tokens = contacts.tokens();
        String token = tokens.token(ann, ContactChannel.EMAIL, Purpose.MARKETING);
        assertEquals("<mailto:contact@shop.example?subject=unsubscribe%20" + token + ">, "
                + "<https://shop.example/desinscription?t=" + token + ">", header);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        // The subject a mail client writes when the person clicks the mailto: link.
        String subject = java.net.URLDecoder.decode(header.substring(header.indexOf("subject=") + 8,
                header.indexOf('>')), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("unsubscribe " + token, subject);
        UnsubscribeTokens.Request who = tokens.verify(subject).orElseThrow();
        assertEquals(ann, who.contactId());
        assertEquals(Purpose.MARKETING, who.purpose());
        String html = NewsletterFixture.part(m, "text/html");
        assertTrue(html.contains("https://shop.example/desinscription?t=" + token), "a visible link in the footer");
    }

    @Test
    void withoutAnHttpsPageTheMailtoIsTheOnlyWayAndNoOneClickIsClaimed() throws Exception {
        contacts.add("ann@example.com", "Ann", "Lee", Map.of(), true);
        Map<String, String> s = settings(port());
        s.remove(SmtpNewsletterPlugin.UNSUBSCRIBE);
        s.put(SmtpNewsletterPlugin.UNSUBSCRIBE_ADDRESS, "stop@shop.example");
        plugin.publish(request(secret(s)), contacts.context());

        MimeMessage m = mail.getReceivedMessages()[0];
        assertTrue(m.getHeader("List-Unsubscribe", null).matches("<mailto:stop@shop\\.example\\?subject=unsubscribe"
                + "%20\\d+\\.email-marketing\\.[a-z2-7]{26}>"), m.getHeader("List-Unsubscribe", null));
        assertEquals(null, m.getHeader("List-Unsubscribe-Post", null), "RFC 8058 needs an https URL");
        String text = NewsletterFixture.part(m, "text/plain");
        assertTrue(text.contains("Unsubscribe: mailto:stop@shop.example?subject=unsubscribe%20"), text);
    }

    @Test
    void theJournalNamesRecipientsByHashAndAnEntryBegunByAnOlderVersionResumesWithoutRepeats() throws Exception {
        contacts.people(4);
        TestContext context = contacts.context();
        // An older Cristal had reached person1 and person2, journalled by address.
        context.journalMap().put("to:person1@example.com", "<old-1@x>");
        context.journalMap().put("to:person2@example.com", "<old-2@x>");
        assertEquals(4, plugin.publish(request(secret(settings(port()))), context).items());
        assertEquals(Set.of("person3@example.com", "person4@example.com"), receivers());
        List<String> newKeys = new ArrayList<>(context.journalMap().keySet());
        newKeys.removeIf(k -> k.startsWith("to:person"));
        assertEquals(2, newKeys.size());
        assertTrue(newKeys.stream().allMatch(k -> k.matches("to:h:[0-9a-f]{64}")), newKeys.toString());
        assertTrue(context.journalMap().values().stream().noneMatch(v -> v.contains("@example.com")));
    }

    @Test
    void anAddressTheServerDoesNotKnowIsRefusedRecordedAndMarkedBounced() throws Exception {
        contacts.people(3);
        long two = contacts.audience.contacts().find("person2@example.com").orElseThrow().id();
        try (SmtpGate gate = new SmtpGate(port())) {
            gate.refuse("person2@example.com");
            assertEquals(2, plugin.publish(request(secret(settings(gate.port()))), contacts.context()).items());
        }
        List<Delivery> d = contacts.audience.deliveries().of(two);
        assertEquals(1, d.size());
        assertEquals(Delivery.Outcome.REFUSED, d.get(0).outcome());
        assertTrue(d.get(0).detail().startsWith("550 5.1.1"), d.get(0).detail());
        assertEquals(Contact.BOUNCED, contacts.audience.contacts().get(two).orElseThrow().emailStatus());
        // The next newsletter leaves them out as bounced.
        assertEquals(1, contacts.everyone().count(org.cristal.publish.spi.Recipients.LeftOut.BOUNCED));
    }

    @Test
    void aSendNobodyMayReceiveFailsSayingWhy() throws Exception {
        contacts.add("ann@example.com", "Ann", "", Map.of(), false);
        contacts.add("ben@example.com", "Ben", "", Map.of(), false);
        long cleo = contacts.add("cleo@example.com", "Cléo", "", Map.of(), true);
        contacts.withdraw(cleo);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(secret(settings(port()))), contacts.context()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals("Nobody in your contacts may receive it: 3 left out (2 without consent, 1 unsubscribed, "
                + "0 bounced, 0 over the cap).", e.message(Locale.ENGLISH));
        assertEquals("Personne dans vos contacts ne peut la recevoir\u00a0: 3 laissés de côté (2 sans consentement, "
                + "1 désinscrits, 0 en échec, 0 au-delà du plafond).", e.message(Locale.FRENCH));
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void withoutItsAudienceTheNewsletterSendsNothingAndSaysSo() {
        contacts.people(2);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(secret(settings(port()))), new TestContext()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals(0, mail.getReceivedMessages().length);
    }

    private int port() {
        return mail.getSmtp().getPort();
    }
}
