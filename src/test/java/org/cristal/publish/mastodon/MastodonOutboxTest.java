package org.cristal.publish.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.Outcome;
import org.cristal.publish.Progress;
import org.cristal.publish.Publisher;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mastodon through the outbox of a real workspace: retries that outlive the hour Mastodon keeps its keys. */
class MastodonOutboxTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRetryAfterMastodonForgotTheKeyOfALostAnswerAsksFirstAndPostsNoSecondCopy() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (FakeMastodon server = new FakeMastodon(); Workspace ws = Workspace.open(dir.resolve("m.cristal"), clock)) {
            server.now = clock::instant;
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of("instance", server.url())));
            MapSecrets secrets = new MapSecrets();
            secrets.put("masto", "token", FakeMastodon.TOKEN);
            Publisher publisher = new Publisher(ws,
                    () -> List.of(new MastodonPlugin(Duration.ofSeconds(20), Duration.ofMillis(20))), secrets, clock,
                    () -> 0.0);
            server.fault(FakeMastodon.STATUSES, 1, Fault.DROP_AFTER_WORK);
            server.fault(FakeMastodon.STATUSES, 2, Fault.SERVER_ERROR);
            OutboxEntry e = publisher.queue("boulangerie-levain", "masto", clock.instant(), ZoneId.of("Europe/Paris"));

            Outcome lost = publisher.send(e.id(), Progress.NONE, () -> false);
            assertEquals(OutboxState.RETRYING, lost.entry().state());
            assertEquals(1, server.statuses.size(), "Mastodon created the status; its answer was lost");

            clock.set(lost.entry().nextAttemptAt());
            Outcome withinTheHour = publisher.sendDue(Progress.NONE, () -> false).get(0);
            assertEquals(OutboxState.RETRYING, withinTheHour.entry().state());
            assertFalse(server.requests.contains("GET /api/v1/accounts/1/statuses"),
                    "within the hour the key is enough: nothing to ask");

            clock.set(T0.plus(Duration.ofMinutes(63)));
            server.forgetKeys();
            List<Outcome> later = publisher.sendDue(Progress.NONE, () -> false);

            assertEquals(1, later.size());
            assertTrue(later.get(0).sent(), String.valueOf(later.get(0).message()));
            assertEquals(1, server.statuses.size(), "no second copy");
            assertEquals(server.statuses.get(0).id(), later.get(0).entry().remoteId());
            assertEquals(1, server.uploads.size(), "the image went once");
        }
    }
}
