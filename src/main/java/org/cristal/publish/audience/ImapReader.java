package org.cristal.publish.audience;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Feedback;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Reads the new messages of one mailbox over IMAP (Angus Mail), applies each one that is for Cristal in its
 * own transaction, then marks it read or moves it, as set. "New" is past the last UID read, kept in the
 * workspace ({@link #watermarkKey}); that only saves reading old mail again, since an applied message is
 * remembered by its Message-ID anyway ({@link Feedback}). A message Cristal does not recognise is left
 * exactly as it was: the mailbox may be the one the business reads.
 */
final class ImapReader {
    private static final System.Logger LOG = System.getLogger(ImapReader.class.getName());

    private final Mailbox box;
    private final String password;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ImapReader(Mailbox box, String password, Duration connectTimeout, Duration readTimeout) {
        this.box = box;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    static String watermarkKey(String account) {
        return "audience.mailbox." + account + ".uid";
    }

    void read(Workspace ws, FeedbackMail reader, Feedback feedback, SyncReport report, Runnable afterEach)
            throws SyncException {
        Store store;
        try {
            store = session().getStore(protocol());
            store.connect(box.host(), box.port(), box.user(), password);
        } catch (AuthenticationFailedException e) {
            throw new SyncException(SyncException.text("mailbox.error.auth", where(), box.account()), report, null);
        } catch (MessagingException e) {
            throw new SyncException(connectFailure(e), report, null, retryable(e));
        }
        int done = 0;
        int total = 0;
        try {
            Folder folder = store.getFolder(box.folder());
            if (!folder.exists()) {
                throw new SyncException(SyncException.text("mailbox.error.folder", box.folder(), where()), report,
                        null);
            }
            folder.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long last = lastUid(ws, validity);
            List<Message> fresh = new ArrayList<>();
            for (Message m : uids.getMessagesByUID(last + 1, UIDFolder.LASTUID)) {
                // "n:*" always names the newest message, even when it is older than n.
                if (m != null && uids.getUID(m) > last) {
                    fresh.add(m);
                }
            }
            total = fresh.size();
            List<Message> toMove = new ArrayList<>();
            long highest = last;
            for (Message m : fresh) {
                long uid = uids.getUID(m);
                List<Feedback.Change> changes;
                try {
                    changes = reader.read(m);
                } catch (MessagingException | IOException | RuntimeException e) {
                    if (!folder.isOpen() || !store.isConnected()) {
                        throw e;
                    }
                    // A message that cannot be parsed is not for Cristal; it stays as it is.
                    LOG.log(System.Logger.Level.DEBUG, "unreadable message skipped ({0})", e.getClass().getSimpleName());
                    changes = List.of();
                }
                if (!changes.isEmpty()) {
                    String key = FeedbackMail.key(m, box.account() + "/" + box.folder() + "/" + validity + "/" + uid);
                    report.count(changes, feedback.apply(key, changes));
                    if (box.processed() == Mailbox.Processed.MOVE) {
                        toMove.add(m);
                    } else {
                        m.setFlag(Flags.Flag.SEEN, true);
                    }
                }
                highest = uid;
                done++;
                if (box.processed() == Mailbox.Processed.SEEN) {
                    ws.setSetting(watermarkKey(box.account()), validity + ":" + highest);
                }
                afterEach.run();
            }
            if (!toMove.isEmpty()) {
                move(store, folder, toMove.toArray(Message[]::new));
            }
            if (highest > last) {
                ws.setSetting(watermarkKey(box.account()), validity + ":" + highest);
            }
            folder.close(true);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && store.isConnected()) {
                throw r;
            }
            throw new SyncException(SyncException.text("mailbox.error.dropped", where(), done, total), report, e, true);
        } finally {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // gone either way
            }
        }
    }

    /** Moves applied messages to the processed folder (made if missing), with MOVE where the server has it. */
    private void move(Store store, Folder from, Message[] messages) throws MessagingException {
        char sep = store.getDefaultFolder().getSeparator();
        Folder target = store.getFolder(Mailbox.PROCESSED_FOLDER.replace('/', sep));
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the processed folder");
        }
        if (from instanceof IMAPFolder imap) {
            try {
                imap.moveMessages(messages, target);
                return;
            } catch (MessagingException e) {
                if (!from.isOpen()) {
                    throw e;
                }
                // no MOVE on this server: copy, then delete
            }
        }
        from.copyMessages(messages, target);
        from.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        from.expunge();
    }

    private long lastUid(Workspace ws, long validity) {
        Optional<String> mark = ws.setting(watermarkKey(box.account()));
        if (mark.isEmpty() || !mark.get().contains(":")) {
            return 0;
        }
        String[] parts = mark.get().split(":");
        try {
            // Another UIDVALIDITY: the server renumbered the folder, read it all again.
            return Long.parseLong(parts[0]) == validity ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.security.GeneralSecurityException || c instanceof SSLException
                    || c instanceof UnknownHostException) {
                return false;
            }
        }
        return !String.valueOf(e.getMessage()).contains("STARTTLS");
    }

    private String protocol() {
        return Mailbox.TLS.equals(box.security()) ? "imaps" : "imap";
    }

    private String where() {
        return box.host() + ":" + box.port();
    }

    /** An IMAP session; the password goes to connect, never into these properties. */
    private Session session() {
        Properties p = new Properties();
        String prefix = "mail." + protocol() + ".";
        p.setProperty(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(readTimeout.toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(readTimeout.toMillis()));
        // Reading a message must not mark it as read: one Cristal does not apply stays new for the people
        // who read this mailbox.
        p.setProperty(prefix + "peek", "true");
        if (Mailbox.STARTTLS.equals(box.security())) {
            // Required: a server that does not offer STARTTLS must not get the password in clear.
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (!Mailbox.NONE.equals(box.security())) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }

    /** Why the connection could not be made, in words; never with the password. */
    private org.cristal.publish.spi.LocalText connectFailure(Throwable e) {
        String where = where();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return SyncException.text("mailbox.error.unknownHost", box.host());
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return SyncException.text("mailbox.error.refused", where);
            }
            if (c instanceof SocketTimeoutException) {
                return SyncException.text("mailbox.error.timeout", where);
            }
            if (c instanceof java.security.cert.CertificateException
                    || c instanceof java.security.cert.CertPathBuilderException
                    || c instanceof java.security.cert.CertPathValidatorException) {
                return SyncException.text("mailbox.error.certificate", where);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return SyncException.text("mailbox.error.tls", where, box.security().toUpperCase(Locale.ROOT));
            }
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return SyncException.text("mailbox.error.noStarttls", where);
        }
        return SyncException.text("mailbox.error.connection", where);
    }

}
