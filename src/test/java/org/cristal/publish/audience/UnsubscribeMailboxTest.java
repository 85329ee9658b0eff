package org.cristal.publish.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brand's unsubscribe mailbox read over IMAP from a real server (GreenMail), requests sent over SMTP. */
class UnsubscribeMailboxTest {
    @TempDir
    Path dir;
    MailboxFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new MailboxFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Optional<LeftOut> check(long id) {
        return f.audience.check(id, ContactChannel.EMAIL, Purpose.MARKETING);
    }

    private List<ConsentRecord> ledger(long id) {
        return f.audience.consents().history(id);
    }

    @Test
    void aReplyToTheNewsletterMailtoUnsubscribesAndTheNextCheckLeavesThemOut() throws Exception {
        long anna = f.subscriber("anna@client.example");
        // The newsletter as the SMTP plugin sends it: a List-Unsubscribe mailto: with the token in the subject.
        f.deliver("From: Le Fournil <news@fournil.example>\nTo: anna@client.example\nSubject: Le pain de mars\n"
                + "Message-ID: <news-1@fournil.example>\nList-Unsubscribe: <mailto:" + MailboxFixture.BRAND
                + "?subject=unsubscribe%20" + f.token(anna) + ">\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nBonjour Anna, le pain de mars…");
        // Anna's mail client follows the mailto: from her own mailbox.
        String header = f.inbox("anna@client.example", "pw", "INBOX", folder -> {
            try {
                return folder.getMessages()[0].getHeader("List-Unsubscribe")[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        Matcher mailto = Pattern.compile("<mailto:([^?]+)\\?subject=([^>]+)>").matcher(header);
        assertTrue(mailto.find(), header);
        f.deliver(f.plain("Anna Martin <anna@client.example>", "<req-1@client.example>",
                mailto.group(2).replace("%20", " "), ""));
        assertEquals(Optional.empty(), check(anna), "still subscribed until the mailbox is read");

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, report.unsubscribed());
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(anna));
        ConsentRecord last = ledger(anna).get(ledger(anna).size() - 1);
        assertFalse(last.event().granted());
        assertEquals(ConsentMethod.UNSUBSCRIBE_MAIL, last.event().method());
        assertEquals("mailbox INBOX", last.event().source());
        assertTrue(last.event().proof().contains("<req-1@client.example>"), last.event().proof());
        assertTrue(last.event().proof().contains("14 Mar 2026"), last.event().proof());
        assertEquals(List.of("unsubscribe " + f.token(anna) + " [read]"), f.brandInbox());
        assertTrue(report.summary().get(Locale.ENGLISH).startsWith("1 unsubscribed"), report.summary().toString());
    }

    @Test
    void aHardBounceReportSuppressesTheAddressAndASoftOneIsCounted() throws Exception {
        long anna = f.subscriber("anna@client.example");
        long bob = f.subscriber("bob@client.example");
        f.deliver(dsn("<dsn-1@mx.fournil.example>"));

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, report.hardBounces());
        assertEquals(1, report.softBounces());
        assertEquals(Contact.BOUNCED, f.audience.contacts().get(anna).orElseThrow().emailStatus());
        assertEquals(Optional.of("bounced"), f.audience.suppression("anna@client.example", ContactChannel.EMAIL));
        assertEquals(Optional.of(LeftOut.BOUNCED), check(anna));
        Contact b = f.audience.contacts().get(bob).orElseThrow();
        assertEquals(Contact.OK, b.emailStatus());
        assertEquals(1, b.softBounces());
        assertEquals(Optional.empty(), check(bob));
    }

    @Test
    void anAbuseComplaintWithdrawsConsentAndMarksTheContactEvenWithTheAddressRedacted() throws Exception {
        long anna = f.subscriber("anna@client.example");
        f.deliver("From: feedback@isp.example\nTo: " + MailboxFixture.BRAND + "\nSubject: Abuse report\n"
                + "Message-ID: <arf-1@isp.example>\nDate: Sat, 14 Mar 2026 11:00:00 +0000\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\nThis is an email abuse report.\n"
                + "--b1\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: isp-fbl/1.0\n"
                + "Version: 1\n"
                + "--b1\nContent-Type: text/rfc822-headers\n\nFrom: news@fournil.example\nTo: redacted@isp.example\n"
                + "Subject: Le pain de mars\nList-Unsubscribe: <mailto:" + MailboxFixture.BRAND + "?subject=unsubscribe%20"
                + f.token(anna) + ">\n\n--b1--\n");

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, report.complaints());
        assertEquals(Contact.COMPLAINED, f.audience.contacts().get(anna).orElseThrow().emailStatus());
        assertEquals(ConsentLedger.State.WITHDRAWN,
                f.audience.consents().current(anna, ContactChannel.EMAIL, Purpose.MARKETING));
        assertEquals(ConsentMethod.COMPLAINT, ledger(anna).get(ledger(anna).size() - 1).event().method());
        assertEquals(Optional.of("complained"), f.audience.suppression("anna@client.example", ContactChannel.EMAIL));
    }

