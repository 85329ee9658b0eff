package org.cristal.publish.audience;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.UnsubscribeTokens;

/**
 * A real mail server (GreenMail: SMTP to deliver, IMAP to read) with the brand's unsubscribe mailbox and the
 * contacts' own mailboxes, a workspace with contacts who agreed to the newsletter, and the sync over both.
 */
final class MailboxFixture implements AutoCloseable {
    static final String BRAND = "desabonnement@fournil.example";
    static final String BRAND_USER = "fournil";
    static final String BRAND_PASSWORD = "Mailbox-Pa55-never-shown";
    static final String ACCOUNT = "newsletter";

    final GreenMail mail;
    final Workspace ws;
    final Audience audience;
    final MapSecrets secrets = new MapSecrets();
    final UnsubscribeTokens tokens;
    private final Session session = Session.getInstance(new Properties());
    private int sent;

    MailboxFixture(Path dir) throws Exception {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(BRAND, BRAND_USER, BRAND_PASSWORD);
        ws = Workspace.open(dir.resolve("fournil.cristal"));
        audience = ws.audience();
        tokens = UnsubscribeTokens.of(secrets, audience.salt());
        mailbox(Mailbox.Processed.SEEN, imapPort());
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    void mailbox(Mailbox.Processed processed, int port) throws Exception {
        new Mailboxes(ws, secrets).save(new Mailbox(ACCOUNT, "127.0.0.1", port, Mailbox.NONE, BRAND_USER, "INBOX",
                processed), BRAND_PASSWORD);
    }

    UnsubscribeSync sync() {
        return new UnsubscribeSync(ws, secrets);
    }

    /** A contact who agreed to the newsletter in the shop, with a mailbox of their own on the server. */
    long subscriber(String email) {
        long id = audience.contacts().save(ContactDraft.of(email).withName("Anna", "Martin")).contact().id();
        audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui à la lettre"));
        mail.setUser(email, email, "pw");
        return id;
    }

    String token(long contactId) {
        return tokens.token(contactId, ContactChannel.EMAIL, Purpose.MARKETING);
    }

    /** Delivers {@code raw} (an RFC 5322 message, headers as given, Message-ID kept) through SMTP. */
    void deliver(String raw) throws MessagingException {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        deliver(m);
    }

    void deliver(MimeMessage m) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        try (Transport t = Session.getInstance(p).getTransport("smtp")) {
            t.connect();
            // sendMessage, not Transport.send: the message goes exactly as written, Message-ID included.
            t.sendMessage(m, m.getAllRecipients());
        }
        sent++;
        if (!mail.waitForIncomingEmail(5000, sent)) {
            throw new IllegalStateException("not delivered");
        }
    }

    /** A plain message to the brand's unsubscribe address. */
    String plain(String from, String messageId, String subject, String body, String... extraHeaders) {
        return "From: " + from + "\nTo: " + BRAND + "\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\nDate: Sat, 14 Mar 2026 10:02:11 +0100\n" + String.join("", extraHeaders)
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    }

    /** Reads a mailbox of the server over IMAP and applies {@code read} to its INBOX (then closes it). */
    <T> T inbox(String user, String password, String folderName, Function<Folder, T> read) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", imapPort(), user, password);
        try {
            Folder f = store.getFolder(folderName);
            if (!f.exists()) {
                return read.apply(null);
            }
            f.open(Folder.READ_ONLY);
            try {
                return read.apply(f);
            } finally {
                f.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The brand's INBOX as (subject, read?) pairs. */
    List<String> brandInbox() throws MessagingException {
        return inbox(BRAND_USER, BRAND_PASSWORD, "INBOX", f -> {
            List<String> out = new ArrayList<>();
            try {
                for (Message m : f.getMessages()) {
                    out.add(m.getSubject() + (m.isSet(Flags.Flag.SEEN) ? " [read]" : " [new]"));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    @Override
    public void close() {
        ws.close();
        mail.stop();
    }
}
