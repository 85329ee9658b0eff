package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.WebhookReceiver.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test: a real JVM is killed after the receiver got the story and before the outbox
 * recorded it as sent; a fresh publisher on the same file then recovers, and the receiver ends up with
 * exactly one story. (The webhook's lookup cannot ask a generic receiver, so recovery sends again with the
 * same Idempotency-Key, and the receiver, as a real one must, keeps the first.)
 */
class KillMidSendTest {
    @TempDir
    Path dir;

    @Test
    void killedBetweenSendingAndRecordingThePostIsStillReceivedOnce() throws Exception {
        try (PublishFixture f = new PublishFixture(dir)) {
            f.ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                    Map.of("url", f.receiver.url(), "timeoutSeconds", "60")));
            f.receiver.then(Fault.STORE_AND_HOLD);
            OutboxEntry e = f.queueNow();

            Process child = startChild(f, e);
            try {
                assertTrue(f.receiver.awaitHolding(90), "the child sent the story: " + log());
                assertEquals(OutboxState.SENDING, f.entry(e.id()).state(), "claimed, not yet recorded");
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
                f.receiver.release();
            }
            assertEquals(OutboxState.SENDING, f.entry(e.id()).state(), "the kill left it interrupted");
            assertEquals(1, f.receiver.requests().size());

            try (Workspace again = Workspace.open(f.file, f.clock)) {
                Publisher fresh = new Publisher(again, () -> List.of(new org.cristal.publish.webhook.WebhookPlugin()),
                        f.secrets, f.clock, () -> 0.0);
                assertEquals(List.of(), fresh.recover(), "right after, it could still be another sender's");
                f.clock.advance(Publisher.LEASE);
                List<Outcome> recovered = fresh.recover();
                assertEquals(1, recovered.size());
                assertEquals(OutboxState.RETRYING, recovered.get(0).entry().state(), "released to send again");
                List<Outcome> sent = fresh.sendDue(Progress.NONE, () -> false);
                assertEquals(1, sent.size());
                assertTrue(sent.get(0).sent(), String.valueOf(sent.get(0).message()));
                assertEquals("post-1", sent.get(0).entry().remoteId(), "the receiver answered with the first post");
                assertEquals(List.of(), fresh.sendDue(Progress.NONE, () -> false), "nothing left to send");
            }
            assertEquals(2, f.receiver.requests().size(), "two requests arrived");
            assertEquals(1, f.receiver.stored().size(), "one story kept");
            assertEquals(e.idempotencyKey(), f.receiver.requests().get(1).idempotencyKey());
        }
    }

    private Process startChild(PublishFixture f, OutboxEntry e) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", cp, KillChild.class.getName(),
                f.file.toString(), Long.toString(e.id()), f.clock.instant().toString());
        pb.environment().put("CRISTAL_TEST_SECRET", PublishFixture.SECRET);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        return pb.start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException ex) {
            return "(no log)";
        }
    }
}
