package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.story.Variants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newsletter sent as an A/B test, through the publisher, to a real SMTP server (GreenMail). */
class NewsletterAbTestTest {
    private static final String STORY = "pain-ab";
    private static final String SOURCE = """
            ---
            title: "Notre pain au levain"
            slug: pain-au-levain
            lang: fr
            cta:
              label: "Commandez"
              url: "https://fournil.example/commande"
            channels:
              email:
                subject: "Notre pain au levain"
            variants:
              subject:
                b: "Le pain qui change tout"
            ---
            Un pain qui se garde une semaine. Voyez [notre carte](https://fournil.example/carte).
            """;
    private static final Map<String, String> SUBJECTS = Map.of("a", "Notre pain au levain",
            "b", "Le pain qui change tout");

    @TempDir
    Path dir;
    private PublishFixture f;
    private GreenMail mail;

    @BeforeEach
    void open() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        f = new PublishFixture(dir);
        f.plugins.add(new SmtpNewsletterPlugin());
        f.ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                Map.of("host", "127.0.0.1", "port", Integer.toString(mail.getSmtp().getPort()), "security", "none",
                        "from", "news@fournil.example", "ratePerMinute", "0")));
        f.ws.stories().save(STORY, SOURCE);
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
        mail.stop();
    }

    private static long contact(Workspace ws, String email, boolean consent) {
        long id = ws.audience().contacts().save(ContactDraft.of(email)).contact().id();
        if (consent) {
            ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
        }
        return id;
    }

    @Test
    void eachContactGetsOneMessageWithTheirArmsSubjectAndLinksTaggedWithTheArm() throws Exception {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            ids.put("p" + i + "@example.com", contact(f.ws, "p" + i + "@example.com", true));
        }
        contact(f.ws, "nope@example.com", false);
        Queued q = f.publisher.enqueueAbTest(STORY, "news", "", f.clock.instant(), PublishFixture.PARIS,
                Variants.Element.SUBJECT, AbTests.CLICKS, new AbTests.Plan(0.2, 0.05, false, 0.05, 0.8, 1091));
        Outcome o = f.publisher.send(q.entry().id(), (id, fraction, message) -> { }, () -> false);
        assertTrue(o.sent(), String.valueOf(o.message()));

        AbTests.Test test = f.ws.abTests().forStory(STORY).get(0);
        assertEquals(q.entry().id(), test.entry());
        assertEquals(1091, test.plan().plannedPerArm());
        Map<Long, String> arms = f.ws.abTests().arms(test.id());
        assertEquals(12, arms.size(), "the contact without consent is in no arm");
        Map<String, Integer> perArm = new HashMap<>();
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String address = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
            to.add(address);
            String arm = arms.get(ids.get(address));
            perArm.merge(arm, 1, Integer::sum);
            assertEquals(SUBJECTS.get(arm), m.getSubject(), address);
            String text = text(m);
            List<String> contents = contents(text);
            assertTrue(contents.size() >= 2, text);
            assertTrue(contents.stream().allMatch(arm::equals), address + " in " + arm + ": " + contents);
            assertTrue(text.contains("utm_source=newsletter&utm_medium=email&utm_campaign=pain-au-levain"), text);
        }
        assertEquals(12, to.size());
        assertEquals(12, to.stream().distinct().count(), "nobody twice");
        assertEquals(Map.of("a", 6, "b", 6), perArm);
        assertEquals(List.of(6, 6), f.ws.abTests().outcomes(test.id()).stream().map(AbTests.ArmOutcome::contacts)
                .toList());
    }

    @Test
    void aRestartAfterASendStoppedMidwayKeepsEveryContactsArm() throws Exception {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            ids.put("p" + i + "@example.com", contact(f.ws, "p" + i + "@example.com", true));
        }
        Instant at = f.clock.instant();
        Queued q = f.publisher.enqueueAbTest(STORY, "news", "", at, PublishFixture.PARIS, Variants.Element.SUBJECT,
                AbTests.CLICKS, AbTests.Plan.NONE);
        // The send stops after three messages (the laptop closed, the process gone).
        f.publisher.send(q.entry().id(), (id, fraction, message) -> { }, () -> mail.getReceivedMessages().length >= 3);
        assertEquals(3, mail.getReceivedMessages().length);
        long testId = f.ws.abTests().forStory(STORY).get(0).id();
        Map<Long, String> before = f.ws.abTests().arms(testId);
        assertEquals(10, before.size(), "every arm is recorded before the first message");
        f.close();
        f = null;

        try (Workspace ws = Workspace.open(dir.resolve("levain.cristal"))) {
            ids.put("late@example.com", contact(ws, "late@example.com", true));
            Publisher publisher = new Publisher(ws, () -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                    java.time.Clock.systemUTC(), () -> 0.0);
            Queued again = publisher.enqueueAbTest(STORY, "news", "", at, PublishFixture.PARIS,
                    Variants.Element.SUBJECT, AbTests.CLICKS, AbTests.Plan.NONE);
            assertEquals(q.entry().id(), again.entry().id(), "the same publication, resumed");
            Outcome o = publisher.send(again.entry().id(), (id, fraction, message) -> { }, () -> false);
            assertTrue(o.sent(), String.valueOf(o.message()));
            assertEquals(OutboxState.SENT, o.entry().state());
            Map<Long, String> after = ws.abTests().arms(testId);
            before.forEach((contact, arm) -> assertEquals(arm, after.get(contact)));
            assertEquals(11, after.size());
            assertEquals(1, ws.abTests().forStory(STORY).size(), "one test");
            List<String> to = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                String address = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
                to.add(address);
                assertEquals(SUBJECTS.get(after.get(ids.get(address))), m.getSubject(), address);
            }
            assertEquals(11, to.size());
            assertEquals(11, to.stream().distinct().count(), "nobody twice");
        }
    }

    @Test
    void aTestOfAnElementTheStoryDoesNotVaryIsRefusedAndNothingIsQueued() {
        contact(f.ws, "p@example.com", true);
        PublisherException e = assertThrows(PublisherException.class, () -> f.publisher.enqueueAbTest(STORY, "news",
                "", f.clock.instant(), PublishFixture.PARIS, Variants.Element.CTA, AbTests.CLICKS, AbTests.Plan.NONE));
        assertEquals("This story has no variants of “cta” to test: add them to its front matter "
                + "(variants: cta: b: …).", e.text().get(Locale.ENGLISH));
        assertTrue(f.ws.outbox().forStory(STORY).isEmpty());
        assertTrue(f.ws.abTests().forStory(STORY).isEmpty());
    }

    /** Every utm_content value of the message's links. */
    private static List<String> contents(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("utm_content=([a-z0-9-]+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The plain-text and HTML parts, decoded, one after the other. */
    private static String text(Part p) throws Exception {
        if (p.isMimeType("text/*")) {
            return (String) p.getContent();
        }
        StringBuilder out = new StringBuilder();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                out.append(text(b)).append('\n');
            }
        }
        return out.toString();
    }
}
