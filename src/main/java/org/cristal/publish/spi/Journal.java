package org.cristal.publish.spi;

import java.util.Map;
import java.util.Optional;

/**
 * What a long publication has already done, kept in the workspace next to its outbox entry, so a send
 * interrupted by a crash resumes where it stopped instead of starting again: the recipients a newsletter
 * reached, the posts of a thread already up (and their ids, to reply to the last one).
 *
 * <p>Write an item right after the remote side accepted it; before sending an item, skip it if the
 * journal has it. {@link #put} is durable when it returns.
 */
public interface Journal {
    Optional<String> get(String key);

    void put(String key, String value);

    /** Every item recorded so far, in no particular order. */
    Map<String, String> all();

    /** A journal kept in {@code items}, living as long as the map (a connection test, a plugin test). */
    static Journal inMemory(Map<String, String> items) {
        return new Journal() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(items.get(key));
            }

            @Override
            public void put(String key, String value) {
                items.put(key, value);
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(items);
            }
        };
    }
}
