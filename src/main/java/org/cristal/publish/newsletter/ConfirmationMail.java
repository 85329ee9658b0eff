package org.cristal.publish.newsletter;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeBodyPart;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.story.HtmlSanitizer;

/**
 * The double opt-in message: a new sign-up is asked to confirm, by replying (the subject carries their
 * confirmation token; Cristal reads the reply back) or, when the account has a confirmation page, by
 * opening it. A service message, sent through the newsletter account's server, in the person's
 * language. The token comes from {@code UnsubscribeTokens.confirmToken}.
 */
public final class ConfirmationMail {
    private ConfirmationMail() {
    }

    /**
     * Sends the confirmation request to {@code address}; returns its Message-ID.
     *
     * @param lang the person's language ("fr", "en"; else English)
     */
    public static String send(ChannelSettings settings, String address, String name, String token, String lang)
            throws PublishException {
        SmtpSettings smtp = SmtpSettings.of(settings, Duration.ofSeconds(10), Duration.ofSeconds(30));
        try (SmtpConnection connection = new SmtpConnection(smtp)) {
            MimeMessage message = build(connection, settings, address, name, token, lang);
            connection.connect();
            SmtpConnection.Delivery d = connection.send(message, new InternetAddress(address, true));
            if (d.outcome() != SmtpConnection.Outcome.SENT) {
                throw PublishException.permanent(text("smtp.confirm.refused", d.reply()));
            }
            return message.getMessageID();
        } catch (SmtpConnection.Dropped e) {
            throw PublishException.transientFailure(text("smtp.error.connection", smtp.host() + ":" + smtp.port(),
                    String.valueOf(e.getCause().getMessage())), null);
        } catch (MessagingException e) {
            throw PublishException.permanent(text("publish.setting.email"));
        }
    }

    private static MimeMessage build(SmtpConnection connection, ChannelSettings s, String address, String name,
            String token, String lang) throws MessagingException {
        Locale locale = Locale.forLanguageTag("fr".equals(lang) ? "fr" : "en");
        String from = s.get(SmtpNewsletterPlugin.FROM, "");
        String mailbox = s.get(SmtpNewsletterPlugin.UNSUBSCRIBE_ADDRESS).or(() -> s.get(SmtpNewsletterPlugin.REPLY_TO))
                .orElse(from);
        String subject = text("smtp.confirm.subject", token).get(locale);
        String mailto = "mailto:" + mailbox + "?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                .replace("+", "%20");
        String page = NewsletterTemplate.unsubscribeUrl(s.get(SmtpNewsletterPlugin.CONFIRM_URL, ""),
                Map.of("email", address), token);
        String brand = s.get(SmtpNewsletterPlugin.FROM_NAME, from);
        String body = text(page.isEmpty() ? "smtp.confirm.body" : "smtp.confirm.bodyWithPage", brand, page)
                .get(locale);

        MimeMessage msg = new MimeMessage(connection.session());
        try {
            msg.setFrom(new InternetAddress(from, s.get(SmtpNewsletterPlugin.FROM_NAME, ""), "UTF-8"));
            msg.setRecipient(Message.RecipientType.TO, name.isBlank() ? new InternetAddress(address, true)
                    : new InternetAddress(address, name, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        // Replying is confirming: the reply goes to the address Cristal reads, with the token in its subject.
        msg.setReplyTo(new InternetAddress[] {new InternetAddress(mailbox, true)});
        msg.setSubject(subject, "UTF-8");
        msg.setHeader("Content-Language", locale.getLanguage());
        msg.setHeader("Auto-Submitted", "auto-generated");
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(body + "\n\n" + (page.isEmpty() ? mailto : page) + "\n", "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        String link = page.isEmpty() ? mailto : page;
        html.setText("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><body><p>"
                + HtmlSanitizer.escape(body) + "</p><p><a href=\"" + HtmlSanitizer.escape(link) + "\">"
                + HtmlSanitizer.escape(text("smtp.confirm.button").get(locale)) + "</a></p></body></html>",
                "UTF-8", "html");
        alt.addBodyPart(plain);
        alt.addBodyPart(html);
        msg.setContent(alt);
        msg.saveChanges();
        return msg;
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
