package org.cristal.publish;

import java.util.Map;
import java.util.Optional;
import org.cristal.library.Outbox;
import org.cristal.publish.spi.Journal;

/**
 * An outbox entry's journal, in the workspace file: durable when {@link #put} returns.
 *
 * @param afterWrite run after each write (the publisher renews the entry's lease there)
 */
public record OutboxJournal(Outbox outbox, long entry, Runnable afterWrite) implements Journal {
    @Override
    public Optional<String> get(String key) {
        return outbox.journalGet(entry, key);
    }

    @Override
    public void put(String key, String value) {
        outbox.journalPut(entry, key, value);
        afterWrite.run();
    }

    @Override
    public Map<String, String> all() {
        return outbox.journal(entry);
    }
}
