package org.cristal.publish.newsletter;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.cristal.render.email.FixedIdMessage;
import org.cristal.story.HtmlSanitizer;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.publish.spi.Recipients;
import org.cristal.render.common.MergeTags;
import org.cristal.story.EmailMessage;

/**
 * The email rendition taken apart once (subject, plain text, HTML, inline images), then put together
 * again for each recipient with the merge fields filled: HTML-escaped in the HTML part, URL-encoded in
 * the unsubscribe link, as written in the subject and the plain text.
 */
final class NewsletterTemplate {
    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private final String subject;
    private final String text;
    private final String html;
    private final String language;
    private final String renderedFromName;
    /** The unsubscribe link the renderer wrote into the footer, or "" when it had none. */
    private final String renderedUnsubscribe;
    private final List<RawPart> images;

    /** An inline image as it came, still base64-encoded, to be copied into every message. */
    private record RawPart(List<String> headerLines, byte[] encoded) {
    }

    private NewsletterTemplate(String subject, String text, String html, String language, String fromName,
            String renderedUnsubscribe, List<RawPart> images) {
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.language = language;
        this.renderedFromName = fromName;
        this.renderedUnsubscribe = renderedUnsubscribe;
        this.images = images;
    }

    /** Reads the rendition's assembled message. */
    static NewsletterTemplate of(EmailMessage email, Session session) throws MessagingException, IOException {
        MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(email.eml()));
        String unsubscribe = msg.getHeader("List-Unsubscribe", null);
        unsubscribe = unsubscribe == null ? "" : unsubscribe.strip().replaceAll("^<|>$", "");
        String fromName = "";
        if (msg.getFrom() != null && msg.getFrom().length > 0 && msg.getFrom()[0] instanceof InternetAddress a) {
            fromName = a.getPersonal() == null ? "" : a.getPersonal();
        }
        String lang = msg.getHeader("Content-Language", null);
        String[] parts = {null, null};
        List<RawPart> images = new ArrayList<>();
        collect(msg, parts, images);
        if (parts[0] == null || parts[1] == null) {
            throw new MessagingException("the email rendition has no plain-text or no HTML part");
        }
        return new NewsletterTemplate(msg.getSubject() == null ? "" : msg.getSubject(), parts[0], parts[1],
                lang == null ? "" : lang, fromName, unsubscribe, List.copyOf(images));
    }

    private static void collect(Part part, String[] texts, List<RawPart> images) throws MessagingException,
            IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), texts, images);
            }
        } else if (part.isMimeType("text/plain") && texts[0] == null) {
            texts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && texts[1] == null) {
            texts[1] = (String) part.getContent();
        } else if (part instanceof MimeBodyPart body) {
            List<String> lines = Collections.list(body.getAllHeaderLines());
            try (InputStream raw = body.getRawInputStream()) {
                images.add(new RawPart(lines, raw.readAllBytes()));
            }
        }
    }

    /** The unsubscribe link the renderer wrote (the brand's), or "". */
    String renderedUnsubscribe() {
        return renderedUnsubscribe;
    }

    /** The name the brand signs with, when the account gives none. */
    String renderedFromName() {
        return renderedFromName;
    }

    /** What one message needs besides the recipient's fields. */
    record Envelope(InternetAddress from, InternetAddress replyTo, String messageId, ZonedDateTime date,
            String unsubscribeLabel) {
    }

    /**
     * A recipient's own ways to unsubscribe: an https link (One-Click, RFC 8058) when the account has one,
     * and a {@code mailto:} with their token in the subject; either may be "".
     */
    record Unsubscribe(String https, String mailto) {
        /** The link shown in the footer: the web page when there is one, else the reply. */
        String visible() {
            return https.isEmpty() ? mailto : https;
        }
    }

    /**
     * The per-recipient unsubscribe URL: the template's merge fields URL-encoded, and the recipient's token
     * as {@code {{token}}} or, when the template does not place it, as a {@code t} parameter at the end;
     * "" without a template.
     */
    static String unsubscribeUrl(String template, Map<String, String> fields, String token) {
        if (template.isEmpty()) {
            return "";
        }
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("token", token);
        String url = MergeTags.fill(template, all,
                v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        if (token.isEmpty() || template.contains("{{token")) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String base = hash < 0 ? url : url.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + "t=" + token + fragment;
    }

    /** One recipient's subject, plain text and HTML, as they will read them (the preview as a contact). */
    record Personal(String subject, String text, String html) {
    }

    /** The recipient's texts: merge fields filled, the footer's unsubscribe link their own. */
    Personal personal(Map<String, String> fields, Unsubscribe u, String unsubscribeLabel) {
        String unsubscribe = u.visible();
        String personalText = MergeTags.fill(text, fields, v -> v);
        String personalHtml = MergeTags.fill(html, fields, HtmlSanitizer::escape);
        if (!unsubscribe.isEmpty()) {
            if (!renderedUnsubscribe.isEmpty()) {
                personalText = personalText.replace(renderedUnsubscribe, unsubscribe);
                personalHtml = personalHtml.replace(HtmlSanitizer.escape(renderedUnsubscribe), HtmlSanitizer.escape(unsubscribe));
            }
            if (!personalHtml.contains(HtmlSanitizer.escape(unsubscribe))) {
                personalText = personalText.stripTrailing() + "\n\n" + unsubscribeLabel + ": " + unsubscribe
                        + "\n";
                personalHtml = withFooterLink(personalHtml, unsubscribe, unsubscribeLabel);
            }
        }
        return new Personal(MergeTags.fill(subject, fields, v -> v.replaceAll("[\\r\\n]+", " ")), personalText,
                personalHtml);
    }

    /** One recipient's message. */
    MimeMessage build(Session session, Recipients.Member to, Envelope e, Unsubscribe u) throws MessagingException {
        Personal p = personal(to.fields(), u, e.unsubscribeLabel());
        String personalText = p.text();
        String personalHtml = p.html();

        MimeMessage msg = new FixedIdMessage(session, e.messageId());
        msg.setFrom(e.from());
        if (e.replyTo() != null) {
            msg.setReplyTo(new InternetAddress[] {e.replyTo()});
        }
        msg.setRecipient(Message.RecipientType.TO, recipient(to));
        msg.setSubject(p.subject(), "UTF-8");
        msg.setHeader("Date", RFC_5322.format(e.date()));
        if (!language.isEmpty()) {
            msg.setHeader("Content-Language", language);
        }
        List<String> ways = new ArrayList<>();
        if (!u.mailto().isEmpty()) {
            ways.add("<" + u.mailto() + ">");
        }
        if (!u.https().isEmpty()) {
            ways.add("<" + u.https() + ">");
        }
        if (!ways.isEmpty()) {
            msg.setHeader("List-Unsubscribe", String.join(", ", ways));
        }
        if (!u.https().isEmpty()) {
            // RFC 8058: the link carries the recipient's token; only a POST of this form unsubscribes.
            msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(personalText, "plain"));
        if (images.isEmpty()) {
            alternative.addBodyPart(textPart(personalHtml, "html"));
        } else {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(textPart(personalHtml, "html"));
            for (RawPart image : images) {
                related.addBodyPart(copy(image));
            }
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            alternative.addBodyPart(relatedPart);
        }
        msg.setContent(alternative);
        msg.saveChanges();
        return msg;
    }

    private static InternetAddress recipient(Recipients.Member to) throws MessagingException {
        String name = to.fullName();
        try {
            return name.isEmpty() ? new InternetAddress(to.address(), true)
                    : new InternetAddress(to.address(), name, "UTF-8");
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        // Set now, or jakarta.mail reads the whole text to choose an encoding for every message.
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static BodyPart copy(RawPart raw) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        for (String line : raw.headerLines()) {
            headers.addHeaderLine(line);
        }
        return new MimeBodyPart(headers, raw.encoded());
    }

    private static String withFooterLink(String html, String url, String label) {
        String link = "<p style=\"margin:16px 0;font-family:Arial,Helvetica,sans-serif;font-size:12px;"
                + "text-align:center\"><a href=\"" + HtmlSanitizer.escape(url) + "\">" + HtmlSanitizer.escape(label) + "</a></p>";
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + link : html.substring(0, end) + link + html.substring(end);
    }
}
