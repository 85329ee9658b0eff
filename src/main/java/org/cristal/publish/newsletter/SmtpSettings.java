package org.cristal.publish.newsletter;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.cristal.publish.spi.ChannelSettings;

/**
 * How to reach the SMTP server, read from an account's settings.
 *
 * @param security {@code none}, {@code starttls} (port 587, upgraded after EHLO) or {@code tls} (port 465,
 *                 encrypted from the first byte)
 */
record SmtpSettings(String host, int port, String security, String user, String password, Duration connectTimeout,
        Duration readTimeout) {
    static final String NONE = "none";
    static final String STARTTLS = "starttls";
    static final String TLS = "tls";

    static SmtpSettings of(ChannelSettings s, Duration connectTimeout, Duration readTimeout) {
        String security = s.get(SmtpNewsletterPlugin.SECURITY, STARTTLS).toLowerCase(Locale.ROOT);
        int defaultPort = switch (security) {
            case TLS -> 465;
            case NONE -> 25;
            default -> 587;
        };
        return new SmtpSettings(s.get(SmtpNewsletterPlugin.HOST, ""), s.getInt(SmtpNewsletterPlugin.PORT, defaultPort),
                security, s.get(SmtpNewsletterPlugin.USER, ""), s.values().getOrDefault(SmtpNewsletterPlugin.PASSWORD, ""),
                connectTimeout, readTimeout);
    }

    boolean authenticates() {
        return !user.isEmpty();
    }

    /** A Jakarta Mail session for these settings; the password is passed to connect, never put here. */
    Session session() {
        Properties p = new Properties();
        String proto = TLS.equals(security) ? "smtps" : "smtp";
        String prefix = "mail." + proto + ".";
        p.setProperty("mail.transport.protocol", proto);
        p.setProperty(prefix + "host", host);
        p.setProperty(prefix + "port", Integer.toString(port));
        p.setProperty(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(readTimeout.toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(readTimeout.toMillis()));
        p.setProperty(prefix + "auth", Boolean.toString(authenticates()));
        if (STARTTLS.equals(security)) {
            // Required, not merely allowed: a server that does not offer STARTTLS must not get the password.
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        // Properties.put, not setProperty: Jakarta Mail takes these as factory objects.
        if (TLS.equals(security)) {
            p.put(prefix + "ssl.socketFactory", NoDelaySockets.TLS);
        } else {
            p.put(prefix + "socketFactory", NoDelaySockets.PLAIN);
        }
        if (!NONE.equals(security)) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        // 550 for one recipient must not cost the others: report who failed instead of aborting.
        p.setProperty(prefix + "sendpartial", "true");
        return Session.getInstance(p);
    }

    String protocol() {
        return TLS.equals(security) ? "smtps" : "smtp";
    }
}
