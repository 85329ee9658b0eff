package org.cristal.publish;

import org.cristal.library.OutboxEntry;
import org.cristal.publish.spi.LocalText;

/**
 * What queuing a story on an account did. A story has at most one unfinished publication per account:
 * queuing it again while one is scheduled, being sent or retried reuses or replaces that one, never adds a
 * second (which would post twice).
 *
 * @param entry the entry that will publish it
 * @param how   what became of an earlier unfinished entry
 * @param note  what to tell the user about it; null for {@link How#NEW} and {@link How#SAME}
 */
public record Queued(OutboxEntry entry, How how, LocalText note) {
    public enum How {
        /** A new entry; there was none unfinished. */
        NEW,
        /** The very same publication (story revision, account and time) was already queued. */
        SAME,
        /** An entry already being sent or retried (or partly sent) is kept, with its key and journal. */
        KEPT,
        /** A scheduled entry nothing had been sent for was withdrawn for this one. */
        REPLACED
    }
}
