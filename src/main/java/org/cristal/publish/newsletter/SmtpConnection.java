package org.cristal.publish.newsletter;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One SMTP connection, kept open across messages (a TLS handshake and a login per message would cost more
 * than the message), with failures put in words: per recipient (refused for good, deferred) or for the
 * whole connection (dropped, refused credentials).
 */
final class SmtpConnection implements AutoCloseable {
    /** What the server said about one message. */
    enum Outcome {
        /** Accepted for delivery. */
        SENT,
        /** Refused for good (550 user unknown …): retrying will not help. */
        REFUSED,
        /** Refused for now (450, 452 …): worth another try later. */
        DEFERRED
    }

    /** @param unknownUser the server said the mailbox does not exist (5.1.1, 550 user unknown …) */
    record Delivery(Outcome outcome, String reply, boolean unknownUser) {
    }

    /** The connection went away mid-send; reconnect and send the same message again. */
    static final class Dropped extends Exception {
        Dropped(Throwable cause) {
            super(cause);
        }
    }

    private final SmtpSettings settings;
    private final Session session;
    private Transport transport;

    SmtpConnection(SmtpSettings settings) {
        this.settings = settings;
        this.session = settings.session();
    }

    Session session() {
        return session;
    }

    /** Connects, says EHLO, upgrades to TLS as configured and signs in. */
    void connect() throws PublishException {
        close();
        try {
            Transport t = session.getTransport(settings.protocol());
            if (settings.authenticates()) {
                t.connect(settings.host(), settings.port(), settings.user(), settings.password());
            } else {
                t.connect(settings.host(), settings.port(), null, null);
            }
            transport = t;
        } catch (AuthenticationFailedException e) {
            throw PublishException.auth(text("smtp.error.auth", settings.user(), settings.host(), reply(e)));
        } catch (MessagingException e) {
            throw connectFailure(e);
        }
    }

    /** Sends one message to one address over the open connection. */
    Delivery send(MimeMessage message, Address to) throws Dropped {
        try {
            transport.sendMessage(message, new Address[] {to});
            return new Delivery(Outcome.SENT, "", false);
        } catch (MessagingException e) {
            if (!stillConnected()) {
                throw new Dropped(e);
            }
            int code = returnCode(e);
            if (e instanceof SendFailedException sf && sf.getValidUnsentAddresses() != null
                    && Arrays.asList(sf.getValidUnsentAddresses()).contains(to)) {
                return new Delivery(Outcome.DEFERRED, reply(e), false);
            }
            if (code >= 400 && code < 500) {
                return new Delivery(Outcome.DEFERRED, reply(e), false);
            }
            if (code >= 500 || e instanceof SendFailedException) {
                String reply = reply(e);
                return new Delivery(Outcome.REFUSED, reply, code >= 550 && code <= 553 && unknownUser(reply));
            }
            throw new Dropped(e);
        } catch (IllegalStateException e) {
            // jakarta.mail's "Not connected"
            throw new Dropped(e);
        }
    }

    /** Whether a refusal says the mailbox does not exist, rather than a policy or a full mailbox. */
    static boolean unknownUser(String reply) {
        String r = reply.toLowerCase(java.util.Locale.ROOT);
        return r.contains("5.1.1") || r.contains("5.1.0") || r.contains("unknown") || r.contains("no such user")
                || r.contains("does not exist") || r.contains("not found") || r.contains("inconnu")
                || r.contains("n'existe pas");
    }

    boolean isOpen() {
        return transport != null && transport.isConnected();
    }

    private boolean stillConnected() {
        try {
            return transport != null && transport.isConnected();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    /** Why the connection could not be made, in words; never with the password. */
    PublishException connectFailure(Throwable e) {
        String where = settings.host() + ":" + settings.port();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return PublishException.transientFailure(text("smtp.error.unknownHost", settings.host()), null);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return PublishException.transientFailure(text("smtp.error.refused", where), null);
            }
            if (c instanceof SocketTimeoutException) {
                return PublishException.transientFailure(text("smtp.error.timeout", where), null);
            }
            if (c instanceof java.security.cert.CertificateException
                    || c instanceof java.security.cert.CertPathBuilderException
                    || c instanceof java.security.cert.CertPathValidatorException
                    || String.valueOf(c.getMessage()).contains("identity of server")) {
                return PublishException.permanent(text("smtp.error.certificate", where));
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return PublishException.permanent(text("smtp.error.tls", where, settings.security().toUpperCase(java.util.Locale.ROOT),
                        String.valueOf(c.getMessage())));
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("STARTTLS")) {
            return PublishException.permanent(text("smtp.error.noStarttls", where));
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return PublishException.transientFailure(text("smtp.error.connection", where, message), null);
            }
        }
        return PublishException.permanent(text("smtp.error.server", where, message));
    }

    private static int returnCode(MessagingException e) {
        for (Exception c = e; c != null; c = c instanceof MessagingException m ? m.getNextException() : null) {
            if (c instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (c instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return -1;
    }

    /** The server's own words, the most specific available ("550 5.1.1 User unknown"). */
    static String reply(MessagingException e) {
        String best = e.getMessage();
        for (Exception c = e.getNextException(); c != null;
                c = c instanceof MessagingException m ? m.getNextException() : null) {
            if (c instanceof SMTPAddressFailedException || c instanceof SMTPSendFailedException) {
                best = c.getMessage();
            }
        }
        return best == null ? "" : best.strip().replaceAll("\\s+", " ");
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
