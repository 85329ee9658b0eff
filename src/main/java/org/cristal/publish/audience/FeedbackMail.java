package org.cristal.publish.audience;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Feedback;
import org.cristal.library.audience.Folding;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.UnsubscribeTokens;

/**
 * Reads one e-mail of the unsubscribe mailbox and says what it asks for (docs/unsubscribes.md, "Reading
 * unsubscribes back"):
 * <ul>
 * <li>a delivery status report (RFC 3464): {@code Action: failed} with a 5.x.x status is a hard bounce,
 * {@code delayed} or a 4.x.x status a soft one, for the address of {@code Final-Recipient} (else
 * {@code Original-Recipient});
 * <li>a complaint (RFC 5965, {@code Feedback-Type: abuse}): for the contact whose token the reported
 * message carries, else its {@code Original-Rcpt-To};
 * <li>a token of a double opt-in confirmation: a grant; an unsubscribe token: a withdrawal. Either counts in
 * the subject (what a {@code mailto:} link puts there), or in the body of a message that is not a reply, in
 * lines above any quote (a reply quotes the newsletter's footer and its token: a question asked in reply
 * must not unsubscribe);
 * <li>a bounce without a report, as some servers still send (from {@code MAILER-DAEMON} or
 * {@code postmaster}, or a subject such as "Undelivered Mail Returned to Sender"): an enhanced status code
 * (5.1.1) or an SMTP reply (550) in its text, for the first address in the text that is a contact;
 * <li>a message from a contact's own address saying "unsubscribe", "désabonner", "désinscrire" (or "STOP"
 * alone on a line: "can I stop by?" is no request) in its subject or first lines of its own: the person asked, so it is honoured; never from an unknown
 * sender, and never by a word buried in quoted text.
 * </ul>
 * Anything else is not for Cristal, and is left as it is in the mailbox.
 */
final class FeedbackMail {
    private static final int MAX_TEXT = 64 * 1024;
    private static final Pattern STATUS = Pattern.compile("\\b([245])\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern SMTP_REPLY = Pattern.compile("(?m)(?:^|said:\\s*|:\\s)([45])\\d\\d[ -]");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("undeliver|returned to sender|returned mail|"
            + "delivery status notification|delivery failure|failure notice|delivery has failed|mail delivery failed|"
            + "non remis|non distribuable|echec de (la )?(remise|distribution)|remise impossible");
    private static final Pattern STOP_WORDS = Pattern.compile(
            "\\b(unsubscribe|desabonn\\w*|desinscri\\w*|remove me)\\b|(?m)^\\W*stop\\W*$");

    private final UnsubscribeTokens tokens;
    /** Whether an address is one of the workspace's contacts. */
    private final Predicate<String> known;
    private final String source;

    FeedbackMail(UnsubscribeTokens tokens, Predicate<String> known, String source) {
        this.tokens = tokens;
        this.known = known;
        this.source = source;
    }

    /** The changes {@code m} asks for; empty when it is not a message for Cristal. */
    List<Feedback.Change> read(Message m) throws MessagingException, IOException {
        Instant at = Optional.ofNullable(m.getSentDate()).map(Date::toInstant).orElse(Instant.now());
        String proof = proof(m);
        ContentType type = type(m);
        if (type.match("multipart/report")) {
            String report = String.valueOf(type.getParameter("report-type")).toLowerCase(Locale.ROOT);
            if (report.contains("delivery-status")) {
                return bounces(m);
            }
            if (report.contains("feedback-report")) {
                return complaint(m, at, proof);
            }
        }
        String subject = Optional.ofNullable(m.getSubject()).orElse("");
        String body = text(m);
        // A token counts in the subject (where a mailto: link puts it) or in lines the sender wrote, never in
        // a reply's quote: a question in reply to a newsletter must not unsubscribe, nor confirm.
        String own = isReply(m) ? "" : ownLines(body, Integer.MAX_VALUE);
        Optional<UnsubscribeTokens.Request> confirm = tokens.verifyConfirm(subject).or(() -> tokens.verifyConfirm(own));
        if (confirm.isPresent()) {
            UnsubscribeTokens.Request r = confirm.get();
            return List.of(new Feedback.Grant(r.contactId(), ConsentEvent.grant(r.channel(), r.purpose(), at,
                    ConsentMethod.DOUBLE_OPT_IN, source, proof)));
        }
        Optional<UnsubscribeTokens.Request> asked = tokens.verify(subject).or(() -> tokens.verify(own));
        if (asked.isPresent()) {
            UnsubscribeTokens.Request r = asked.get();
            return List.of(new Feedback.Withdraw(r.contactId(), ConsentEvent.withdraw(r.channel(), r.purpose(), at,
                    ConsentMethod.UNSUBSCRIBE_MAIL, source, proof)));
        }
        String from = from(m);
        if (looksLikeBounce(from, subject)) {
            return textBounce(from, body);
        }
        if (!from.isEmpty() && known.test(from)) {
            String asking = Folding.fold(subject + "\n" + ownLines(body, 3));
            if (STOP_WORDS.matcher(asking).find()) {
                return List.of(new Feedback.WithdrawAddress(from, ConsentEvent.withdraw(ContactChannel.EMAIL,
                        Purpose.MARKETING, at, ConsentMethod.UNSUBSCRIBE_MAIL, source, proof), false));
            }
        }
        return List.of();
    }

