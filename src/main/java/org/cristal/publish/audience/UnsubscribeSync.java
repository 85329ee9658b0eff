package org.cristal.publish.audience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Feedback;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.UnsubscribeTokens;

/**
 * Reads unsubscribes, bounces, complaints and double opt-in confirmations back into the audience, from the
 * three places they arrive without a server of Cristal's own: the mailbox of the brand's unsubscribe
 * address (IMAP), a file exported by the user's form or e-mail provider, and the records of the user's
 * one-click receiver. Each one is applied at once, in its own transaction, so the next
 * {@code Audience.check} — which a newsletter makes right before each message — already leaves the person
 * out. The command line ({@code cristal unsubscribes sync}) and the studio ({@link PeriodicSync}) share it.
 * Slow (network): never on the FX thread.
 */
public final class UnsubscribeSync {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(UnsubscribeSync.class.getName());

    private final Workspace workspace;
    private final SecretStore secrets;
    private final Mailboxes mailboxes;
    private Runnable afterEachMessage = () -> { };

    public UnsubscribeSync(Workspace workspace, SecretStore secrets) {
        this.workspace = workspace;
        this.secrets = secrets;
        this.mailboxes = new Mailboxes(workspace, secrets);
    }

    /** Called on the sync's thread after each message read from a mailbox (progress; tests cut the line there). */
    public UnsubscribeSync afterEachMessage(Runnable r) {
        this.afterEachMessage = r;
        return this;
    }

    public Mailboxes mailboxes() {
        return mailboxes;
    }

    /** Reads the mailbox of {@code account}. */
    public SyncReport mailbox(String account) throws SyncException {
        Mailbox box = mailboxes.get(account).orElseThrow(() -> SyncException.of("mailbox.error.none", account));
        Optional<String[]> problem = box.problem();
        if (problem.isPresent()) {
            throw SyncException.of(problem.get()[0], problem.get()[1]);
        }
        String password;
        try {
            password = mailboxes.password(box).orElseThrow(() -> SyncException.of("mailbox.error.password", account));
        } catch (SecretStoreException e) {
            throw new SyncException(e.text(), null, e);
        }
        SyncReport report = new SyncReport();
        UnsubscribeTokens tokens = tokens();
        FeedbackMail reader = new FeedbackMail(tokens,
                address -> workspace.audience().contacts().find(address).isPresent(), box.source());
        new ImapReader(box, password, CONNECT_TIMEOUT, READ_TIMEOUT).read(workspace, reader, feedback(), report,
                afterEachMessage);
        log("mailbox", report);
        return report;
    }

    /** Reads every configured mailbox; the first that fails stops the sync, with what the others did kept. */
    public SyncReport allMailboxes() throws SyncException {
        SyncReport all = new SyncReport();
        for (Mailbox box : mailboxes.list()) {
            try {
                all.addAll(mailbox(box.account()));
            } catch (SyncException e) {
                all.addAll(e.partial());
                throw new SyncException(e.text(), all, e, e.retryable());
            }
        }
        return all;
    }

    /** Reads a file of unsubscribes (docs/unsubscribes.md lists the formats recognised). */
    public SyncReport csv(Path file) throws SyncException {
        SyncReport report = new SyncReport();
        UnsubscribeCsv.read(file, feedback(), workspace.audience().clock().instant(), report);
        log("csv", report);
        return report;
    }

    /** Reads the one-click receiver's records, from a file or an {@code https:} address. */
    public SyncReport records(String fileOrUrl) throws SyncException {
        SyncReport report = new SyncReport();
        UnsubscribeRecords.read(fileOrUrl, tokens(), feedback(), workspace.audience().clock().instant(), report);
        log("records", report);
        return report;
    }

    /** How {@code fileOrUrl} is named to the user: a file's name, an address's host (never its query). */
    public static String shown(String fileOrUrl) {
        return UnsubscribeRecords.shown(fileOrUrl);
    }

    /** The accounts whose mailbox is configured. */
    public List<String> accounts() {
        return mailboxes.list().stream().map(Mailbox::account).toList();
    }

    private Feedback feedback() {
        return Feedback.of(workspace.audience());
    }

    private UnsubscribeTokens tokens() throws SyncException {
        try {
            return UnsubscribeTokens.of(secrets, workspace.audience().salt());
        } catch (SecretStoreException e) {
            throw new SyncException(e.text(), null, e);
        }
    }

    /** Figures only: never an address or a message's text. */
    private static void log(String from, SyncReport r) {
        LOG.log(System.Logger.Level.INFO, "unsubscribes from {0}: {1} unsubscribed, {2} hard, {3} soft, {4} complaints, "
                + "{5} confirmations, {6} unknown, {7} ignored", from, r.unsubscribed(), r.hardBounces(), r.softBounces(),
                r.complaints(), r.confirmations(), r.unknown(), r.ignored());
    }
}
