package org.cristal.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.Recipients;

/**
 * A publish context for plugin tests: an in-memory journal, the progress reported, and a cancel that
 * trips after a number of progress calls (the way a user presses Cancel mid-send).
 */
public class TestContext implements PublishContext {
    private final Map<String, String> journal = new ConcurrentHashMap<>();
    private final List<String> progress = new ArrayList<>();
    private volatile int cancelAfter = Integer.MAX_VALUE;
    private volatile boolean cancelled;
    private Clock clock = Clock.systemUTC();
    private Locale locale = Locale.ENGLISH;
    private Recipients recipients;

    public TestContext() {
    }

    /** Reports cancelled once {@code calls} progress reports have been made. */
    public TestContext cancelAfter(int calls) {
        this.cancelAfter = calls;
        return this;
    }

    public TestContext cancelNow() {
        this.cancelled = true;
        return this;
    }

    public TestContext clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** The audience a newsletter sends to. */
    public TestContext recipients(Recipients r) {
        this.recipients = r;
        return this;
    }

    @Override
    public Optional<Recipients> recipients() {
        return Optional.ofNullable(recipients);
    }

    public TestContext locale(Locale l) {
        this.locale = l;
        return this;
    }

    @Override
    public synchronized void progress(double fraction, LocalText message) {
        progress.add(fraction + " " + (message == null ? "" : message.get(locale)));
        if (progress.size() >= cancelAfter) {
            cancelled = true;
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Journal journal() {
        return Journal.inMemory(journal);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    /** The journal as the plugin left it; tests may pre-fill it to simulate a resumed send. */
    public Map<String, String> journalMap() {
        return journal;
    }

    public synchronized List<String> progressReports() {
        return List.copyOf(progress);
    }
}
