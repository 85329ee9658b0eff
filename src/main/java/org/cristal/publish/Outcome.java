// PLACEHOLDER until i6-core merges
package org.cristal.publish;

import org.cristal.library.OutboxEntry;

/** What one attempt to send an outbox entry came to. */
public record Outcome(OutboxEntry entry, boolean sent, LocalText message) {
}
