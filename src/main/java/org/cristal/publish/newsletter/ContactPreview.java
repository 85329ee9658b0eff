package org.cristal.publish.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.Recipients;
import org.cristal.story.EmailMessage;

/**
 * The newsletter as one contact will read it: subject, plain text and HTML with their merge fields filled
 * ({@code {{first_name|there}}} → their name, or the fallback when they have none), their own unsubscribe
 * link in the footer. A pure function of the rendition, the account's settings and the contact: nothing is
 * sent or written. The studio's "preview as a contact" shows it.
 */
public final class ContactPreview {
    /** What the contact reads. */
    public record Preview(String subject, String text, String html) {
    }

    private ContactPreview() {
    }

    /**
     * @param email    the story's email rendition
     * @param settings the newsletter account's settings (its unsubscribe page and address)
     * @param member   the contact, as a send would give them
     * @param token    their unsubscribe token
     * @param lang     the story's language ("fr", "en"): the footer's label is in it
     */
    public static Preview of(EmailMessage email, ChannelSettings settings, Recipients.Member member, String token,
            String lang) throws PublishException {
        NewsletterTemplate template;
        try {
            template = NewsletterTemplate.of(email, Session.getInstance(new Properties()));
        } catch (MessagingException | IOException | ClassCastException e) {
            throw PublishException.permanent(LocalText.fromBundle(PublishException.BUNDLE, "smtp.error.noEmail"));
        }
        String mailbox = settings.get(SmtpNewsletterPlugin.UNSUBSCRIBE_ADDRESS)
                .or(() -> settings.get(SmtpNewsletterPlugin.REPLY_TO))
                .orElse(settings.get(SmtpNewsletterPlugin.FROM, ""));
        String https = NewsletterTemplate.unsubscribeUrl(SmtpNewsletterPlugin.httpsTemplate(settings, template),
                member.fields(), token);
        String mailto = mailbox.isEmpty() ? "" : Recipients.mailto(mailbox, token);
        String label = LocalText.fromBundle(PublishException.BUNDLE, "smtp.unsubscribe.label")
                .get(Locale.forLanguageTag(lang == null || lang.isBlank() ? "en" : lang));
        NewsletterTemplate.Personal p = template.personal(member.fields(),
                new NewsletterTemplate.Unsubscribe(https, mailto), label);
        return new Preview(p.subject(), p.text(), p.html());
    }
}
