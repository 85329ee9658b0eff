package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NINE = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    private static OutboxEntry.New entry(String key, Instant at) {
        return new OutboxEntry.New(key, "pain-au-levain", 3, "mastodon", "mastodon", "social", "@levain", at, PARIS);
    }

    @Test
    void queuingTheSameKeyTwiceKeepsOneEntry() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry a = ws.outbox().add(entry("k1", NINE));
            OutboxEntry b = ws.outbox().add(entry("k1", NINE.plusSeconds(3600)));
            assertEquals(a.id(), b.id());
            assertEquals(NINE, b.scheduledAt(), "the first queuing stands");
            assertEquals(1, ws.outbox().recent(10).size());
        }
    }

    @Test
    void anEntryIsDueAtItsTimeAndOnlyOneSenderCanTakeIt() {
        Path file = dir.resolve("w.cristal");
        try (Workspace studio = Workspace.open(file); Workspace cron = Workspace.open(file)) {
            OutboxEntry e = studio.outbox().add(entry("k1", NINE));
            assertTrue(studio.outbox().due(NINE.minusSeconds(1)).isEmpty());
            assertEquals(List.of(e.id()), cron.outbox().due(NINE).stream().map(OutboxEntry::id).toList());
            assertEquals(NINE, studio.outbox().nextDue().orElseThrow());
            assertTrue(cron.outbox().claim(e.id()));
            assertFalse(studio.outbox().claim(e.id()), "the studio must not send what cron took");
            assertTrue(studio.outbox().due(NINE).isEmpty());
        }
    }

    @Test
    void aFailureThatMayPassIsDueAgainLaterAndASuccessIsRecorded() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry e = ws.outbox().add(entry("k1", NINE));
            ws.outbox().claim(e.id());
            ws.outbox().retry(e.id(), NINE.plusSeconds(60), Map.of("en", "Server busy", "fr", "Serveur occupé"));
            assertTrue(ws.outbox().due(NINE.plusSeconds(59)).isEmpty());
            OutboxEntry again = ws.outbox().due(NINE.plusSeconds(60)).get(0);
            assertEquals(OutboxState.RETRYING, again.state());
            assertEquals("Serveur occupé", again.error().get("fr"));
            assertTrue(ws.outbox().claim(e.id()));
            assertTrue(ws.outbox().sent(e.id(), "109", "https://piaille.fr/@levain/109", NINE.plusSeconds(61), 3));
            OutboxEntry done = ws.outbox().get(e.id()).orElseThrow();
            assertEquals(OutboxState.SENT, done.state());
            assertEquals(2, done.attempts());
            assertTrue(done.error().isEmpty());
            assertFalse(ws.outbox().reschedule(e.id(), NINE, PARIS), "what went live cannot be moved");
            assertFalse(ws.outbox().cancel(e.id()));
        }
    }

    @Test
    void anEntryWaitingForReconnectionIsToldFromAPlainRetryUntilItIsTriedAgain() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry waits = ws.outbox().add(entry("k1", NINE));
            OutboxEntry busy = ws.outbox().add(entry("k2", NINE));
            ws.outbox().claim(waits.id());
            ws.outbox().claim(busy.id());
            ws.outbox().awaitReconnection(waits.id(), NINE.plusSeconds(3600),
                    Map.of("en", "Reconnect Piaille: the token was withdrawn.", "fr", "Reconnectez Piaille."));
            ws.outbox().retry(busy.id(), NINE.plusSeconds(60), Map.of("en", "Server busy", "fr", "Serveur occupé"));
            OutboxEntry read = ws.outbox().get(waits.id()).orElseThrow();
            assertTrue(read.awaitsReconnection());
            assertEquals("Reconnectez Piaille.", read.error().get("fr"), "the sentence is kept as it was");
            assertFalse(ws.outbox().get(busy.id()).orElseThrow().awaitsReconnection());
            // Connected again: due at once, no longer waiting, the last sentence still there to read.
            assertEquals(1, ws.outbox().dueAgain("mastodon", NINE.plusSeconds(5)));
            OutboxEntry connected = ws.outbox().get(waits.id()).orElseThrow();
            assertFalse(connected.awaitsReconnection());
            assertEquals(NINE.plusSeconds(5), connected.nextAttemptAt());
            assertEquals("Reconnectez Piaille.", connected.error().get("fr"));
            OutboxEntry stillBusy = ws.outbox().get(busy.id()).orElseThrow();
            assertEquals("Serveur occupé", stillBusy.error().get("fr"));
            assertEquals(NINE.plusSeconds(60), stillBusy.nextAttemptAt(), "a busy server's wait is not cut short");
            // Tried again after a Connect and refused for another reason: no longer a matter of connecting.
            ws.outbox().claim(waits.id());
            ws.outbox().retry(waits.id(), NINE.plusSeconds(7200), Map.of("en", "Server busy"));
            assertFalse(ws.outbox().get(waits.id()).orElseThrow().awaitsReconnection());
        }
    }

    @Test
    void anEntryLeftSendingByACrashIsFoundInterruptedAfterReopeningWithItsJournal() {
        Path file = dir.resolve("w.cristal");
        long id;
        try (Workspace ws = Workspace.open(file)) {
            id = ws.outbox().add(entry("k1", NINE)).id();
            ws.outbox().claim(id);
            ws.outbox().journalPut(id, "post:1", "109");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(List.of(id), ws.outbox().interrupted().stream().map(OutboxEntry::id).toList());
            assertEquals(Map.of("post:1", "109"), ws.outbox().journal(id));
            assertTrue(ws.outbox().release(id));
            assertEquals(OutboxState.RETRYING, ws.outbox().get(id).orElseThrow().state());
        }
    }

    @Test
    void aRescheduledEntryMovesInTheCalendarAndKeepsTheUsersZone() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry e = ws.outbox().add(entry("k1", NINE));
            Instant later = NINE.plusSeconds(2 * 86400);
            assertTrue(ws.outbox().reschedule(e.id(), later, ZoneId.of("America/Montreal")));
            assertTrue(ws.outbox().between(NINE, NINE.plusSeconds(86400)).isEmpty());
            OutboxEntry moved = ws.outbox().between(later, later.plusSeconds(1)).get(0);
            assertEquals(ZoneId.of("America/Montreal"), moved.zone());
            assertTrue(ws.outbox().cancel(e.id()));
            assertTrue(ws.outbox().due(later).isEmpty());
        }
    }

    @Test
    void aSendingEntryCountsAsInterruptedOnlyOnceItsSenderHasBeenSilentLongEnough() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(NINE.toEpochMilli());
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"), clock)) {
            OutboxEntry e = ws.outbox().add(entry("k-lease", NINE));
            assertTrue(ws.outbox().claim(e.id()));
            now.addAndGet(60_000);
            assertEquals(List.of(), ws.outbox().interrupted(NINE.minusSeconds(1)), "claimed just now");
            assertTrue(ws.outbox().touch(e.id()), "the sender is alive");
            now.addAndGet(90_000);
            assertEquals(List.of(), ws.outbox().interrupted(Instant.ofEpochMilli(now.get()).minusSeconds(120)),
                    "touched 90 s ago");
            now.addAndGet(30_000);
            assertEquals(1, ws.outbox().interrupted(Instant.ofEpochMilli(now.get()).minusSeconds(120)).size());
            assertTrue(ws.outbox().sent(e.id(), "1", "", Instant.ofEpochMilli(now.get()), 1));
            assertFalse(ws.outbox().touch(e.id()), "a sent entry has no lease");
        }
    }
}
