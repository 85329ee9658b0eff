package org.cristal.publish;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;

/** A context for calls outside the outbox (connection tests): a journal that lives only as long as the call. */
public final class MemoryContext implements PublishContext {
    private final Map<String, String> items = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Locale locale;

    MemoryContext(Clock clock) {
        this(clock, Locale.getDefault());
    }

    public MemoryContext(Clock clock, Locale locale) {
        this.clock = clock;
        this.locale = locale;
    }

    @Override
    public void progress(double fraction, LocalText message) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public Journal journal() {
        return Journal.inMemory(items);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Locale locale() {
        return locale;
    }
}
