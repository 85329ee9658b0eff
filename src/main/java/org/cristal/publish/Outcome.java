package org.cristal.publish;

import org.cristal.library.OutboxEntry;
import org.cristal.publish.spi.LocalText;

/**
 * What one attempt (or one recovery) did to an outbox entry.
 *
 * @param entry   the entry as recorded after the attempt
 * @param sent    whether it is live now
 * @param message why not, for the user; null when sent
 */
public record Outcome(OutboxEntry entry, boolean sent, LocalText message) {
}
