package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.StoryFilter;
import org.cristal.publish.WebhookReceiver.Fault;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.story.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher when things break around a publication: a story that cannot be rendered, a workspace that
 * cannot record a success, the same story queued twice, a connection test that fails.
 */
class PublisherFaultsTest {
    @TempDir
    Path dir;
    PublishFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Runs SQL on the workspace file through a second connection, as another program would. */
    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** A story of a brand kit whose stored text is then damaged: rendering it fails with a workspace error. */
    private String storyOfABrokenBrand() throws Exception {
        f.ws.brands().save("cassee", "id: cassee\nname: \"Cassée\"\n");
        String id = f.ws.stories().save("", "---\ntitle: \"Fermeture exceptionnelle\"\nbrand: cassee\nlang: fr\n"
                + "status: approved\n---\n\nLe fournil est fermé lundi.\n").id();
        sql("UPDATE brands SET source = 'name: [unclosed' WHERE id = 'cassee'");
        return id;
    }

    @Test
    void anInterruptedEntryThatCannotBePreparedDoesNotStopTheDueOnes() throws Exception {
        String broken = storyOfABrokenBrand();
        OutboxEntry stuck = f.publisher.queue(broken, "hook", f.clock.instant(), PublishFixture.PARIS);
        assertTrue(f.ws.outbox().claim(stuck.id()), "a sender took it, then the app died");
        f.clock.advance(Publisher.LEASE);
        OutboxEntry due = f.queueNow();

        List<Outcome> out = f.publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(2, out.size(), String.valueOf(out));
        assertEquals(stuck.id(), out.get(0).entry().id());
        assertFalse(out.get(0).sent());
        assertTrue(out.get(0).message().get(Locale.ENGLISH).startsWith("This publication could not be handled"),
                out.get(0).message().toString());
        assertTrue(out.get(0).message().get(Locale.FRENCH).startsWith("Cette publication n’a pas pu être traitée"),
                out.get(0).message().toString());
        assertEquals(OutboxState.SENDING, f.entry(stuck.id()).state(), "still to be looked up, never resent blindly");
        assertTrue(out.get(1).sent(), "the due one went");
        assertEquals(OutboxState.SENT, f.entry(due.id()).state());
        assertEquals(1, f.receiver.requests().size());
    }

