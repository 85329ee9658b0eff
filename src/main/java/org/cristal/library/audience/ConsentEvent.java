package org.cristal.library.audience;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent given or withdrawn, as written to the ledger.
 *
 * @param channel the channel it is for
 * @param purpose marketing or service
 * @param granted true for a grant, false for a withdrawal
 * @param at      when the person agreed or withdrew (an imported opt-in keeps its original time)
 * @param method  how
 * @param source  where it came from: the file imported, the form's name, the mailbox it was read from
 * @param ip      the address the person agreed from, when known (imported from Mailchimp's OPTIN_IP)
 * @param proof   the text the person agreed to, or the request they sent
 */
public record ConsentEvent(ContactChannel channel, Purpose purpose, boolean granted, Instant at,
        ConsentMethod method, String source, String ip, String proof) {
    public ConsentEvent {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(at);
        Objects.requireNonNull(method);
        source = source == null ? "" : source;
        ip = ip == null ? "" : ip;
        proof = proof == null ? "" : proof;
    }

    public static ConsentEvent grant(ContactChannel channel, Purpose purpose, Instant at, ConsentMethod method,
            String source, String proof) {
        return new ConsentEvent(channel, purpose, true, at, method, source, "", proof);
    }

    public static ConsentEvent withdraw(ContactChannel channel, Purpose purpose, Instant at, ConsentMethod method,
            String source, String proof) {
        return new ConsentEvent(channel, purpose, false, at, method, source, "", proof);
    }
}
