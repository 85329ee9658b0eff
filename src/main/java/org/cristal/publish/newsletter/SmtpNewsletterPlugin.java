package org.cristal.publish.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.Recipients;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.cristal.story.EmailMessage;
import org.cristal.story.Rendition;
import org.cristal.story.Urls;

/**
 * Sends the story's email rendition as a newsletter through the user's own SMTP server, one personalised
 * message per recipient of a CSV list ({@code {{first_name|there}}} filled per person, a one-click
 * unsubscribe link of their own), over one reused connection, at a set pace.
 *
 * <p>Resumable: each recipient the server accepted is written to the journal ({@code to:<address>} →
 * Message-ID) before the next is sent, and a later attempt skips them, so a crash or a cancel after 3,000
 * of 10,000 resumes at 3,001. Each message's Message-ID is derived from the publication's idempotency key
 * and the address, so a message sent again after a connection dropped at the worst moment carries the
 * same id and receivers can tell it is a copy. A recipient the server refuses for good (550) is written
 * as {@code failed:<address>} and counted; the others still get theirs.
 *
 * <p>An A/B test ({@link PublishRequest#emailArms()} not empty): each contact gets the e-mail of the arm
 * {@link Recipients#arm} names, recorded by Cristal before the send, so the same on every attempt.
 */
public final class SmtpNewsletterPlugin implements ChannelPlugin {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String USER = "username";
    static final String PASSWORD = "password";
    static final String FROM = "from";
    static final String FROM_NAME = "fromName";
    static final String REPLY_TO = "replyTo";
    static final String RECIPIENTS = "recipients";
    static final String UNSUBSCRIBE = "unsubscribeUrl";
    static final String UNSUBSCRIBE_ADDRESS = "unsubscribeAddress";
    static final String CONFIRM_URL = "confirmUrl";
    static final String RATE = "ratePerMinute";
    static final String TEST_RECIPIENT = "testRecipient";
    static final int DEFAULT_RATE = 60;

    /** Timeouts and retry pacing; tests shorten them. */
    record Tuning(Pacer.Sleeper sleeper, Duration connectTimeout, Duration readTimeout, Duration reconnectDelay,
            int reconnects) {
        static final Tuning DEFAULT = new Tuning(Pacer.REAL, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(2), 3);
    }

    private final Tuning tuning;

    public SmtpNewsletterPlugin() {
        this(Tuning.DEFAULT);
    }

