package org.cristal.library.audience;

import java.time.Instant;

/**
 * One message Cristal sent, or held back, to a contact.
 *
 * @param contactId 0 once the contact was erased (the figure stays, anonymised)
 * @param entry     the outbox entry it belongs to, or 0
 * @param storyId   the story it carried
 * @param outcome   what happened
 * @param detail    the server's answer for a refusal, the reason for a message held back
 */
public record Delivery(long id, long contactId, long entry, String storyId, ContactChannel channel, Purpose purpose,
        Outcome outcome, String detail, Instant at) {
    /** What became of a message. */
    public enum Outcome {
        /** Accepted by the server (or printed). */
        SENT,
        /** Refused for good by the receiving server. */
        REFUSED,
        /** Returned later as undeliverable (a hard bounce). */
        BOUNCED,
        /** Not sent: the frequency cap was reached; may be sent later. */
        HELD;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Outcome of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
