package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal results fetch} on a real workspace file, with a Mastodon instance and an X API on loopback. */
class ResultsFetchCommandTest {
    private static final String TOKEN = "tok-cli-results-4d3c2b1a";
    @TempDir
    Path dir;
    private Locale saved;
    private LoopbackServer mastodon;
    private LoopbackServer x;

    @BeforeEach
    void setUp() throws Exception {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        mastodon = new LoopbackServer(r -> Answer.json(200, "{\"id\":\"1091\",\"replies_count\":1,"
                + "\"reblogs_count\":2,\"favourites_count\":3}"));
        x = new LoopbackServer(r -> Answer.json(403, "{\"title\":\"Client Forbidden\",\"detail\":\"This endpoint "
                + "requires a different access level.\",\"reason\":\"client-not-enrolled\",\"required_enrollment\":"
                + "\"Appropriate Level of API Access\",\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}"));
        MapSecrets secrets = new MapSecrets();
        secrets.put("masto", "token", TOKEN);
        secrets.put("x", "token", "x-token-99887766");
        CliPublishing.secrets = secrets;
        Instant at = Instant.now().minus(Duration.ofHours(2));
        try (Workspace ws = Workspace.open(file(), Clock.systemUTC())) {
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of("instance", mastodon.url())));
            ws.channelAccounts().save(ChannelAccount.of("x", "x", "X boulangerie", Map.of("api", x.url())));
            sent(ws, "masto", "mastodon", "1091", at);
            sent(ws, "x", "x", "1864000000000000001", at);
        }
    }

    @AfterEach
    void tearDown() {
        mastodon.close();
        x.close();
        CliPublishing.secrets = null;
        Locale.setDefault(saved);
    }

    private Path file() {
        return dir.resolve("w.cristal");
    }

    private static void sent(Workspace ws, String account, String plugin, String remoteId, Instant at) {
        OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k-" + remoteId, "boulangerie-levain", 1, account, plugin,
                "social", "", at, ZoneOffset.UTC));
        ws.outbox().claim(e.id());
        ws.outbox().sent(e.id(), remoteId, "", at, 1);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = file().toString();
        return CliRun.of(all);
    }

    @Test
    void fetchPrintsTheCountsAndWhyAServiceGaveNoneThenWaitsForThePace() {
        CliRun run = cli("results", "fetch");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("boulangerie-levain (Piaille): favourites: 3, boosts: 2, replies: 1"), run.out());
        assertTrue(run.out().contains("(X boulangerie): no counts. Your X account’s API access level does not allow"),
                run.out());
        assertTrue(run.out().contains("1 read, 0 waiting, 1 without counts, 0 failed."), run.out());
        assertEquals(1, mastodon.received().size());

        CliRun again = cli("results", "fetch");
        assertTrue(again.out().startsWith("No publication is due for reading now"), again.out());
        assertEquals(1, mastodon.received().size());
    }

    @Test
    void frenchUsersReadTheCountsInFrench() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = cli("results", "fetch", "--story", "boulangerie-levain");

        assertTrue(run.out().contains("(Piaille)\u00a0: favoris\u00a0: 3, partages\u00a0: 2, réponses\u00a0: 1"), run.out());
        assertTrue(run.out().contains("niveau d’accès à l’API X"), run.out());
    }

    @Test
    void anUnknownStoryIsOneClearLineAndExitCode2() {
        CliRun run = cli("results", "fetch", "--story", "no-such-story");

        assertEquals(2, run.code());
        assertEquals("Error: No story with the id \"no-such-story\" in this workspace.", run.err().strip());
        assertEquals(0, mastodon.received().size());
    }
}
