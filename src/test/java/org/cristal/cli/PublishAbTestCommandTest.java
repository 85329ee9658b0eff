package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal publish STORY --channel NEWSLETTER --abtest ELEMENT}, with GreenMail as the server. */
class PublishAbTestCommandTest {
    @TempDir
    Path dir;
    private Locale saved;
    private GreenMail mail;

    @BeforeEach
    void setUp() throws Exception {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        CliPublishing.secrets = new MapSecrets();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.stories().save("pain", """
                    ---
                    title: "Notre pain au levain"
                    variants:
                      subject:
                        b: "Le pain qui change tout"
                    ---
                    Un pain qui se garde une semaine.
                    """);
            for (int i = 1; i <= 6; i++) {
                long id = ws.audience().contacts().save(ContactDraft.of("p" + i + "@example.com")).contact().id();
                ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                        Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
            }
        }
        CliRun r = cli("channels", "add", "smtp-newsletter", "--id", "news", "--name", "La lettre",
                "--set", "host=127.0.0.1", "--set", "port=" + mail.getSmtp().getPort(), "--set", "security=none",
                "--set", "from=news@fournil.example", "--set", "ratePerMinute=0");
        assertEquals(0, r.code(), r.err() + r.out());
    }

    @AfterEach
    void tearDown() {
        mail.stop();
        CliPublishing.secrets = null;
        Locale.setDefault(saved);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = dir.resolve("w.cristal").toString();
        return CliRun.of(all);
    }

    @Test
    void aNewsletterSentAsATestGivesHalfTheContactsEachSubject() throws Exception {
        CliRun r = cli("publish", "pain", "--channel", "news", "--abtest", "subject");
        assertEquals(0, r.code(), r.err() + r.out());
        Set<String> to = new TreeSet<>();
        int b = 0;
        for (MimeMessage m : mail.getReceivedMessages()) {
            to.add(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
            b += m.getSubject().equals("Le pain qui change tout") ? 1 : 0;
        }
        assertEquals(6, to.size());
        assertEquals(3, b);
    }

    @Test
    void thePlanTheUserGivesIsStoredWithTheTest() {
        CliRun r = cli("publish", "pain", "--channel", "news", "--abtest", "subject", "--abtest-outcome",
                "conversions", "--baseline", "0.2", "--mde", "0.05", "--planned-per-arm", "1091");
        assertEquals(0, r.code(), r.err() + r.out());
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            AbTests.Test t = ws.abTests().forStory("pain").get(0);
            assertEquals(new AbTests.Plan(0.2, 0.05, false, 0.05, 0.8, 1091), t.plan());
            assertEquals(AbTests.CONVERSIONS, t.outcome());
        }
    }

    @Test
    void aRateOutsideZeroAndOneIsOneClearLineAndNothingIsSent() {
        CliRun r = cli("publish", "pain", "--channel", "news", "--abtest", "subject", "--baseline", "1.4");
        assertEquals(2, r.code());
        assertEquals("Error: --baseline must be between 0 and 1 (0.20 for 20 %), not 1.4.", r.err().strip());
        CliRun noTest = cli("publish", "pain", "--channel", "news", "--baseline", "0.2");
        assertEquals(2, noTest.code());
        assertTrue(noTest.err().contains("go with --abtest ELEMENT"), noTest.err());
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void anElementThatCannotVaryIsOneClearLineAndNothingIsSent() {
        CliRun r = cli("publish", "pain", "--channel", "news", "--abtest", "colour");
        assertEquals(2, r.code());
        assertEquals("Error: Cannot test “colour”: an A/B test varies the subject, title, cta or lead.",
                r.err().strip());
        CliRun none = cli("publish", "pain", "--channel", "news", "--abtest", "cta");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("This story has no variants of “cta” to test"), none.err());
        assertEquals(0, mail.getReceivedMessages().length);
    }
}
