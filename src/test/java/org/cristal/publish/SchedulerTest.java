package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.publish.WebhookReceiver.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's scheduler: sends what is due on its own thread, wakes when asked, stops when closed. */
class SchedulerTest {
    @TempDir
    Path dir;

    @Test
    void sendsDueEntriesInTheBackgroundAndLaterOnesWhenTheirTimeComes() throws Exception {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        try (PublishFixture f = new PublishFixture(dir)) {
            f.ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                    Map.of("url", f.receiver.url(), "timeoutSeconds", "30")));
            f.receiver.then(Fault.STORE_AND_HOLD);
            OutboxEntry now = f.queueNow();
            // Another story: a story has one unfinished publication per account.
            OutboxEntry later = f.publisher.queue("velo-atelier-solidaire", "hook",
                    PublishFixture.T0.plus(Duration.ofMinutes(30)), PublishFixture.PARIS);
            LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
            Scheduler scheduler = new Scheduler(f.publisher, executor);
            scheduler.addListener(outcomes::add);

            long start = System.nanoTime();
            scheduler.start();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "start() returns at once");
            assertTrue(f.receiver.awaitHolding(30), "the due entry is being sent in the background");
            f.receiver.release();
            Outcome first = outcomes.poll(30, TimeUnit.SECONDS);
            assertEquals(now.id(), first.entry().id());
            assertTrue(first.sent());
            assertEquals(OutboxState.SCHEDULED, f.entry(later.id()).state(), "not before its time");

            f.clock.advance(Duration.ofMinutes(30));
            scheduler.wake();
            Outcome second = outcomes.poll(30, TimeUnit.SECONDS);
            assertEquals(later.id(), second.entry().id());
            assertTrue(second.sent());

            scheduler.close();
            f.queueNow();
            scheduler.wake();
            assertTrue(executor.getQueue().isEmpty(), "nothing scheduled once closed");
            assertEquals(2, f.receiver.requests().size());
        } finally {
            executor.shutdownNow();
        }
    }
}
