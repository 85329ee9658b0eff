package org.cristal.publish.linkedin;

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
import org.cristal.publish.oauth.Grant;
import org.cristal.publish.oauth.Grants;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LinkedIn through the outbox of a real workspace: a post whose answer was lost is found, not posted again. */
class LinkedInOutboxTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRetryAfterALostAnswerFindsThePagePostAndRecordsItWithoutASecondPost() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (FakeLinkedIn server = new FakeLinkedIn(); Workspace ws = Workspace.open(dir.resolve("l.cristal"), clock)) {
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("li", "linkedin", "Boulangerie", Map.of("api", server.url(),
                    "clientId", "86ab4xq0cristal", "author", FakeLinkedIn.ORG)));
            MapSecrets secrets = new MapSecrets();
            secrets.put("li", "clientSecret", "WPL_AP1.secret.7d3e9f");
            // What Connect keeps: the core hands it to the plugin as OAuthConnect.ACCESS_TOKEN.
            new Grants(secrets, clock).save("li", new Grant(FakeLinkedIn.TOKEN, null, null, ""));
            Publisher publisher = new Publisher(ws, () -> List.of(new LinkedInPlugin(Duration.ofSeconds(20))),
                    secrets, clock, () -> 0.0);
            server.fault(FakeLinkedIn.POSTS, 1, Fault.DROP_AFTER_WORK);
            OutboxEntry e = publisher.queue("boulangerie-levain", "li", clock.instant(), ZoneId.of("Europe/Paris"));

            Outcome lost = publisher.send(e.id(), Progress.NONE, () -> false);
            assertEquals(OutboxState.RETRYING, lost.entry().state(), String.valueOf(lost.message()));
            assertEquals(1, server.posts.size(), "LinkedIn created the post; its answer was lost");

            clock.set(lost.entry().nextAttemptAt());
            List<Outcome> later = publisher.sendDue(Progress.NONE, () -> false);

            assertEquals(1, later.size());
            assertTrue(later.get(0).sent(), String.valueOf(later.get(0).message()));
            assertEquals(1, server.posts.size(), "no second post");
            assertEquals(server.posts.get(0).urn(), later.get(0).entry().remoteId());
            assertEquals(1, server.images.size(), "the image went once");
        }
    }
}