    SmtpNewsletterPlugin(Tuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("smtp-newsletter", text("smtp.name"), Set.of(Channel.EMAIL))
            .description(text("smtp.description"))
            .icon("fth-mail")
            .sendsToContacts();
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(HOST, SettingSpec.Type.TEXT, text("smtp.setting.host"),
                        text("smtp.setting.host.help")),
                new SettingSpec(SECURITY, SettingSpec.Type.CHOICE, false, false, SmtpSettings.STARTTLS,
                        List.of(SmtpSettings.STARTTLS, SmtpSettings.TLS, SmtpSettings.NONE),
                        text("smtp.setting.security"), text("smtp.setting.security.help")),
                SettingSpec.optional(PORT, SettingSpec.Type.INTEGER, "", text("smtp.setting.port"),
                        text("smtp.setting.port.help")),
                SettingSpec.optional(USER, SettingSpec.Type.TEXT, "", text("smtp.setting.username"),
                        text("smtp.setting.username.help")),
                new SettingSpec(PASSWORD, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        text("smtp.setting.password"), text("smtp.setting.password.help")),
                SettingSpec.required(FROM, SettingSpec.Type.EMAIL, text("smtp.setting.from"),
                        text("smtp.setting.from.help")),
                SettingSpec.optional(FROM_NAME, SettingSpec.Type.TEXT, "", text("smtp.setting.fromName"),
                        text("smtp.setting.fromName.help")),
                SettingSpec.optional(REPLY_TO, SettingSpec.Type.EMAIL, "", text("smtp.setting.replyTo"),
                        text("smtp.setting.replyTo.help")),
                // Kept so accounts that name a file still load; the audience is the workspace's contacts now.
                SettingSpec.optional(RECIPIENTS, SettingSpec.Type.FILE, "", text("smtp.setting.recipients"),
                        text("smtp.setting.recipients.help")),
                SettingSpec.optional(UNSUBSCRIBE, SettingSpec.Type.TEXT, "", text("smtp.setting.unsubscribe"),
                        text("smtp.setting.unsubscribe.help", "https://example.com/unsubscribe?t={{token}}")),
                SettingSpec.optional(UNSUBSCRIBE_ADDRESS, SettingSpec.Type.EMAIL, "",
                        text("smtp.setting.unsubscribeAddress"), text("smtp.setting.unsubscribeAddress.help")),
                SettingSpec.optional(CONFIRM_URL, SettingSpec.Type.TEXT, "", text("smtp.setting.confirmUrl"),
                        text("smtp.setting.confirmUrl.help", "https://example.com/confirm?t={{token}}")),
                SettingSpec.optional(RATE, SettingSpec.Type.INTEGER, Integer.toString(DEFAULT_RATE),
                        text("smtp.setting.rate"), text("smtp.setting.rate.help")),
                SettingSpec.optional(TEST_RECIPIENT, SettingSpec.Type.EMAIL, "", text("smtp.setting.testRecipient"),
                        text("smtp.setting.testRecipient.help")));
    }

    @Override
    public List<SettingProblem> validate(ChannelSettings settings) {
        List<SettingProblem> out = new ArrayList<>(SettingProblem.basic(settings(), settings));
        int port = settings.getInt(PORT, 587);
        if (port < 1 || port > 65535) {
            out.add(new SettingProblem(PORT, text("smtp.problem.port")));
        }
        if (settings.get(USER).isPresent() && settings.values().getOrDefault(PASSWORD, "").isEmpty()) {
            out.add(new SettingProblem(PASSWORD, text("smtp.problem.password")));
        }
        for (String key : List.of(FROM, REPLY_TO, UNSUBSCRIBE_ADDRESS, TEST_RECIPIENT)) {
            settings.get(key).filter(a -> !CsvRecipients.valid(a)).filter(a -> out.stream().noneMatch(
                    p -> p.key().equals(key))).ifPresent(a -> out.add(new SettingProblem(key,
                    LocalText.fromBundle(PublishException.BUNDLE, "publish.setting.email"))));
        }
        if (settings.getInt(RATE, DEFAULT_RATE) < 0) {
            out.add(new SettingProblem(RATE, text("smtp.problem.rate")));
        }
        settings.get(CONFIRM_URL).ifPresent(template -> {
            String sample = NewsletterTemplate.unsubscribeUrl(template, Map.of("email", "someone@example.com"),
                    "1.ok-email-marketing.abcdefghijklmnopqrstuvwxyz");
            if (Urls.safeLink(sample).filter(u -> u.toLowerCase(Locale.ROOT).startsWith("https://")).isEmpty()) {
                out.add(new SettingProblem(CONFIRM_URL, text("smtp.problem.confirmUrl")));
            }
        });
        settings.get(UNSUBSCRIBE).ifPresent(template -> {
            String sample = NewsletterTemplate.unsubscribeUrl(template, Map.of("email", "someone@example.com"),
                    "1.email-marketing.abcdefghijklmnopqrstuvwxyz");
            Optional<String> safe = Urls.safeLink(sample);
            if (safe.isEmpty() || !safe.get().toLowerCase(Locale.ROOT).startsWith("https://")) {
                out.add(new SettingProblem(UNSUBSCRIBE, text("smtp.problem.unsubscribe")));
            }
        });
        return out;
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        SmtpSettings smtp = smtp(settings);
        try (SmtpConnection connection = new SmtpConnection(smtp)) {
            connection.connect();
        }
        return smtp.authenticates() ? text("smtp.connected", smtp.host(), smtp.user())
                : text("smtp.connectedAnonymous", smtp.host());
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        ChannelSettings settings = request.settings();
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            SettingProblem p = problems.get(0);
            throw PublishException.permanent(text("smtp.error.settings", p.key(), p.message().toString()));
        }
        Recipients audience = context.recipients().orElseThrow(
                () -> PublishException.permanent(text("smtp.error.noAudience")));
        if (audience.members().isEmpty() && audience.held().isEmpty()) {
            throw PublishException.permanent(text("smtp.error.nobody", segmentName(audience),
                    audience.leftOutTotal(), leftOut(audience)));
        }
        Rendition<EmailMessage> email = request.renditions().email();
        if (email == null) {
            throw PublishException.permanent(text("smtp.error.noEmail"));
        }
        SmtpSettings smtp = smtp(settings);
        try (SmtpConnection connection = new SmtpConnection(smtp)) {
            NewsletterTemplate template;
            Map<String, NewsletterTemplate> arms = new java.util.HashMap<>();
            try {
                template = NewsletterTemplate.of(email.body(), connection.session());
                for (Map.Entry<String, EmailMessage> arm : request.emailArms().entrySet()) {
                    arms.put(arm.getKey(), NewsletterTemplate.of(arm.getValue(), connection.session()));
                }
            } catch (MessagingException | IOException | ClassCastException e) {
                throw PublishException.permanent(text("smtp.error.noEmail"));
            }
            return new Run(request, context, connection, template, arms, audience).send();
        }
    }

    /** The account's unsubscribe page, else an https one the brand's footer has, else "". */
    static String httpsTemplate(ChannelSettings s, NewsletterTemplate template) {
        String rendered = template.renderedUnsubscribe();
        return s.get(UNSUBSCRIBE).orElse(rendered.toLowerCase(Locale.ROOT).startsWith("https://") ? rendered : "");
    }

    /** "the segment «clients»" or "your contacts", in each language. */
    static LocalText segmentName(Recipients audience) {
        return audience.segment().isEmpty() ? text("smtp.segment.everyone") : text("smtp.segment.named",
                audience.segment());
    }

    /** "28 no consent, 9 unsubscribed, 4 bounced, 0 over the cap" in each language. */
    static LocalText leftOut(Recipients audience) {
        return text("smtp.leftOut", audience.count(Recipients.LeftOut.NO_CONSENT),
                audience.count(Recipients.LeftOut.UNSUBSCRIBED), audience.count(Recipients.LeftOut.BOUNCED),
                audience.count(Recipients.LeftOut.OVER_CAP));
    }

    private SmtpSettings smtp(ChannelSettings settings) throws PublishException {
        settings.require(HOST);
        return SmtpSettings.of(settings, tuning.connectTimeout(), tuning.readTimeout());
    }

    /** One attempt at sending the newsletter. */
    private final class Run {
        private final PublishRequest request;
        private final PublishContext context;
        private final SmtpConnection connection;
        private final NewsletterTemplate template;
        private final Map<String, NewsletterTemplate> arms;
        private final Recipients audience;
        private final Journal journal;
        private final InternetAddress from;
        private final InternetAddress replyTo;
        private final String domain;
        private final String unsubscribeLabel;
        private final String mailbox;
        private final String httpsTemplate;
        private final EnumMap<Recipients.LeftOut, Integer> leftMidSend = new EnumMap<>(Recipients.LeftOut.class);
        private int sent;
        private int already;
        private int refused;
        private int deferred;
        private String lastRefusal = "";

        Run(PublishRequest request, PublishContext context, SmtpConnection connection, NewsletterTemplate template,
                Map<String, NewsletterTemplate> arms, Recipients audience) throws PublishException {
            this.request = request;
            this.context = context;
            this.connection = connection;
            this.template = template;
            this.arms = arms;
            this.audience = audience;
            this.journal = context.journal();
            ChannelSettings s = request.settings();
            String fromAddress = s.require(FROM);
            this.from = address(fromAddress, s.get(FROM_NAME, template.renderedFromName()));
            this.replyTo = s.get(REPLY_TO).map(a -> address(a, "")).orElse(null);
            this.mailbox = s.get(UNSUBSCRIBE_ADDRESS).or(() -> s.get(REPLY_TO)).orElse(fromAddress);
            this.httpsTemplate = httpsTemplate(s, template);
            String d = fromAddress.substring(fromAddress.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            this.domain = d.matches("[a-z0-9]([a-z0-9.-]{0,250}[a-z0-9])?") ? d : "cristal.invalid";
            Locale storyLocale = Locale.forLanguageTag(request.story().story().lang().isBlank() ? "en"
                    : request.story().story().lang());
            this.unsubscribeLabel = text("smtp.unsubscribe.label").get(storyLocale);
        }

        PublishResult send() throws PublishException {
            // Read once: this attempt is the entry's only writer, and a query per recipient costs more than
            // the send itself on a workspace file.
            Map<String, String> known = new java.util.HashMap<>(journal.all());
            List<Recipients.Member> list = new ArrayList<>();
            // The test recipient gets the first copy, with every merge field at its fallback.
            Optional<String> test = request.settings().get(TEST_RECIPIENT).filter(CsvRecipients::valid)
                    .filter(t -> audience.members().stream().noneMatch(m -> m.address().equalsIgnoreCase(t)));
            test.ifPresent(t -> list.add(new Recipients.Member("", t, "", Map.of("email", t), "test:"
                    + sha256(t.toLowerCase(Locale.ROOT)).substring(0, 32))));
            list.addAll(audience.members());
            // Those an earlier attempt of this entry reached may be over the cap because of it: still done.
            for (Recipients.Member m : audience.held()) {
                if (done(known, m) != null) {
                    list.add(m);
                    leftMidSend.merge(Recipients.LeftOut.OVER_CAP, -1, Integer::sum);
                }
            }
            holdOverCap(known);
            int total = list.size();
            int alreadyDone = 0;
            for (Recipients.Member r : list) {
                if (done(known, r) != null) {
                    alreadyDone++;
                }
            }
            context.progress(fraction(alreadyDone, total), alreadyDone == 0
                    ? text("smtp.progress.audience", audience.members().size(), segmentName(audience),
                            audience.leftOutTotal())
                    : text("smtp.progress.resume", alreadyDone, total));
            Pacer pacer = new Pacer(request.settings().getInt(RATE, DEFAULT_RATE), context.clock(), tuning.sleeper());
            int done = 0;
            for (Recipients.Member r : list) {
                String state = done(known, r);
                if ("to".equals(state)) {
                    already++;
                    done++;
                    continue;
                }
                if ("failed".equals(state)) {
                    refused++;
                    done++;
                    continue;
                }
                context.checkCancelled();
                boolean contact = !r.contactId().isEmpty();
                if (contact) {
                    // Right before the message: an unsubscribe, a bounce or a cap reached since the start counts.
                    Optional<Recipients.LeftOut> now = audience.check(r);
                    if (now.isPresent()) {
                        leftMidSend.merge(now.get(), 1, Integer::sum);
                        if (now.get() == Recipients.LeftOut.OVER_CAP) {
                            hold(known, r);
                        }
                        done++;
                        continue;
                    }
                }
                pacer.awaitTurn(context);
                String key = r.journalKey();
                String messageId = messageId(key);
                SmtpConnection.Delivery d = deliver(r, messageId, done, total);
                switch (d.outcome()) {
                    case SENT -> {
                        journal.put("to:" + key, messageId);
                        if (contact) {
                            audience.delivered(r, Recipients.Outcome.SENT, messageId);
                        }
                        sent++;
                    }
                    case REFUSED -> {
                        // The journal and the error text outlive an erasure's reach: no address in them.
                        journal.put("failed:" + key, withoutAddresses(d.reply()));
                        if (contact) {
                            audience.delivered(r, Recipients.Outcome.REFUSED, d.reply());
                            if (d.unknownUser()) {
                                audience.undeliverable(r);
                            }
                        }
                        refused++;
                        lastRefusal = withoutAddresses(d.reply());
                    }
                    case DEFERRED -> deferred++;
                }
                done++;
                context.progress(fraction(done, total), text("smtp.progress.sent", done, total));
            }
            if (deferred > 0) {
                throw PublishException.transientFailure(text("smtp.error.deferred", deferred, total), null);
            }
            int reached = sent + already;
            if (reached == 0 && refused > 0) {
                throw PublishException.permanent(text("smtp.error.allRefused", refused, lastRefusal));
            }
            if (reached == 0) {
                throw PublishException.permanent(text("smtp.error.nobody", segmentName(audience),
                        audience.leftOutTotal() + midSend(), leftOut()));
            }
            context.progress(1, text("smtp.progress.finished", reached, audience.leftOutTotal() + midSend(),
                    leftOut(), refused));
            return new PublishResult("", "", context.clock().instant(), reached);
        }

        private int midSend() {
            return leftMidSend.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The left-out counts at the start plus those left out mid-send, in words. */
        private LocalText leftOut() {
            java.util.function.ToIntFunction<Recipients.LeftOut> n = r -> audience.count(r)
                    + leftMidSend.getOrDefault(r, 0);
            return text("smtp.leftOut", n.applyAsInt(Recipients.LeftOut.NO_CONSENT),
                    n.applyAsInt(Recipients.LeftOut.UNSUBSCRIBED), n.applyAsInt(Recipients.LeftOut.BOUNCED),
                    n.applyAsInt(Recipients.LeftOut.OVER_CAP));
        }

        /** Records, once per entry, those the cap held back (unless an earlier attempt already reached them). */
        private void holdOverCap(Map<String, String> known) {
            for (Recipients.Member m : audience.held()) {
                if (done(known, m) == null) {
                    hold(known, m);
                }
            }
        }

        private void hold(Map<String, String> known, Recipients.Member m) {
            String key = "held:" + m.journalKey();
            if (!known.containsKey(key)) {
                audience.delivered(m, Recipients.Outcome.HELD, "");
                journal.put(key, "");
                known.put(key, "");
            }
        }

        /**
         * "to" or "failed" when an earlier attempt reached or lost the member, else null; by hash, or by the
         * address itself in an entry an older version of Cristal began.
         */
        private String done(Map<String, String> known, Recipients.Member m) {
            String address = m.address().toLowerCase(Locale.ROOT);
            for (String state : List.of("to", "failed")) {
                if (known.containsKey(state + ":" + m.journalKey()) || known.containsKey(state + ":" + address)) {
                    return state;
                }
            }
            return null;
        }

        /** Sends one message, reconnecting a few times if the connection drops; the same message each time. */
        private SmtpConnection.Delivery deliver(Recipients.Member r, String messageId, int done, int total)
                throws PublishException {
            MimeMessage message;
            try {
                // An A/B test: the member's recorded arm, the same on every attempt; the test copy is the control.
                NewsletterTemplate own = r.contactId().isEmpty() ? template
                        : arms.getOrDefault(audience.arm(r), template);
                message = own.build(connection.session(), r, new NewsletterTemplate.Envelope(from, replyTo,
                        messageId, context.clock().instant().atZone(java.time.ZoneOffset.UTC), unsubscribeLabel),
                        unsubscribe(r));
            } catch (MessagingException e) {
                // Only a bug of ours gets here (every input was checked); this recipient cannot be sent.
                return new SmtpConnection.Delivery(SmtpConnection.Outcome.REFUSED, String.valueOf(e.getMessage()), false);
            }
            InternetAddress to = (InternetAddress) addressOf(r);
            if (to == null) {
                // An address the contacts screen let through but mail cannot carry: this one only is lost.
                return new SmtpConnection.Delivery(SmtpConnection.Outcome.REFUSED, "invalid address", false);
            }
            PublishException lastFailure = null;
            for (int attempt = 0; attempt <= tuning.reconnects(); attempt++) {
                if (attempt > 0) {
                    pause(tuning.reconnectDelay().multipliedBy(1L << Math.min(attempt - 1, 6)));
                }
                try {
                    if (!connected) {
                        connection.connect();
                        connected = true;
                        everConnected = true;
                    }
                    return connection.send(message, to);
                } catch (SmtpConnection.Dropped e) {
                    connected = false;
                    connection.close();
                } catch (PublishException e) {
                    if (!e.isTransient() || !everConnected) {
                        throw e; // wrong password, TLS refused, or the server was never reachable: say so now
                    }
                    lastFailure = e;
                }
                context.checkCancelled();
            }
            throw PublishException.transientFailure(text("smtp.error.dropped",
                    request.settings().get(HOST, ""), done, total), lastFailure);
        }

        private boolean connected;
        private boolean everConnected;

        private void pause(Duration d) throws PublishException {
            context.checkCancelled();
            try {
                tuning.sleeper().sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PublishException.cancelled();
            }
        }

        private String messageId(String key) {
            return "<" + sha256(request.idempotencyKey() + '\0' + key).substring(0, 32) + ".newsletter@" + domain + ">";
        }

        /** The member's own unsubscribe links; the test recipient's go nowhere (they are no contact). */
        private NewsletterTemplate.Unsubscribe unsubscribe(Recipients.Member r) {
            if (r.contactId().isEmpty()) {
                return new NewsletterTemplate.Unsubscribe(NewsletterTemplate.unsubscribeUrl(httpsTemplate,
                        r.fields(), ""), "");
            }
            String token = audience.unsubscribeToken(r);
            return new NewsletterTemplate.Unsubscribe(NewsletterTemplate.unsubscribeUrl(httpsTemplate, r.fields(),
                    token), audience.unsubscribeMailto(r, mailbox));
        }
    }

    private static jakarta.mail.Address addressOf(Recipients.Member r) throws PublishException {
        try {
            return new InternetAddress(r.address(), true);
        } catch (AddressException e) {
            return null;
        }
    }

    private static InternetAddress address(String address, String name) {
        try {
            return name.isBlank() ? new InternetAddress(address, true) : new InternetAddress(address, name, "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // validated before
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server's reply with any e-mail address in it replaced by "…" ("550 5.1.1 <…>: unknown user"). */
    static String withoutAddresses(String reply) {
        return reply == null ? "" : reply.replaceAll("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+", "\u2026");
    }

    private static double fraction(int done, int total) {
        return total == 0 ? 1 : (double) done / total;
    }

    /** A message of the bundle; arguments that are {@link LocalText} are used in each language. */
    private static LocalText text(String key, Object... args) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String lang : List.of("en", "fr")) {
            Locale locale = Locale.forLanguageTag(lang);
            Object[] resolved = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = args[i] instanceof LocalText t ? t.get(locale) : args[i];
            }
            out.put(lang, LocalText.fromBundle(PublishException.BUNDLE, key, resolved).get(locale));
        }
        return new LocalText(out);
    }
}
