package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Double opt-in: a new sign-up gets a request to confirm, with a token the unsubscribe sync can read back. */
class ConfirmationMailTest {
    @TempDir
    Path dir;
    PublishFixture f;
    GreenMail mail;

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
        f.plugins.add(new SmtpNewsletterPlugin());
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        f.ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre", Map.of("host",
                "127.0.0.1", "port", Integer.toString(mail.getSmtp().getPort()), "security", "none",
                "from", "news@fournil.example", "fromName", "Le Fournil", "replyTo", "bonjour@fournil.example",
                "confirmUrl", "https://fournil.example/confirmer")));
    }

    @AfterEach
    void close() {
        mail.stop();
        f.close();
    }

    @Test
    void aNewSignUpIsAskedToConfirmInTheirLanguageWithATokenThatNamesThemAndNothingElse() throws Exception {
        long id = f.ws.audience().contacts().save(ContactDraft.of("lea@example.fr").withName("Léa", "Martin")
                .withLang("fr")).contact().id();

        f.publisher.sendConfirmation("news", id);

        MimeMessage m = mail.getReceivedMessages()[0];
        assertEquals("lea@example.fr", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertTrue(m.getSubject().startsWith("Merci de confirmer votre inscription ["), m.getSubject());
        assertEquals("bonjour@fournil.example", ((InternetAddress) m.getReplyTo()[0]).getAddress(),
                "a reply goes where Cristal reads confirmations");
        UnsubscribeTokens tokens = UnsubscribeTokens.of(f.secrets, f.ws.audience().salt());
        assertEquals(id, tokens.verifyConfirm("Re: " + m.getSubject()).orElseThrow().contactId(),
                "a reply keeps the token in its subject");
        assertTrue(tokens.verify(m.getSubject()).isEmpty(), "a confirmation can never pass for an unsubscribe");
        assertTrue(tokens.verifyConfirm("unsubscribe " + tokens.token(id,
                org.cristal.library.audience.ContactChannel.EMAIL, Purpose.MARKETING)).isEmpty());
        String body = String.valueOf(m.getContent() instanceof jakarta.mail.Multipart mp
                ? mp.getBodyPart(0).getContent() : m.getContent());
        assertTrue(body.contains("https://fournil.example/confirmer?t=" + tokens.confirmToken(id, ContactChannel.EMAIL,
                Purpose.MARKETING)), body);
        assertTrue(body.contains("Le Fournil"), body);

        List<Delivery> d = f.ws.audience().deliveries().of(id);
        assertEquals(1, d.size());
        assertEquals(Purpose.SERVICE, d.get(0).purpose(), "a service message: the frequency cap does not count it");
    }

    @Test
    void aBouncedAddressGetsNoConfirmationRequest() {
        long id = f.ws.audience().contacts().save(ContactDraft.of("gone@example.fr")).contact().id();
        f.ws.audience().contacts().setEmailStatus(id, Contact.BOUNCED);
        PublishException e = assertThrows(PublishException.class, () -> f.publisher.sendConfirmation("news", id));
        assertTrue(e.message(Locale.ENGLISH).startsWith("This address bounced"), e.message(Locale.ENGLISH));
        assertEquals(0, mail.getReceivedMessages().length);
    }
}
