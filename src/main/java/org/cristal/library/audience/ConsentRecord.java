package org.cristal.library.audience;

import java.time.Instant;

/**
 * A row of the consent ledger.
 *
 * @param id         its place in the ledger (later rows have larger ids)
 * @param contactId  whose
 * @param event      what was given or withdrawn, when, how and the proof
 * @param batch      the import batch that wrote it, or 0
 * @param recordedAt when Cristal wrote it
 */
public record ConsentRecord(long id, long contactId, ConsentEvent event, long batch, Instant recordedAt) {
}