    /** A stable name for the message, so that reading it again applies nothing twice. */
    static String key(Message m, String fallback) throws MessagingException {
        String[] id = m.getHeader("Message-ID");
        return id != null && id.length > 0 && !id[0].isBlank() ? "mail:" + id[0].strip() : "mail-uid:" + fallback;
    }

    /** The request's date and Message-ID: what the ledger keeps as proof, never the message's text. */
    private static String proof(Message m) throws MessagingException {
        String[] id = m.getHeader("Message-ID");
        String[] date = m.getHeader("Date");
        return "Date: " + (date == null ? "" : date[0].strip()) + "; Message-ID: " + (id == null ? "" : id[0].strip());
    }

    private List<Feedback.Change> bounces(Part m) throws MessagingException, IOException {
        List<Feedback.Change> out = new ArrayList<>();
        for (Part p : parts(m)) {
            ContentType t = type(p);
            if (!t.match("message/delivery-status") && !t.match("message/global-delivery-status")) {
                continue;
            }
            // The per-message fields, then one block of fields per recipient, separated by blank lines.
            for (String block : read(p).replace("\r", "").split("\n\\s*\n")) {
                String recipient = address(field(block, "Final-Recipient")).or(() -> address(field(block,
                        "Original-Recipient"))).orElse("");
                if (recipient.isEmpty()) {
                    continue;
                }
                String action = field(block, "Action").toLowerCase(Locale.ROOT);
                String status = field(block, "Status");
                if (action.startsWith("failed") && status.startsWith("5")) {
                    out.add(new Feedback.HardBounce(recipient));
                } else if (action.startsWith("delayed") || (action.startsWith("failed") && status.startsWith("4"))) {
                    out.add(new Feedback.SoftBounce(recipient));
                }
            }
        }
        return out;
    }

    private List<Feedback.Change> complaint(Part m, Instant at, String proof) throws MessagingException, IOException {
        String type = "";
        String recipient = "";
        StringBuilder original = new StringBuilder();
        for (Part p : parts(m)) {
            ContentType t = type(p);
            if (t.match("message/feedback-report")) {
                String report = read(p).replace("\r", "");
                type = field(report, "Feedback-Type").toLowerCase(Locale.ROOT);
                recipient = address(field(report, "Original-Rcpt-To")).orElse("");
            } else if (t.match("message/rfc822") || t.match("text/rfc822-headers")) {
                original.append(read(p)).append('\n');
            }
        }
        if (!type.startsWith("abuse")) {
            return List.of();
        }
        // The reported message is ours: its List-Unsubscribe names the contact even when the address is hidden.
        String headers = original.toString();
        long contact = tokens.verify(headers).map(UnsubscribeTokens.Request::contactId).orElse(0L);
        if (recipient.isEmpty()) {
            recipient = address(field(headers.replace("\r", ""), "To")).orElse("");
        }
        if (contact == 0 && recipient.isEmpty()) {
            return List.of();
        }
        return List.of(new Feedback.Complaint(contact, recipient, ConsentEvent.withdraw(ContactChannel.EMAIL,
                Purpose.MARKETING, at, ConsentMethod.COMPLAINT, source, proof)));
    }