    @Test
    void theSchedulerSendsTheDueOnesPastAnEntryThatCannotBePrepared() throws Exception {
        String broken = storyOfABrokenBrand();
        OutboxEntry stuck = f.publisher.queue(broken, "hook", f.clock.instant(), PublishFixture.PARIS);
        assertTrue(f.ws.outbox().claim(stuck.id()));
        f.clock.advance(Publisher.LEASE);
        OutboxEntry due = f.queueNow();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        try (Scheduler scheduler = new Scheduler(f.publisher, executor)) {
            scheduler.addListener(outcomes::add);
            scheduler.start();
            Outcome first = outcomes.poll(30, TimeUnit.SECONDS);
            Outcome second = outcomes.poll(30, TimeUnit.SECONDS);
            assertEquals(stuck.id(), first.entry().id());
            assertFalse(first.sent());
            assertEquals(due.id(), second.entry().id());
            assertTrue(second.sent());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aSuccessTheWorkspaceCannotRecordIsNeverSentAgain() throws Exception {
        Counting plugin = new Counting();
        f.plugins.add(plugin);
        f.ws.channelAccounts().save(ChannelAccount.of("count", "counting", "Counted", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "count", f.clock.instant(), PublishFixture.PARIS);
        sql("CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox WHEN NEW.state = 'SENT' "
                + "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");

        Outcome o = f.publisher.send(e.id(), Progress.NONE, () -> false);

        assertEquals(1, plugin.published);
        assertTrue(o.sent(), "it did go out");
        assertTrue(o.message().get(Locale.ENGLISH).contains("could not record it"), o.message().toString());
        assertEquals(OutboxState.SENDING, f.entry(e.id()).state(), "not FAILED: nothing must offer to send it again");
        assertFalse(f.ws.outbox().reschedule(e.id(), f.clock.instant(), PublishFixture.PARIS), "Try again cannot take it");

        sql("DROP TRIGGER refuse_sent");
        f.clock.advance(Publisher.LEASE);
        List<Outcome> later = f.publisher.sendDue(Progress.NONE, () -> false);

        assertEquals(1, later.size());
        assertTrue(later.get(0).sent());
        assertEquals(OutboxState.SENT, f.entry(e.id()).state());
        assertEquals("remote-1", f.entry(e.id()).remoteId(), "the remote id was kept");
        assertEquals(1, plugin.published, "sent once");
    }

    @Test
    void afterARestartASuccessThatWasNotRecordedIsLookedUpNotSentAgain() throws Exception {
        PublisherTest.Remembering plugin = new PublisherTest.Remembering();
        f.plugins.add(plugin);
        f.ws.channelAccounts().save(ChannelAccount.of("mem", "remembering", "Remembers", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "mem", f.clock.instant(), PublishFixture.PARIS);
        sql("CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox WHEN NEW.state = 'SENT' "
                + "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        f.publisher.send(e.id(), Progress.NONE, () -> false);
        sql("DROP TRIGGER refuse_sent");
        f.clock.advance(Publisher.LEASE);

        Publisher restarted = new Publisher(f.ws, () -> f.plugins, f.secrets, f.clock, () -> 0.0);
        List<Outcome> recovered = restarted.recover();

        assertEquals(1, recovered.size());
        assertEquals(OutboxState.SENT, f.entry(e.id()).state());
        assertEquals(1, PublisherTest.Remembering.published, "found by lookup, not posted again");
    }

    @Test
    void aServiceThatCanNeverSayWhetherALostPostWentFailsItWithItsSentenceInsteadOfAskingForDays() throws Exception {
        int[] published = {0};
        PublisherTest.TestPlugin plugin = new PublisherTest.TestPlugin("remembering") {
            @Override
            public PublishResult publish(PublishRequest request, PublishContext context) {
                published[0]++;
                return new PublishResult("new", "", context.clock().instant(), 1);
            }

            @Override
            public Optional<PublishResult> lookup(PublishRequest request, PublishContext context)
                    throws PublishException {
                throw PublishException.permanent(LocalText.of("Look at your profile: this service cannot tell.",
                        "Regardez votre profil : ce service ne peut pas le dire."));
            }
        };
        f.plugins.add(plugin);
        f.ws.channelAccounts().save(ChannelAccount.of("mem", "remembering", "Remembers", Map.of()));
        OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "mem", f.clock.instant(), PublishFixture.PARIS);
        sql("CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox WHEN NEW.state = 'SENT' "
                + "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        f.publisher.send(e.id(), Progress.NONE, () -> false);
        sql("DROP TRIGGER refuse_sent");
        f.clock.advance(Publisher.LEASE);

        new Publisher(f.ws, () -> f.plugins, f.secrets, f.clock, () -> 0.0).recover();

        OutboxEntry after = f.entry(e.id());
        assertEquals(OutboxState.FAILED, after.state(), "not retried for days: the service will never say");
        assertTrue(after.error().get("en").contains("Look at your profile"), after.error().toString());
        assertEquals(1, published[0], "never sent a second time");
    }

    @Test
    void queuingAStoryBeingRetriedKeepsThatPublicationAndSaysSo() {
        f.receiver.then(Fault.ERROR_500);
        OutboxEntry first = f.queueNow();
        assertEquals(OutboxState.RETRYING, f.publisher.send(first.id(), Progress.NONE, () -> false).entry().state());
        f.clock.advance(Duration.ofSeconds(20));

        Queued again = f.publisher.enqueue(PublishFixture.STORY, "hook", f.clock.instant(), PublishFixture.PARIS);

        assertEquals(first.id(), again.entry().id(), "no second entry");
        assertEquals(Queued.How.KEPT, again.how());
        assertTrue(again.note().get(Locale.ENGLISH).contains("already being retried on “Zapier (levain)”"),
                again.note().toString());
        assertTrue(again.note().get(Locale.FRENCH).contains("déjà en cours de nouvel essai"), again.note().toString());
        assertEquals(1, f.ws.outbox().forStory(PublishFixture.STORY).size());
    }

    @Test
    void queuingAStoryAlreadyScheduledReplacesThatPublicationAndSaysSo() {
        OutboxEntry tuesday = f.publisher.queue(PublishFixture.STORY, "hook", PublishFixture.T0.plus(Duration.ofDays(1)),
                PublishFixture.PARIS);

        Queued friday = f.publisher.enqueue(PublishFixture.STORY, "hook", PublishFixture.T0.plus(Duration.ofDays(4)),
                PublishFixture.PARIS);

        assertNotEquals(tuesday.id(), friday.entry().id());
        assertEquals(Queued.How.REPLACED, friday.how());
        assertEquals(OutboxState.CANCELLED, f.entry(tuesday.id()).state());
        assertTrue(friday.note().get(Locale.ENGLISH).startsWith("Replaces the publication on “Zapier (levain)”"),
                friday.note().toString());
        assertEquals(1, f.ws.outbox().forStory(PublishFixture.STORY).stream()
                .filter(e -> e.state() == OutboxState.SCHEDULED).count());
    }

    @Test
    void aPublishedStoryGetsThePublishedStatusAsANewRevision() throws Exception {
        int before = f.ws.stories().get(PublishFixture.STORY).orElseThrow().revision();

        assertTrue(f.publisher.send(f.queueNow().id(), Progress.NONE, () -> false).sent());

        var stored = f.ws.stories().get(PublishFixture.STORY).orElseThrow();
        assertEquals(Status.PUBLISHED, stored.story().status());
        assertEquals(before + 1, stored.revision(), "a revision of its own");
        assertTrue(f.ws.stories().list(StoryFilter.ALL.withStatus(Status.PUBLISHED)).stream()
                .anyMatch(s -> s.id().equals(PublishFixture.STORY)), "the Published filter finds it");
        ChecklistItem again = f.publisher.checklist(PublishFixture.STORY).stream()
                .filter(i -> i.account().id().equals("hook")).findFirst().orElseThrow();
        assertTrue(again.reasons().stream().anyMatch(r -> r.get(Locale.ENGLISH).startsWith("Already published")),
                "the status change alone does not make it a new text: " + again.reasons());
    }

    @Test
    void onlyAnEntryThatWillBeRetriedSaysCristalWillTryAgain() {
        Fault[] always = new Fault[Backoff.MAX_ATTEMPTS];
        java.util.Arrays.fill(always, Fault.ERROR_500);
        f.receiver.then(always);
        Outcome o = f.publisher.send(f.queueNow().id(), Progress.NONE, () -> false);
        assertTrue(o.message().get(Locale.ENGLISH).endsWith("Cristal will try again."), o.message().toString());
        assertTrue(o.message().get(Locale.FRENCH).endsWith("Cristal réessaiera."), o.message().toString());
        while (o.entry().state() == OutboxState.RETRYING) {
            f.clock.set(o.entry().nextAttemptAt());
            o = f.publisher.sendDue(Progress.NONE, () -> false).get(0);
        }

        assertEquals(OutboxState.FAILED, o.entry().state());
        assertTrue(o.entry().error().get("en").startsWith("Gave up after 16 attempts"), o.entry().error().toString());
        assertFalse(o.entry().error().get("en").contains("try again"), o.entry().error().toString());
        assertFalse(o.entry().error().get("fr").contains("réessaiera"), o.entry().error().toString());
    }

    /** A plugin that counts what it publishes; its service cannot be asked afterwards. */
    static final class Counting extends PublisherTest.TestPlugin {
        volatile int published;

        Counting() {
            super("counting");
        }

        @Override
        public PublishResult publish(PublishRequest request, PublishContext context) {
            published++;
            return new PublishResult("remote-" + published, "", context.clock().instant(), 1);
        }
    }
}
