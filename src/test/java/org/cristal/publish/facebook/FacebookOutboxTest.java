package org.cristal.publish.facebook;

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
import org.cristal.publish.social.FakeService.Fault;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Facebook Page through the outbox of a real workspace: the Graph API keeps no key, so a lost answer is looked up. */
class FacebookOutboxTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRetryAfterALostAnswerFindsThePhotoPostAndPostsNoSecondCopy() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (FakeGraph graph = new FakeGraph(); Workspace ws = Workspace.open(dir.resolve("f.cristal"), clock)) {
            graph.now = clock::instant;
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("fb", "facebook-page", "Boulangerie", Map.of("api", graph.url(),
                    "appId", FakeGraph.APP_ID, "page", FakeGraph.PAGE_ID)));
            MapSecrets secrets = new MapSecrets();
            secrets.put("fb", "pageToken", FakeGraph.PAGE_TOKEN);
            secrets.put("fb", "appSecret", FakeGraph.APP_SECRET);
            // Connected, as the Connect button leaves it (the Page token came with the grant).
            new org.cristal.publish.oauth.Grants(secrets, clock).save("fb",
                    new org.cristal.publish.oauth.Grant(FakeGraph.LONG_TOKEN, null, null, ""));
            Publisher publisher = new Publisher(ws, () -> List.of(new FacebookPagePlugin(Duration.ofSeconds(20))),
                    secrets, clock, () -> 0.0);
            String photos = "POST " + FakeGraph.V + FakeGraph.PAGE_ID + "/photos";
            graph.fault(photos, 1, Fault.DROP_AFTER_WORK);
            OutboxEntry e = publisher.queue("boulangerie-levain", "fb", clock.instant(), ZoneId.of("Europe/Paris"));

            Outcome lost = publisher.send(e.id(), Progress.NONE, () -> false);
            assertEquals(OutboxState.RETRYING, lost.entry().state());
            assertEquals(1, graph.posts.size(), "Facebook made the post; its answer was lost");

            clock.set(lost.entry().nextAttemptAt());
            List<Outcome> later = publisher.sendDue(Progress.NONE, () -> false);
            assertEquals(1, later.size());
            assertTrue(later.get(0).sent(), String.valueOf(later.get(0).message()));
            assertEquals(1, graph.posts.size(), "no second copy");
            assertEquals(1, graph.calls(photos), "the photo went once");
            assertEquals(graph.posts.get(0).id(), later.get(0).entry().remoteId());
        }
    }
}