    private List<Feedback.Change> textBounce(String from, String body) {
        Matcher status = STATUS.matcher(body);
        String kind = "";
        while (status.find()) {
            if (!status.group(1).equals("2")) {
                kind = status.group(1);
                break;
            }
        }
        if (kind.isEmpty()) {
            Matcher reply = SMTP_REPLY.matcher(body);
            kind = reply.find() ? reply.group(1) : "";
        }
        if (kind.isEmpty()) {
            return List.of();
        }
        Matcher a = ADDRESS.matcher(body);
        while (a.find()) {
            String address = a.group();
            if (!address.equalsIgnoreCase(from) && known.test(address)) {
                return List.of(kind.equals("5") ? new Feedback.HardBounce(address) : new Feedback.SoftBounce(address));
            }
        }
        return List.of();
    }

    private static boolean looksLikeBounce(String from, String subject) {
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')).toLowerCase(Locale.ROOT) : "";
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.equals("mail-daemon")
                || BOUNCE_SUBJECT.matcher(Folding.fold(subject)).find();
    }

    private static boolean isReply(Message m) throws MessagingException {
        return m.getHeader("In-Reply-To") != null || m.getHeader("References") != null;
    }

    /** The first {@code max} non-blank lines the sender wrote, without quoted lines or what follows "wrote:". */
    private static String ownLines(String body, int max) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String line : body.split("\\R")) {
            String l = line.strip();
            if (l.startsWith(">") || l.equals("--") || l.matches("(?i).*(wrote|a écrit)\\s*:\\s*$")
                    || l.startsWith("-----")) {
                break;
            }
            if (!l.isEmpty()) {
                out.append(l).append('\n');
                if (++n >= max) {
                    break;
                }
            }
        }
        return out.toString();
    }

    private static String from(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null) {
            return ia.getAddress().strip();
        }
        return "";
    }

    /** The value of the first {@code name:} field in a block of header-like fields, unfolded. */
    static String field(String block, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*(?:\\n[ \\t].*)*)").matcher(block);
        return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : "";
    }

    /** The address of a field such as {@code rfc822; anna@example.org} or {@code "Anna" <anna@example.org>}. */
    private static Optional<String> address(String value) {
        Matcher a = ADDRESS.matcher(value);
        return a.find() ? Optional.of(a.group()) : Optional.empty();
    }

    /** The message's readable text: its first text/plain part, else its HTML without tags. */
    private static String text(Part m) throws MessagingException, IOException {
        String html = null;
        for (Part p : parts(m)) {
            ContentType t = type(p);
            if (t.match("text/plain")) {
                return read(p);
            }
            if (html == null && t.match("text/html")) {
                html = read(p).replaceAll("(?s)<[^>]*>", " ");
            }
        }
        return html == null ? "" : html;
    }

    /** {@code m} itself and every part inside it, depth first. */
    private static List<Part> parts(Part m) throws MessagingException, IOException {
        List<Part> out = new ArrayList<>();
        collect(m, out, 0);
        return out;
    }

    private static void collect(Part p, List<Part> out, int depth) throws MessagingException, IOException {
        out.add(p);
        if (depth > 5 || !p.isMimeType("multipart/*")) {
            return;
        }
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                collect(b, out, depth + 1);
            }
        }
    }

    private static ContentType type(Part p) throws MessagingException {
        try {
            return new ContentType(Optional.ofNullable(p.getContentType()).orElse("text/plain"));
        } catch (ParseException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    /** A part's decoded bytes as text, in its charset (UTF-8 when it names none), at most 64 KB. */
    private static String read(Part p) throws MessagingException, IOException {
        Charset cs = StandardCharsets.UTF_8;
        String name = type(p).getParameter("charset");
        if (name != null) {
            try {
                cs = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // an unknown charset: read as UTF-8, the letters that matter here are ASCII
            }
        }
        try (InputStream in = p.getInputStream()) {
            return new String(in.readNBytes(MAX_TEXT), cs);
        }
    }

}
