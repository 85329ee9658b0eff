package org.cristal.publish.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.OutboxJournal;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;

/**
 * The newsletter benchmark of docs/performance.md, run by hand (GreenMail is test-only, so this is not a
 * {@code cristal bench} line): {@code NewsletterBench [RECIPIENTS]}. Sends the corpus story with merge
 * fields to RECIPIENTS people on a local GreenMail with the plugin, journalled in a real workspace file,
 * stopped after 30 % and resumed; then the same with an in-memory journal; then a raw blast of the
 * rendition's one pre-built message over one connection (with Nagle's algorithm off like the plugin, then
 * for at most 1,000 messages with Jakarta Mail's defaults). Prints messages per second for each. Not a test.
 */
public final class NewsletterBench {
    private NewsletterBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("newsletter-bench");
        GreenMail mail = NewsletterFixture.startServer();
        try {
            int port = mail.getSmtp().getPort();
            System.out.printf("# newsletter bench — %s, Java %s, %d cores, %d recipients%n", Instant.now(),
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), n);
            SmtpNewsletterPlugin plugin = new SmtpNewsletterPlugin();

            // Warm-up: the JIT, GreenMail's and Jakarta Mail's classes.
            Path warm = Files.createDirectories(dir.resolve("warm"));
            try (NewsletterContacts few = new NewsletterContacts(warm)) {
                few.people(500);
                plugin.publish(request(port), few.context());
            }
            blast(port, 500, true);
            mail.purgeEmailFromAllMailboxes();

            PublishRequest request = request(port);
            // The audience: n contacts with consent in the workspace file, a frequency cap to check for each,
            // and as many again without consent (left out), as a real list has.
            NewsletterContacts contacts = new NewsletterContacts(dir);
            long a0 = System.nanoTime();
            contacts.people(n);
            for (int i = 1; i <= n; i++) {
                contacts.add("nobody" + i + "@example.com", "Nobody" + i, "Doe", Map.of(), false);
            }
            contacts.audience.setFrequencyCap(new org.cristal.library.audience.FrequencyCap(10, 7));
            System.out.printf("(%,d contacts added one by one in %.1f s)%n", 2 * n, seconds(a0));

            // 1. The plugin with the workspace's durable journal, stopped after 30 % and resumed; consent and
            // the cap checked right before each message, each delivery recorded.
            int stopAt = n * 3 / 10;
            double resumed;
            try (contacts) {
                Workspace ws = contacts.ws;
                OutboxEntry entry = ws.outbox().add(new OutboxEntry.New("bench-1", "nimbus-tax-season", 1,
                        "newsletter", "smtp-newsletter", "email", "", Instant.now(), ZoneOffset.UTC));
                Journal journal = new OutboxJournal(ws.outbox(), entry.id(), () -> { });
                long t0 = System.nanoTime();
                try {
                    plugin.publish(request, new JournalContext(journal).recipients(contacts.everyone())
                            .cancelAfter(1 + stopAt));
                    throw new IllegalStateException("the first attempt should have been stopped");
                } catch (PublishException e) {
                    if (e.kind() != PublishException.Kind.CANCELLED) {
                        throw e;
                    }
                }
                int firstRun = mail.getReceivedMessages().length;
                JournalContext second = new JournalContext(journal);
                second.recipients(contacts.everyone());
                plugin.publish(request, second);
                resumed = seconds(t0);
                MimeMessage[] got = mail.getReceivedMessages();
                Set<String> distinct = new HashSet<>();
                for (MimeMessage m : got) {
                    distinct.add(NewsletterFixture.to(m));
                }
                System.out.printf("plugin, workspace journal, stopped after %,d and resumed: %,d messages, %,d "
                        + "distinct, first of the second attempt %s (%s)%n", firstRun, got.length, distinct.size(),
                        NewsletterFixture.to(got[firstRun]), second.progressReports().get(0));
                report("plugin, audience, workspace journal", n, resumed);
                mail.purgeEmailFromAllMailboxes();

                // 2. The plugin with an in-memory journal: the audience's checks and records still go to the file.
                long t1 = System.nanoTime();
                plugin.publish(request, contacts.context());
                report("plugin, audience, in-memory journal", n, seconds(t1));
                check(mail, n);
                mail.purgeEmailFromAllMailboxes();
            }

            // 3. A raw blast of the rendition's pre-built message: one connection, nothing else; with Nagle's
            // algorithm off as the plugin has it, then with Jakarta Mail's defaults.
            long t2 = System.nanoTime();
            blast(port, n, true);
            report("raw SMTP blast, pre-built, TCP_NODELAY", n, seconds(t2));
            check(mail, n);
            mail.purgeEmailFromAllMailboxes();
            int few = Math.min(n, 1000);
            long t3 = System.nanoTime();
            blast(port, few, false);
            report("raw SMTP blast, pre-built, Jakarta defaults", few, seconds(t3));
            check(mail, few);
        } finally {
            mail.stop();
        }
    }

    private static PublishRequest request(int port) {
        Map<String, String> s = new java.util.HashMap<>(NewsletterFixture.settings(port));
        s.put(SmtpNewsletterPlugin.RATE, "0");
        return NewsletterFixture.request(NewsletterFixture.secret(s));
    }

    private static void blast(int port, int n, boolean noDelay) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.auth", "true");
        if (noDelay) {
            p.put("mail.smtp.socketFactory", NoDelaySockets.PLAIN);
        }
        Session session = Session.getInstance(p);
        PublishRequest request = NewsletterFixture.request(NewsletterFixture.secret(Map.of()));
        MimeMessage message = new MimeMessage(session,
                new ByteArrayInputStream(request.renditions().email().body().eml()));
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", port, NewsletterFixture.USER, NewsletterFixture.PASSWORD);
            for (int i = 1; i <= n; i++) {
                t.sendMessage(message, new Address[] {new InternetAddress("person" + i + "@example.com")});
            }
        }
    }

    private static void check(GreenMail mail, int n) {
        int got = mail.getReceivedMessages().length;
        if (got != n) {
            throw new IllegalStateException("GreenMail received " + got + " messages, not " + n);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String what, int n, double seconds) {
        System.out.printf("%-45s %,7d messages in %6.2f s = %7.1f messages/s%n", what, n, seconds, n / seconds);
    }

    /** The publish context with the workspace's journal instead of the in-memory one. */
    private static final class JournalContext extends TestContext {
        private final Journal journal;

        JournalContext(Journal journal) {
            this.journal = journal;
        }

        @Override
        public Journal journal() {
            return journal;
        }
    }
}
