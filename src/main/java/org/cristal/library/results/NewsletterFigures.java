package org.cristal.library.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A newsletter's own figures, from Cristal's journal of what it sent (deliveries) and the consent ledger:
 * no tracking pixel, no service asked. See docs/results.md, "The newsletter's own figures".
 */
final class NewsletterFigures {
    /**
     * A later e-mail to the same person, sent after this one: a bounce or an unsubscribe is put down to the
     * last newsletter the person got before it.
     */
    private static final String LATER = "SELECT min(l.at) FROM deliveries l WHERE l.contact = d.contact "
            + "AND l.channel = 'email' AND l.outcome = 'sent' AND (l.at > d.at OR l.at = d.at AND l.id > d.id)";

    private NewsletterFigures() {
    }

    static Map<String, Long> of(Connection c, long entry) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(outcome = 'sent'), sum(outcome = 'refused'), "
                + "sum(outcome = 'bounced') FROM deliveries WHERE entry = ?")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put(Counts.RECIPIENTS, rs.getLong(1));
                out.put(Counts.REFUSED, rs.getLong(2));
                out.put(Counts.BOUNCED, rs.getLong(3));
            }
        }
        // A hard bounce arrives after the send and marks the address; the e-mail that bounced is the last
        // one the person was sent (no e-mail goes to a bounced address afterwards).
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM deliveries d JOIN contacts k "
                + "ON k.id = d.contact WHERE d.entry = ? AND d.outcome = 'sent' AND k.email_status = 'bounced' "
                + "AND (" + LATER + ") IS NULL")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.merge(Counts.BOUNCED, rs.getLong(1), Long::sum);
            }
        }
        // Read from the ledger, not the current state: someone who withdrew and later agreed again still
        // unsubscribed after this e-mail.
        try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT d.contact) FROM deliveries d "
                + "WHERE d.entry = ? AND d.outcome = 'sent' AND EXISTS (SELECT 1 FROM consents k "
                + "WHERE k.contact = d.contact AND k.channel = 'email' AND k.purpose = 'marketing' "
                + "AND k.granted = 0 AND k.at >= d.at AND k.at < coalesce((" + LATER + "), 9223372036854775807))")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put(Counts.UNSUBSCRIBED, rs.getLong(1));
            }
        }
        return out;
    }
}
