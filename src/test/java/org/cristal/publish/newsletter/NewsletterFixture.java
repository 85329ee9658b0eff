package org.cristal.publish.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;

/** A real SMTP server (GreenMail, on a free port), the corpus story with merge tags, and a recipients file. */
final class NewsletterFixture {
    static final String USER = "newsletter";
    static final String PASSWORD = "s3cret-Pa55-never-shown";
    static final String FROM = "news@nimbus-accounting.example";
    static final String UNSUBSCRIBE = "https://nimbus-accounting.example/unsubscribe?e={{email}}";

    private static final Map<String, PublishRequest> BASES = new HashMap<>();

    /** Fast retries and short timeouts; no rate limit unless a test sets one. */
    static final SmtpNewsletterPlugin.Tuning FAST = new SmtpNewsletterPlugin.Tuning(d -> Thread.sleep(d.toMillis()),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(20), 3);

    static GreenMail startServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser(FROM, USER, PASSWORD);
        return mail;
    }

    /** The nimbus story ({{first_name|Hi}} in the subject, {{first_name|there}} and {{company|…}} in the body). */
    static PublishRequest request(ChannelSettings settings) {
        return request(settings, "nimbus-tax-season");
    }

    /** A corpus story rendered as for publishing, to be sent with {@code settings}. */
    static synchronized PublishRequest request(ChannelSettings settings, String story) {
        PublishRequest base = BASES.computeIfAbsent(story, name -> {
            StoryDocument doc = Corpus.document(name);
            Brand brand = RenderFixtures.brandOf(doc);
            RenderOptions options = RenderFixtures.options();
            Renderers.All all = Renderers.renderAll(doc, brand, options, Runnable::run).join();
            return new PublishRequest("entry-1", "idem-7f3a", doc, 3, brand, all, options.assets(),
                    ChannelSettings.of(Map.of()), Instant.parse("2026-03-14T10:00:00Z"));
        });
        return new PublishRequest(base.entryId(), base.idempotencyKey(), base.story(), base.revision(), base.brand(),
                base.renditions(), base.assets(), settings, base.scheduledAt());
    }

    static Map<String, String> settings(int port) {
        Map<String, String> s = new HashMap<>();
        s.put(SmtpNewsletterPlugin.HOST, "127.0.0.1");
        s.put(SmtpNewsletterPlugin.PORT, Integer.toString(port));
        s.put(SmtpNewsletterPlugin.SECURITY, "none");
        s.put(SmtpNewsletterPlugin.USER, USER);
        s.put(SmtpNewsletterPlugin.PASSWORD, PASSWORD);
        s.put(SmtpNewsletterPlugin.FROM, FROM);
        s.put(SmtpNewsletterPlugin.FROM_NAME, "Nimbus Accounting");
        s.put(SmtpNewsletterPlugin.UNSUBSCRIBE, UNSUBSCRIBE);
        s.put(SmtpNewsletterPlugin.RATE, "0");
        return s;
    }

    static ChannelSettings secret(Map<String, String> values) {
        return new ChannelSettings(values, Set.of(SmtpNewsletterPlugin.PASSWORD));
    }

    /** A list of {@code n} people: person1@…, first names Person1 …. */
    static Path people(Path dir, int n) throws IOException {
        StringBuilder csv = new StringBuilder("email,first_name,last_name,company\n");
        for (int i = 1; i <= n; i++) {
            csv.append("person").append(i).append("@example.com,Person").append(i).append(",Doe,Firm ").append(i)
                    .append('\n');
        }
        return write(dir, "people.csv", csv.toString());
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** The first part of {@code type} in a received message, decoded. */
    static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) message.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                String found = part(p, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String to(MimeMessage m) throws Exception {
        return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
    }

    /** A clock that moves only when the pacer "sleeps", so the pace is checked without waiting. */
    static final class FakeTime extends Clock implements Pacer.Sleeper {
        private final AtomicLong nanos = new AtomicLong(Instant.parse("2026-03-14T10:00:00Z").toEpochMilli() * 1_000_000L);
        private final AtomicLong slept = new AtomicLong();

        @Override
        public void sleep(Duration d) {
            nanos.addAndGet(d.toNanos());
            slept.addAndGet(d.toNanos());
        }

        Duration slept() {
            return Duration.ofNanos(slept.get());
        }

        @Override
        public Instant instant() {
            long n = nanos.get();
            return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