    @Test
    void aForgedTokenOrOneQuotedInAReplyChangesNothingAndTheMessagesStayUnread() throws Exception {
        long anna = f.subscriber("anna@client.example");
        String forged = anna + ".email-marketing.aaaaaaaaaaaaaaaaaaaaaaaaaa";
        f.deliver(f.plain("mallory@evil.example", "<forged@evil.example>", "unsubscribe " + forged, ""));
        // A question in reply to the newsletter quotes its footer, token and all: that is no unsubscribe.
        f.deliver(f.plain("anna@client.example", "<question@client.example>", "Re: Le pain de mars",
                "Vous ouvrez dimanche ?\n\n> Pour vous désabonner : " + f.token(anna),
                "In-Reply-To: <news-1@fournil.example>\n"));

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(0, report.changed());
        assertEquals(1, ledger(anna).size());
        assertEquals(Optional.empty(), check(anna));
        assertEquals(List.of("unsubscribe " + forged + " [new]", "Re: Le pain de mars [new]"), f.brandInbox());
    }

    @Test
    void theSameMessageReadTwiceOrDeliveredTwiceRecordsOneRow() throws Exception {
        long anna = f.subscriber("anna@client.example");
        String request = f.plain("anna@client.example", "<req-1@client.example>", "unsubscribe " + f.token(anna), "");
        f.deliver(request);
        f.deliver(request);

        SyncReport first = f.sync().mailbox(MailboxFixture.ACCOUNT);
        // As if the watermark were lost (a copy of the workspace from before): everything is read again.
        f.ws.setSetting(ImapReader.watermarkKey(MailboxFixture.ACCOUNT), "");
        SyncReport again = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, first.unsubscribed());
        assertEquals(0, again.changed());
        assertEquals(2, ledger(anna).size(), "the grant, then one withdrawal");
    }

    @Test
    void aDoubleOptInConfirmationRecordsAGrant() throws Exception {
        long zoe = f.audience.contacts().save(org.cristal.library.audience.ContactDraft.of("zoe@client.example"))
                .contact().id();
        assertEquals(Optional.of(LeftOut.NO_CONSENT), check(zoe));
        String confirm = f.tokens.confirmToken(zoe, ContactChannel.EMAIL, Purpose.MARKETING);
        f.deliver(f.plain("zoe@client.example", "<ok-1@client.example>", "confirm " + confirm, ""));
        // An unsubscribe token is not a confirmation, nor the other way round.
        assertEquals(Optional.empty(), f.tokens.verify(confirm));
        assertEquals(Optional.empty(), f.tokens.verifyConfirm(f.token(zoe)));

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, report.confirmations());
        assertEquals(Optional.empty(), check(zoe));
        assertEquals(ConsentMethod.DOUBLE_OPT_IN, ledger(zoe).get(0).event().method());
    }

    @Test
    void aKnownContactWritingUnsubscribeIsHonouredAnUnknownSenderIsNot() throws Exception {
        long anna = f.subscriber("anna@client.example");
        long bob = f.subscriber("bob@client.example");
        f.deliver(f.plain("Anna <Anna@Client.example>", "<a@client.example>", "Désabonnement",
                "Merci de ne plus m'écrire."));
        f.deliver(f.plain("stranger@other.example", "<s@other.example>", "unsubscribe bob@client.example", ""));
        f.deliver(f.plain("bob@client.example", "<b@client.example>", "Une question",
                "Le magasin ouvre à quelle heure ?\n\n> STOP"));
        f.deliver(f.plain("bob@client.example", "<b2@client.example>", "Can I stop by tomorrow?", "For the cake."));

        f.deliver(f.plain("chloe@client.example", "<c@client.example>", "Re: Le pain de mars", "STOP"));
        long chloe = f.subscriber("chloe@client.example");

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(2, report.unsubscribed());
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(anna));
        assertEquals(Optional.empty(), check(bob));
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(chloe));
    }

    @Test
    void aBounceWithOnlyATextPartIsReadBestEffort() throws Exception {
        long anna = f.subscriber("anna@client.example");
        f.deliver(f.plain("MAILER-DAEMON@mx.fournil.example", "<bounce-2@mx.fournil.example>",
                "Undelivered Mail Returned to Sender", "I'm sorry to have to inform you that your message could not\n"
                        + "be delivered to one or more recipients.\n\n<anna@client.example>: host mx.client.example said:"
                        + " 550 5.1.1 User unknown"));

        SyncReport report = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(1, report.hardBounces());
        assertEquals(Optional.of(LeftOut.BOUNCED), check(anna));
    }

    @Test
    void appliedMessagesAreMovedWhenAskedAndOthersStay() throws Exception {
        long anna = f.subscriber("anna@client.example");
        f.mailbox(Mailbox.Processed.MOVE, f.imapPort());
        f.deliver(f.plain("anna@client.example", "<req-1@client.example>", "unsubscribe " + f.token(anna), ""));
        f.deliver(f.plain("bob@other.example", "<q@other.example>", "Commande de Noël", "Bonjour !"));

        f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(List.of("Commande de Noël [new]"), f.brandInbox());
        int moved = f.inbox(MailboxFixture.BRAND_USER, MailboxFixture.BRAND_PASSWORD, "Cristal.processed", folder -> {
            try {
                return folder == null ? -1 : folder.getMessageCount();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, moved);
    }

    @Test
    void aConnectionDroppedMidSyncSaysSoKeepsWhatWasAppliedAndTheNextSyncDoublesNothing() throws Exception {
        long[] ids = {f.subscriber("anna@client.example"), f.subscriber("bob@client.example"),
            f.subscriber("chloe@client.example")};
        for (long id : ids) {
            f.deliver(f.plain("x@client.example", "<req-" + id + "@client.example>", "unsubscribe " + f.token(id), ""));
        }
        try (CuttableProxy proxy = new CuttableProxy(f.imapPort())) {
            f.mailbox(Mailbox.Processed.SEEN, proxy.port());
            SyncException e = assertThrows(SyncException.class,
                    () -> f.sync().afterEachMessage(proxy::cut).mailbox(MailboxFixture.ACCOUNT));
            assertTrue(e.text().get(Locale.ENGLISH).contains("was lost after 1 of 3 new messages"),
                    e.text().get(Locale.ENGLISH));
            assertTrue(e.retryable());
            assertEquals(1, e.partial().unsubscribed());
        }
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(ids[0]), "what was read stays applied");
        assertEquals(Optional.empty(), check(ids[1]));

        f.mailbox(Mailbox.Processed.SEEN, f.imapPort());
        SyncReport rest = f.sync().mailbox(MailboxFixture.ACCOUNT);

        assertEquals(2, rest.unsubscribed());
        for (long id : ids) {
            assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(id));
            assertEquals(2, ledger(id).size(), "one grant, one withdrawal");
        }
    }

    @Test
    void aWrongPasswordGivesOneClearMessageWithoutThePasswordAndChangesNothing() throws Exception {
        long anna = f.subscriber("anna@client.example");
        f.deliver(f.plain("anna@client.example", "<req-1@client.example>", "unsubscribe " + f.token(anna), ""));
        new Mailboxes(f.ws, f.secrets).save(new Mailbox(MailboxFixture.ACCOUNT, "127.0.0.1", f.imapPort(),
                Mailbox.NONE, MailboxFixture.BRAND_USER, "INBOX", Mailbox.Processed.SEEN), "wrong-Pa55");

        SyncException e = assertThrows(SyncException.class, () -> f.sync().mailbox(MailboxFixture.ACCOUNT));

        String en = e.text().get(Locale.ENGLISH);
        assertTrue(en.contains("refused the user name or the password"), en);
        assertTrue(e.text().get(Locale.FRENCH).contains("a refusé"), e.text().get(Locale.FRENCH));
        assertFalse(en.contains("wrong-Pa55") || en.contains(MailboxFixture.BRAND), en);
        assertEquals(Optional.empty(), check(anna));
    }

    @Test
    void anAccountWithoutAMailboxIsOneClearMessage() {
        SyncException e = assertThrows(SyncException.class, () -> f.sync().mailbox("shop"));
        assertTrue(e.text().get(Locale.ENGLISH).contains("No unsubscribe mailbox is set for the account “shop”"),
                e.text().get(Locale.ENGLISH));
    }

    /** A delivery status report as Postfix writes one: anna refused for good, bob delayed. */
    private static String dsn(String id) {
        return "From: MAILER-DAEMON@mx.fournil.example (Mail Delivery System)\nTo: " + MailboxFixture.BRAND + "\n"
                + "Subject: Undelivered Mail Returned to Sender\nMessage-ID: " + id + "\n"
                + "Date: Sat, 14 Mar 2026 10:05:00 +0100\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B42\"\n\n"
                + "--B42\nContent-Type: text/plain; charset=us-ascii\n\nYour message could not be delivered.\n\n"
                + "--B42\nContent-Type: message/delivery-status\n\n"
                + "Reporting-MTA: dns; mx.fournil.example\nArrival-Date: Sat, 14 Mar 2026 10:04:58 +0100\n\n"
                + "Final-Recipient: rfc822; anna@client.example\nOriginal-Recipient: rfc822;anna@client.example\n"
                + "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.client.example\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <anna@client.example>: Recipient address rejected\n\n"
                + "Final-Recipient: rfc822; bob@client.example\nAction: delayed\nStatus: 4.2.2\n"
                + "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n\n"
                + "--B42\nContent-Type: text/rfc822-headers\n\nFrom: news@fournil.example\nTo: anna@client.example\n"
                + "Subject: Le pain de mars\n\n--B42--\n";
    }

}
