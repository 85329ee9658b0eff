package org.cristal.publish.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's background reading of the unsubscribe mailbox, against GreenMail. */
class PeriodicSyncTest {
    @TempDir
    Path dir;
    MailboxFixture f;
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        f = new MailboxFixture(dir);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        f.close();
    }

    @Test
    void theMailboxIsReadWhenTheStudioStartsAndAgainWhenAsked() throws Exception {
        long anna = f.subscriber("anna@client.example");
        long bob = f.subscriber("bob@client.example");
        f.deliver(f.plain("anna@client.example", "<a@client.example>", "unsubscribe " + f.token(anna), ""));
        BlockingQueue<PeriodicSync.Result> results = new LinkedBlockingQueue<>();
        try (PeriodicSync sync = new PeriodicSync(f::sync, executor, Duration.ofHours(1))) {
            sync.addListener(results::add);
            sync.start();
            PeriodicSync.Result first = results.poll(30, TimeUnit.SECONDS);
            assertNotNull(first);
            assertNull(first.failure());
            assertEquals(1, first.report().unsubscribed());
            assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), f.audience.check(anna, ContactChannel.EMAIL, Purpose.MARKETING));

            f.deliver(f.plain("bob@client.example", "<b@client.example>", "unsubscribe " + f.token(bob), ""));
            sync.syncNow();
            PeriodicSync.Result second = results.poll(30, TimeUnit.SECONDS);
            assertNotNull(second);
            assertEquals(1, second.report().unsubscribed());
            assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), f.audience.check(bob, ContactChannel.EMAIL, Purpose.MARKETING));
        }
    }

    @Test
    void aFailingMailboxIsReportedInWordsAndTheNextRoundStillRuns() throws Exception {
        new Mailboxes(f.ws, f.secrets).save(new Mailbox(MailboxFixture.ACCOUNT, "127.0.0.1", f.imapPort(),
                Mailbox.NONE, MailboxFixture.BRAND_USER, "INBOX", Mailbox.Processed.SEEN), "wrong");
        BlockingQueue<PeriodicSync.Result> results = new LinkedBlockingQueue<>();
        try (PeriodicSync sync = new PeriodicSync(f::sync, executor, Duration.ofHours(1))) {
            sync.addListener(results::add);
            sync.start();
            PeriodicSync.Result failed = results.poll(30, TimeUnit.SECONDS);
            assertNotNull(failed);
            assertNotNull(failed.failure());
            f.mailbox(Mailbox.Processed.SEEN, f.imapPort());
            sync.syncNow();
            PeriodicSync.Result ok = results.poll(30, TimeUnit.SECONDS);
            assertNotNull(ok);
            assertNull(ok.failure());
        }
    }
}
