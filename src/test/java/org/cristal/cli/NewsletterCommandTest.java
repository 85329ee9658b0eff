package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal publish --segment} and {@code cristal settings frequency-cap}, with GreenMail as the server. */
class NewsletterCommandTest {
    private static final String PASSWORD = "smtp-Pa55-cli-test";
    @TempDir
    Path dir;
    private Locale saved;
    private InputStream stdin;
    private GreenMail mail;

    @BeforeEach
    void setUp() {
        saved = Locale.getDefault();
        stdin = System.in;
        Locale.setDefault(Locale.ENGLISH);
        CliPublishing.secrets = new MapSecrets();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser("news@fournil.example", "news", PASSWORD);
        assertEquals(0, cli("workspace", "import", Corpus.root().toString()).code());
    }

    @AfterEach
    void tearDown() {
        mail.stop();
        CliPublishing.secrets = null;
        System.setIn(stdin);
        Locale.setDefault(saved);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = dir.resolve("w.cristal").toString();
        return CliRun.of(all);
    }

    private void addNewsletter() {
        System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        CliRun r = cli("channels", "add", "smtp-newsletter", "--id", "news", "--name", "La lettre du fournil",
                "--set", "host=127.0.0.1", "--set", "port=" + mail.getSmtp().getPort(), "--set", "security=none",
                "--set", "username=news", "--set", "from=news@fournil.example", "--set", "ratePerMinute=0",
                "--secret", "password");
        assertEquals(0, r.code(), r.err() + r.out());
    }

    private void contacts() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            Audience a = ws.audience();
            for (String email : new String[] {"ann@example.com", "ben@example.com", "cleo@example.com"}) {
                long id = a.contacts().save(ContactDraft.of(email)).contact().id();
                if (!email.startsWith("cleo")) {
                    a.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                            Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
                }
            }
        }
    }

    @Test
    void aNewsletterGoesToTheContactsWhoAgreedAndTheChecklistSaysWhoIsLeftOut() throws Exception {
        addNewsletter();
        contacts();
        CliRun r = cli("publish", "boulangerie-levain", "--channel", "news");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("  Reaches 2 · 1 left out (1 no consent, 0 unsubscribed, 0 bounced, 0 over the cap)"),
                r.out());
        assertTrue(r.out().contains("Published #1 to news: -"), r.out());
        Set<String> to = new TreeSet<>();
        for (var m : mail.getReceivedMessages()) {
            to.add(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
        }
        assertEquals(Set.of("ann@example.com", "ben@example.com"), to);
        assertFalse(r.out().contains(PASSWORD));
    }

    @Test
    void aSegmentThatDoesNotExistIsOneClearLineAndNothingIsQueued() {
        addNewsletter();
        contacts();
        CliRun r = cli("publish", "boulangerie-levain", "--channel", "news", "--segment", "clients");
        assertEquals(2, r.code());
        assertEquals("Error: There is no segment named “clients”. Segments: —.", r.err().strip());
        assertEquals("", r.out());
        assertTrue(cli("outbox", "list").out().contains("No publications."));
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void aSegmentForAnAccountThatDoesNotSendToContactsIsRefused() {
        CliRun r = cli("publish", "boulangerie-levain", "--channel", "export", "--segment", "clients");
        assertEquals(2, r.code(), r.out());
    }

    @Test
    void theFrequencyCapIsShownSetAndTurnedOff() {
        CliRun none = cli("settings", "frequency-cap");
        assertEquals(0, none.code(), none.err());
        assertEquals("No frequency cap: contacts who agreed get every marketing message.", none.out().strip());

        CliRun set = cli("settings", "frequency-cap", "--messages", "2", "--days", "7");
        assertEquals(0, set.code(), set.err());
        assertEquals("Frequency cap: at most 2 marketing messages per contact every 7 days, across every channel "
                + "(service messages are exempt).", set.out().strip());
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            assertEquals(2, ws.audience().frequencyCap().messages());
            assertEquals(7, ws.audience().frequencyCap().days());
        }
        assertTrue(cli("settings", "frequency-cap").out().contains("at most 2 marketing messages"));

        CliRun half = cli("settings", "frequency-cap", "--messages", "2");
        assertEquals(2, half.code());
        assertTrue(half.err().contains("Give both --messages N and --days D"), half.err());
        assertEquals(2, cli("settings", "frequency-cap", "--messages", "0", "--days", "7").code());

        CliRun off = cli("settings", "frequency-cap", "--off");
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().startsWith("No frequency cap"), off.out());
    }

    @Test
    void frenchUsersReadTheCapInFrench() {
        Locale.setDefault(Locale.FRENCH);
        CliRun set = cli("settings", "frequency-cap", "--messages", "3", "--days", "14");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.out().startsWith("Plafond d’envoi\u00a0: au plus 3 messages marketing"), set.out());
        assertFalse(Map.of().containsKey(set.out()));
    }
}
