package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio and a cron job sending from one workspace file at once: each publication goes once. */
class TwoSendersTest {
    @TempDir
    Path dir;

    @Test
    void twoPublishersOnOneFileNeverSendAnEntryTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PublishFixture f = new PublishFixture(dir); Workspace cronFile = Workspace.open(f.file, f.clock)) {
            List<OutboxEntry> queued = new ArrayList<>();
            // Six stories: a story has one unfinished publication per account.
            List<String> stories = f.ws.stories().list().stream().map(s -> s.id()).toList();
            assertEquals(6, stories.size());
            for (int i = 0; i < 6; i++) {
                queued.add(f.publisher.queue(stories.get(i), "hook", PublishFixture.T0.minusSeconds(i),
                        PublishFixture.PARIS));
            }
            Publisher cron = new Publisher(cronFile, () -> f.plugins, f.secrets, f.clock, () -> 0.0);
            CountDownLatch go = new CountDownLatch(1);
            Future<List<Outcome>> a = pool.submit(() -> {
                go.await();
                return f.publisher.sendDue(Progress.NONE, () -> false);
            });
            Future<List<Outcome>> b = pool.submit(() -> {
                go.await();
                return cron.sendDue(Progress.NONE, () -> false);
            });
            go.countDown();
            long sent = a.get().stream().filter(Outcome::sent).count() + b.get().stream().filter(Outcome::sent).count();

            assertEquals(6, sent, "between them, each entry sent once");
            assertEquals(6, f.receiver.requests().size(), "six requests, not more");
            assertEquals(6, f.receiver.stored().size());
            for (OutboxEntry e : queued) {
                assertEquals(OutboxState.SENT, f.entry(e.id()).state());
                assertEquals(1, f.entry(e.id()).attempts());
            }
            assertTrue(f.publisher.sendDue(Progress.NONE, () -> false).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPublisherStartingWhileAnotherSendsLeavesThatSendAlone() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (PublishFixture f = new PublishFixture(dir); Workspace studioFile = Workspace.open(f.file, f.clock)) {
            f.ws.channelAccounts().save(org.cristal.library.ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                    java.util.Map.of("url", f.receiver.url(), "timeoutSeconds", "30")));
            f.receiver.then(WebhookReceiver.Fault.STORE_AND_HOLD);
            OutboxEntry e = f.queueNow();
            Future<Outcome> sending = pool.submit(() -> f.publisher.send(e.id(), Progress.NONE, () -> false));
            assertTrue(f.receiver.awaitHolding(30));

            Publisher studio = new Publisher(studioFile, () -> f.plugins, f.secrets, f.clock, () -> 0.0);
            f.clock.advance(java.time.Duration.ofSeconds(90));
            assertEquals(List.of(), studio.recover(), "still within the sender's lease");
            f.receiver.release();

            assertTrue(sending.get().sent());
            assertEquals(1, f.receiver.requests().size());
            assertEquals(OutboxState.SENT, f.entry(e.id()).state());
        } finally {
            pool.shutdownNow();
        }
    }
}
