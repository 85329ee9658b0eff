package org.cristal.publish.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.cristal.publish.facebook.FakeGraph;
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instagram through the outbox of a real workspace: the lost answer of the publish step is looked up, never published twice. */
class InstagramOutboxTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRetryAfterTheLostAnswerOfThePublishFindsTheMediaAndPostsNoSecondCopy() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (FakeGraph graph = new FakeGraph(); Workspace ws = Workspace.open(dir.resolve("i.cristal"), clock)) {
            graph.now = clock::instant;
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("ig", "instagram", "Boulangerie", Map.of("api", graph.url(),
                    "appId", FakeGraph.APP_ID, "account", FakeGraph.IG_ID)));
            MapSecrets secrets = new MapSecrets();
            secrets.put("ig", "pageToken", FakeGraph.PAGE_TOKEN);
            secrets.put("ig", "appSecret", FakeGraph.APP_SECRET);
            // Connected, as the Connect button leaves it (the Page token came with the grant).
            new org.cristal.publish.oauth.Grants(secrets, clock).save("ig",
                    new org.cristal.publish.oauth.Grant(FakeGraph.LONG_TOKEN, null, null, ""));
            Publisher publisher = new Publisher(ws, () -> List.of(new InstagramPlugin(Duration.ofSeconds(20), Duration.ofMillis(10),
                    Duration.ofSeconds(5))),
                    secrets, clock, () -> 0.0);
            String publish = "POST " + FakeGraph.V + FakeGraph.IG_ID + "/media_publish";
            graph.fault(publish, 1, Fault.DROP_AFTER_WORK);
            OutboxEntry e = publisher.queue("boulangerie-levain", "ig", clock.instant(), ZoneId.of("Europe/Paris"));

            Outcome lost = publisher.send(e.id(), Progress.NONE, () -> false);
            assertEquals(OutboxState.RETRYING, lost.entry().state());
            assertEquals(1, graph.media.size(), "Instagram published it; its answer was lost");

            clock.set(lost.entry().nextAttemptAt());
            List<Outcome> later = publisher.sendDue(Progress.NONE, () -> false);
            assertEquals(1, later.size());
            assertTrue(later.get(0).sent(), String.valueOf(later.get(0).message()));
            assertEquals(1, graph.media.size(), "no second copy");
            assertEquals(1, graph.calls(publish), "published once");
            assertEquals(1, graph.hiddenPhotos.size(), "the image went once");
            assertEquals(graph.media.get(0).id(), later.get(0).entry().remoteId());
        }
    }
}
