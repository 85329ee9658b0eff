package org.cristal.publish.newsletter;

import static org.cristal.publish.newsletter.NewsletterFixture.FAST;
import static org.cristal.publish.newsletter.NewsletterFixture.PASSWORD;
import static org.cristal.publish.newsletter.NewsletterFixture.part;
import static org.cristal.publish.newsletter.NewsletterFixture.people;
import static org.cristal.publish.newsletter.NewsletterFixture.request;
import static org.cristal.publish.newsletter.NewsletterFixture.secret;
import static org.cristal.publish.newsletter.NewsletterFixture.settings;
import static org.cristal.publish.newsletter.NewsletterFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.render.Renderers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpNewsletterPluginTest {
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

    private int port() {
        return mail.getSmtp().getPort();
    }

    /** A context that runs {@code hook} with the number of progress reports so far, after each one. */
    private TestContext hooked(IntConsumer hook) {
        return new TestContext() {
            private int calls;

            @Override
            public synchronized void progress(double fraction, LocalText message) {
                super.progress(fraction, message);
                hook.accept(++calls);
            }
        }.recipients(contacts.everyone());
    }

    /** Settings for the server at {@code port}, after adding {@code n} consenting contacts. */
    private Map<String, String> settingsFor(int port, int n) {
        contacts.people(n);
        return settings(port);
    }

    private Map<String, MimeMessage> receivedByAddress() throws Exception {
        Map<String, MimeMessage> out = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            out.put(to(m), m);
        }
        return out;
    }

    /** How many messages each address got, in arrival order of first receipt. */
    private Map<String, Integer> countsByAddress(List<MimeMessage> messages) throws Exception {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (MimeMessage m : messages) {
            counts.merge(to(m), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void eachRecipientGetsOneMessageWithTheirOwnNameAndUnsubscribeLink() throws Exception {
        long marieId = contacts.add("marie@example.com", "Marie", "Curie", Map.of("company", "Curie & Fils <Paris>"),
                true);
        contacts.add("bob@example.com", "", "Builder", Map.of(), true);
        contacts.add("zoe@example.org", "Zoë", "O’Brien", Map.of("company", "Smith, Jones and Co"), true);
        TestContext context = contacts.context();

        PublishResult result = plugin.publish(request(secret(settings(port()))), context);

        assertEquals(3, result.items());
        assertTrue(mail.waitForIncomingEmail(5000, 3));
        assertEquals(3, mail.getReceivedMessages().length);
        Map<String, MimeMessage> got = receivedByAddress();

        MimeMessage marie = got.get("marie@example.com");
        assertEquals("Marie, your tax checklist is inside", marie.getSubject());
        assertEquals("Marie Curie", ((InternetAddress) marie.getAllRecipients()[0]).getPersonal());
        assertEquals("Nimbus Accounting", ((InternetAddress) marie.getFrom()[0]).getPersonal());
        String text = part(marie, "text/plain");
        String html = part(marie, "text/html");
        assertTrue(text.contains("Hi Marie,"), text);
        assertTrue(html.contains("Hi Marie,"), html);
        assertFalse(text.contains("{{") || html.contains("{{"), "no merge tag is left");
        // A value goes into the HTML escaped, into the plain text as written.
        assertTrue(html.contains("Curie &amp; Fils &lt;Paris&gt;"), html);
        assertTrue(text.contains("Curie & Fils <Paris>"), text);
        String token = contacts.tokens().token(marieId, ContactChannel.EMAIL, Purpose.MARKETING);
        String page = "https://nimbus-accounting.example/unsubscribe?e=marie%40example.com&t=" + token;
        assertEquals("<mailto:" + NewsletterFixture.FROM + "?subject=unsubscribe%20" + token + ">, <" + page + ">",
                marie.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", marie.getHeader("List-Unsubscribe-Post", null));
        assertTrue(html.contains(page.replace("&", "&amp;")), "the footer links to her own unsubscribe page");

        MimeMessage bob = got.get("bob@example.com");
        assertEquals("Hi, your tax checklist is inside", bob.getSubject(), "a blank first name takes the fallback");
        assertTrue(part(bob, "text/plain").contains("Hi there,"));
        assertTrue(part(bob, "text/html").contains("Your business deserves"));
        assertTrue(bob.getHeader("List-Unsubscribe", null).contains("unsubscribe?e=bob%40example.com&t="),
                bob.getHeader("List-Unsubscribe", null));

        MimeMessage zoe = got.get("zoe@example.org");
        assertEquals("Zoë, your tax checklist is inside", zoe.getSubject());
        assertTrue(part(zoe, "text/plain").contains("Smith, Jones and Co deserves"));

        Set<String> ids = new HashSet<>();
        for (MimeMessage m : got.values()) {
            ids.add(m.getMessageID());
        }
        assertEquals(3, ids.size(), "one Message-ID per recipient");
        assertEquals(ids, new HashSet<>(context.journalMap().values()), "the journal holds what was accepted");
        assertTrue(context.journalMap().containsKey("to:" + contacts.key("marie@example.com")));
        assertTrue(context.journalMap().keySet().stream().noneMatch(k -> k.contains("@")), "no address in the journal");
    }

    @Test
    void anUnsubscribeLinkTheRendererWroteIsReplacedByEachRecipientsOwn() throws Exception {
        PublishRequest plain = request(ChannelSettings.of(Map.of()));
        var o = org.cristal.render.common.RenderFixtures.options();
        String generic = "https://lists.example/unsubscribe?list=42&src=email";
        var options = new org.cristal.render.RenderOptions(o.now(), o.zone(), o.assets(), o.allowRemoteImages(),
                o.paper(), o.limits(), generic, o.printReady());
        var email = org.cristal.render.Renderers.EMAIL.render(plain.story(), plain.brand(), options);
        assertTrue(email.body().html().contains("list=42&amp;src=email"), "the renderer wrote the generic link");
        Renderers.All all = new Renderers.All(null, email, null, null);
        PublishRequest withLink = new PublishRequest(plain.entryId(), plain.idempotencyKey(), plain.story(),
                plain.revision(), plain.brand(), all, plain.assets(), secret(settingsFor(port(), 2)),
                plain.scheduledAt());

        plugin.publish(withLink, contacts.context());

        MimeMessage first = receivedByAddress().get("person1@example.com");
        String own = "https://nimbus-accounting.example/unsubscribe?e=person1%40example.com&t="
                + contacts.tokens().token(1, ContactChannel.EMAIL, Purpose.MARKETING);
        String html = part(first, "text/html");
        String text = part(first, "text/plain");
        assertFalse(html.contains("list=42") || text.contains("list=42"), "the generic link is gone");
        assertEquals(1, html.split(java.util.regex.Pattern.quote(own.replace("&", "&amp;")), -1).length - 1,
                "one link, in the footer");
        assertTrue(text.contains(own), text);
        assertTrue(first.getHeader("List-Unsubscribe", null).endsWith(", <" + own + ">"),
                first.getHeader("List-Unsubscribe", null));
    }

    @Test
    void inlineImagesTravelWithEveryMessage() throws Exception {
        contacts.people(2);
        plugin.publish(request(secret(settings(port())), "coffee-huila"), contacts.context());
        assertEquals(2, mail.getReceivedMessages().length);
        for (MimeMessage m : mail.getReceivedMessages()) {
            String html = part(m, "text/html");
            var related = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) m.getContent()).getBodyPart(1).getContent();
            assertTrue(related.getCount() > 1, "the hero and the logo travel inline");
            for (int i = 1; i < related.getCount(); i++) {
                String cid = ((jakarta.mail.internet.MimeBodyPart) related.getBodyPart(i)).getContentID();
                assertTrue(html.contains("cid:" + cid.substring(1, cid.length() - 1)), cid);
                assertTrue(related.getBodyPart(i).getInputStream().readAllBytes().length > 100);
            }
        }
    }

    @Test
    void theSameNewsletterGivesTheSameMessageIdsOnEveryAttempt() throws Exception {
        contacts.people(2);
        TestContext first = contacts.context();
        plugin.publish(request(secret(settings(port()))), first);
        TestContext again = contacts.context();
        plugin.publish(request(secret(settings(port()))), again);
        assertEquals(first.journalMap(), again.journalMap());
    }

    @Test
    void testConnectionSignsInWithoutSendingAnything() throws Exception {
        LocalText said = plugin.testConnection(secret(settings(port())), new TestContext());
        assertEquals("Connected to 127.0.0.1 as newsletter.", said.get(Locale.ENGLISH));
        assertEquals("Connecté à 127.0.0.1 en tant que newsletter.", said.get(Locale.FRENCH));
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void aRefusedPasswordIsAnAuthFailureThatNamesTheUserButNeverThePassword() throws Exception {
        Map<String, String> s = settingsFor(port(), 2);
        s.put(SmtpNewsletterPlugin.PASSWORD, "wrong-" + PASSWORD);
        for (var attempt : List.<ThrowingCall>of(
                () -> plugin.testConnection(secret(s), contacts.context()),
                () -> plugin.publish(request(secret(s)), contacts.context()))) {
            PublishException e = assertThrows(PublishException.class, attempt::run);
            assertEquals(PublishException.Kind.AUTH, e.kind());
            assertTrue(e.message(Locale.ENGLISH).startsWith("The server 127.0.0.1 refused the user name “newsletter”"),
                    e.message(Locale.ENGLISH));
            assertTrue(e.message(Locale.FRENCH).startsWith("Le serveur 127.0.0.1 a refusé l’identifiant «\u00a0newsletter\u00a0»"),
                    e.message(Locale.FRENCH));
            assertNoSecret(e);
        }
        assertEquals(0, mail.getReceivedMessages().length);
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static void assertNoSecret(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(PASSWORD), "password in " + c);
        }
        if (e instanceof PublishException p) {
            assertFalse(p.message(Locale.ENGLISH).contains(PASSWORD));
            assertFalse(p.message(Locale.FRENCH).contains(PASSWORD));
        }
    }

    @Test
    void anUnreachableServerIsTransientAndAWrongTlsModeIsPermanent() throws Exception {
        contacts.people(1);
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PublishException refused = assertThrows(PublishException.class,
                () -> plugin.testConnection(secret(settings(closedPort)), contacts.context()));
        assertEquals(PublishException.Kind.TRANSIENT, refused.kind());
        assertTrue(refused.message(Locale.ENGLISH).contains("refused the connection"), refused.getMessage());

        Map<String, String> unknown = settings(port());
        unknown.put(SmtpNewsletterPlugin.HOST, "smtp.no-such-host.invalid");
        PublishException notFound = assertThrows(PublishException.class,
                () -> plugin.testConnection(secret(unknown), contacts.context()));
        assertEquals(PublishException.Kind.TRANSIENT, notFound.kind());
        assertTrue(notFound.message(Locale.ENGLISH).contains("cannot be found"), notFound.getMessage());

        // TLS from the first byte against a plain-text server: the handshake fails.
        Map<String, String> tls = settings(port());
        tls.put(SmtpNewsletterPlugin.SECURITY, "tls");
        PublishException badTls = assertThrows(PublishException.class,
                () -> plugin.publish(request(secret(tls)), contacts.context()));
        assertEquals(PublishException.Kind.PERMANENT, badTls.kind());
        assertTrue(badTls.message(Locale.ENGLISH).startsWith("The secure connection to 127.0.0.1:" + port() + " (TLS)"),
                badTls.getMessage());
        assertTrue(badTls.message(Locale.FRENCH).startsWith("La connexion sécurisée"), badTls.message(Locale.FRENCH));
        assertNoSecret(badTls);
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void aCancelledSendResumesAtTheNextRecipientAndNobodyGetsTwo() throws Exception {
        int n = 40;
        contacts.people(n);
        // The first report announces the send; then one per recipient: stop after recipient 12.
        TestContext first = contacts.context().cancelAfter(1 + 12);
        PublishException stopped = assertThrows(PublishException.class,
                () -> plugin.publish(request(secret(settings(port()))), first));
        assertEquals(PublishException.Kind.CANCELLED, stopped.kind());
        assertEquals(12, first.journalMap().size());
        assertEquals(12, mail.getReceivedMessages().length);

        TestContext second = contacts.context();
        second.journalMap().putAll(first.journalMap());
        PublishResult result = plugin.publish(request(secret(settings(port()))), second);

        assertEquals(n, result.items());
        assertTrue(second.progressReports().get(0).endsWith("Resuming: 12 of 40 recipients already done."),
                second.progressReports().get(0));
        List<MimeMessage> all = List.of(mail.getReceivedMessages());
        assertEquals("person13@example.com", to(all.get(12)), "the second attempt starts at recipient 13");
        Map<String, Integer> counts = countsByAddress(all);
        assertEquals(n, counts.size());
        assertTrue(counts.values().stream().allMatch(c -> c == 1), counts.toString());
        assertEquals(n, second.journalMap().size());
    }

    @Test
    void aConnectionCutMidSendIsReopenedAndTheSendCarriesOnWithoutDuplicates() throws Exception {
        int n = 15;
        contacts.people(n);
        try (SmtpGate gate = new SmtpGate(port())) {
            TestContext context = hooked(calls -> {
                if (calls == 1 + 5 || calls == 1 + 11) {
                    gate.cutAll();
                }
            });
            PublishResult result = plugin.publish(request(secret(settings(gate.port()))), context);
            assertEquals(n, result.items());
        }
        Map<String, Integer> counts = countsByAddress(List.of(mail.getReceivedMessages()));
        assertEquals(n, counts.size());
        assertTrue(counts.values().stream().allMatch(c -> c == 1), counts.toString());
    }

    @Test
    void aConnectionThatStaysDownFailsTransientlyAndTheNextAttemptFinishesTheList() throws Exception {
        int n = 10;
        contacts.people(n);
        TestContext first;
        try (SmtpGate gate = new SmtpGate(port())) {
            first = hooked(calls -> {
                if (calls == 1 + 4) {
                    try {
                        gate.close(); // the server goes away for good
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            PublishException e = assertThrows(PublishException.class,
                    () -> plugin.publish(request(secret(settings(gate.port()))), first));
            assertEquals(PublishException.Kind.TRANSIENT, e.kind());
            assertTrue(e.message(Locale.ENGLISH).startsWith("The connection to 127.0.0.1 was lost after 4 of 10"),
                    e.getMessage());
            assertNoSecret(e);
        }
        assertEquals(4, first.journalMap().size());

        TestContext second = contacts.context();
        second.journalMap().putAll(first.journalMap());
        plugin.publish(request(secret(settings(port()))), second);
        Map<String, Integer> counts = countsByAddress(List.of(mail.getReceivedMessages()));
        assertEquals(n, counts.size());
        assertTrue(counts.values().stream().allMatch(c -> c == 1), counts.toString());
    }

    @Test
    void aRecipientRefusedForGoodIsRecordedAndTheOthersStillGetTheirs() throws Exception {
        contacts.people(5);
        try (SmtpGate gate = new SmtpGate(port())) {
            gate.refuse("person3@example.com");
            TestContext context = contacts.context();
            PublishResult result = plugin.publish(request(secret(settings(gate.port()))), context);

            assertEquals(4, result.items());
            assertTrue(context.journalMap().get("failed:" + contacts.key("person3@example.com")).startsWith("550 5.1.1"),
                    context.journalMap().toString());
            List<String> reports = context.progressReports();
            assertTrue(reports.get(reports.size() - 1).endsWith("Sent 4; left out 0 (0 without consent, 0 unsubscribed, "
                    + "0 bounced, 0 over the cap); refused by the server 1."), reports.toString());

            // A later attempt neither retries the refused address nor resends the others.
            TestContext again = contacts.context();
            again.journalMap().putAll(context.journalMap());
            plugin.publish(request(secret(settings(gate.port()))), again);
        }
        Map<String, Integer> counts = countsByAddress(List.of(mail.getReceivedMessages()));
        assertEquals(Set.of("person1@example.com", "person2@example.com", "person4@example.com",
                "person5@example.com"), counts.keySet());
        assertTrue(counts.values().stream().allMatch(c -> c == 1), counts.toString());
    }

    @Test
    void aRecipientDeferredByTheServerIsTriedAgainOnTheNextAttemptAlone() throws Exception {
        contacts.people(4);
        try (SmtpGate gate = new SmtpGate(port())) {
            gate.defer("person2@example.com");
            TestContext first = contacts.context();
            PublishException e = assertThrows(PublishException.class,
                    () -> plugin.publish(request(secret(settings(gate.port()))), first));
            assertEquals(PublishException.Kind.TRANSIENT, e.kind());
            assertEquals("The server asked to try again later for 1 of 4 recipients; Cristal will send them theirs on "
                    + "the next attempt, without sending the others twice.", e.message(Locale.ENGLISH));
            assertEquals(3, first.journalMap().size());
            assertEquals(3, mail.getReceivedMessages().length);

            gate.stopDeferring();
            TestContext second = contacts.context();
            second.journalMap().putAll(first.journalMap());
            assertEquals(4, plugin.publish(request(secret(settings(gate.port()))), second).items());
        }
        List<MimeMessage> all = List.of(mail.getReceivedMessages());
        assertEquals("person2@example.com", to(all.get(3)), "only the deferred recipient was sent to again");
        assertTrue(countsByAddress(all).values().stream().allMatch(c -> c == 1));
    }

    @Test
    void aServerThatDoesNotOfferStartTlsNeverGetsThePassword() throws Exception {
        // GreenMail's plain SMTP port does not offer STARTTLS.
        Map<String, String> s = settingsFor(port(), 1);
        s.put(SmtpNewsletterPlugin.SECURITY, "starttls");
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.testConnection(secret(s), contacts.context()));
        assertEquals(PublishException.Kind.PERMANENT, e.kind(), e.getMessage());
        assertEquals("The mail server 127.0.0.1:" + port() + " does not offer STARTTLS, so Cristal did not send your "
                + "password. Choose TLS (port 465), or ask your provider for the right settings.", e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.FRENCH).startsWith("Le serveur de messagerie 127.0.0.1:" + port()
                + " ne propose pas STARTTLS"), e.message(Locale.FRENCH));
        assertNoSecret(e);
    }

    @Test
    void aTlsServerWithACertificateNobodyTrustsIsRefusedForGood() throws Exception {
        // GreenMail's SMTPS port presents its own self-signed certificate, which the JDK's trust store lacks.
        GreenMail smtps = new GreenMail(com.icegreen.greenmail.util.ServerSetupTest.SMTPS.dynamicPort());
        smtps.start();
        try {
            Map<String, String> s = settingsFor(smtps.getSmtps().getPort(), 1);
            s.put(SmtpNewsletterPlugin.SECURITY, "tls");
            PublishException e = assertThrows(PublishException.class,
                    () -> plugin.publish(request(secret(s)), contacts.context()));
            assertEquals(PublishException.Kind.PERMANENT, e.kind(), e.getMessage());
            assertEquals("The mail server 127.0.0.1:" + smtps.getSmtps().getPort() + " presented a certificate that is "
                    + "not trusted (self-signed, expired, or for another name), so Cristal did not send your password. "
                    + "Check the server name your provider gives.", e.message(Locale.ENGLISH));
            assertTrue(e.message(Locale.FRENCH).contains("un certificat non reconnu"), e.message(Locale.FRENCH));
            assertNoSecret(e);
            assertEquals(0, smtps.getReceivedMessages().length);
        } finally {
            smtps.stop();
        }
    }

    @Test
    void theRateLimitSpacesMessagesEvenly() throws Exception {
        contacts.people(4);
        Map<String, String> s = settings(port());
        s.put(SmtpNewsletterPlugin.RATE, "6"); // one every 10 seconds
        NewsletterFixture.FakeTime time = new NewsletterFixture.FakeTime();
        SmtpNewsletterPlugin paced = new SmtpNewsletterPlugin(new SmtpNewsletterPlugin.Tuning(time,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(20), 3));
        paced.publish(request(secret(s)), contacts.context().clock(time));
        assertEquals(4, mail.getReceivedMessages().length);
        assertEquals(Duration.ofSeconds(30), time.slept(), "three gaps of 10 s between four messages");
    }

    @Test
    void theRateLimitHoldsInRealTime() throws Exception {
        contacts.people(4);
        Map<String, String> s = settings(port());
        s.put(SmtpNewsletterPlugin.RATE, "600"); // one every 100 ms
        long start = System.nanoTime();
        plugin.publish(request(secret(s)), contacts.context());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(4, mail.getReceivedMessages().length);
        assertTrue(elapsedMs >= 300, "four messages at 600 a minute take at least 300 ms, took " + elapsedMs);
    }

    @Test
    void aCancelBeforeTheFirstRecipientSendsNothing() throws Exception {
        contacts.people(3);
        PublishException e = assertThrows(PublishException.class,
                () -> plugin.publish(request(secret(settings(port()))), contacts.context().cancelNow()));
        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void theTestRecipientGetsTheFirstCopyWithTheFallbacks() throws Exception {
        contacts.people(2);
        Map<String, String> s = settings(port());
        s.put(SmtpNewsletterPlugin.TEST_RECIPIENT, "me@nimbus-accounting.example");
        PublishResult result = plugin.publish(request(secret(s)), contacts.context());
        assertEquals(3, result.items());
        MimeMessage first = mail.getReceivedMessages()[0];
        assertEquals("me@nimbus-accounting.example", to(first));
        assertEquals("Hi, your tax checklist is inside", first.getSubject());
    }

    @Test
    void validateNamesEachMissingOrWrongSetting() throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put(SmtpNewsletterPlugin.USER, "someone");
        s.put(SmtpNewsletterPlugin.UNSUBSCRIBE, "http://plain.example/u?e={{email}}");
        s.put(SmtpNewsletterPlugin.RECIPIENTS, dir.resolve("missing.csv").toString()); // no longer read: no problem
        s.put(SmtpNewsletterPlugin.RATE, "-5");
        s.put(SmtpNewsletterPlugin.FROM, "not an address");
        List<String> keys = new ArrayList<>();
        plugin.validate(secret(s)).forEach(p -> keys.add(p.key()));
        assertEquals(Set.of("host", "from", "password", "unsubscribeUrl", "ratePerMinute"),
                Set.copyOf(keys));

        Map<String, String> good = settingsFor(port(), 1);
        assertEquals(List.of(), plugin.validate(secret(good)));
        assertFalse(secret(good).toString().contains(PASSWORD), "settings never print the password");
    }

    @Test
    void theProgressAndTheJournalNeverHoldThePassword() throws Exception {
        contacts.people(3);
        TestContext context = contacts.context();
        plugin.publish(request(secret(settings(port()))), context);
        assertTrue(context.progressReports().stream().noneMatch(r -> r.contains(PASSWORD)));
        assertTrue(context.journalMap().values().stream().noneMatch(v -> v.contains(PASSWORD)));
        assertTrue(context.progressReports().contains("0.6666666666666666 Sent 2 of 3."),
                context.progressReports().toString());
    }

    @Test
    void itIsListedAsABuiltInPlugin() {
        assertTrue(java.util.ServiceLoader.load(org.cristal.publish.spi.ChannelPlugin.class).stream()
                .anyMatch(p -> p.type() == SmtpNewsletterPlugin.class));
        assertEquals("smtp-newsletter", plugin.id());
    }
}
