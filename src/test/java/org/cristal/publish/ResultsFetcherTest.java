package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.results.FetchState;
import org.cristal.publish.mastodon.MastodonPlugin;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.webhook.WebhookPlugin;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher over a real workspace: publications the outbox recorded as sent, a Mastodon instance on
 * loopback, the pace, the service's waits, and accounts that fail without stopping the others.
 */
class ResultsFetcherTest {
    static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final String TOKEN = "tok-fetch-9a8b7c6d";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private Workspace ws;
    private LoopbackServer server;
    private final MapSecrets secrets = new MapSecrets();
    private final List<ChannelPlugin> plugins = List.of(
            new MastodonPlugin(Duration.ofSeconds(20), Duration.ofMillis(20)), new WebhookPlugin());
    private ResultsFetcher fetcher;
    private final AtomicInteger favourites = new AtomicInteger(3);

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("r.cristal"), clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        server = new LoopbackServer(r -> {
            if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
                return Answer.json(401, "{\"error\":\"The access token is invalid\"}");
            }
            String id = r.path().substring(r.path().lastIndexOf('/') + 1);
            return Answer.json(200, "{\"id\":\"" + id + "\",\"replies_count\":1,\"reblogs_count\":2,"
                    + "\"favourites_count\":" + favourites.get() + "}");
        });
        ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of("instance", server.url())));
        secrets.put("masto", "token", TOKEN);
        fetcher = new ResultsFetcher(ws, () -> plugins, secrets, clock, Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        server.close();
        ws.close();
    }

    /** A publication the outbox recorded as sent at {@code at}. */
    static OutboxEntry sent(Workspace ws, String account, String plugin, String remoteId, Instant at) {
        OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k-" + account + "-" + remoteId + "-" + at.toEpochMilli(), "boulangerie-levain", 1,
                account, plugin, "social", "", at, ZoneOffset.UTC));
        ws.outbox().claim(e.id());
        ws.outbox().sent(e.id(), remoteId, "https://example.org/" + remoteId, at, 1);
        return ws.outbox().get(e.id()).orElseThrow();
    }

    private FetchState state(OutboxEntry e) {
        return ws.results().fetchState(e.id()).orElseThrow();
    }

    @Test
    void countsAreKeptAndAskedForAgainLessOftenAsAPublicationAges() {
        OutboxEntry fresh = sent(ws, "masto", "mastodon", "1101", T0.minus(Duration.ofHours(2)));
        OutboxEntry week = sent(ws, "masto", "mastodon", "1102", T0.minus(Duration.ofDays(10)));
        OutboxEntry old = sent(ws, "masto", "mastodon", "1103", T0.minus(Duration.ofDays(90)));

        ResultsFetcher.Round round = fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);

        assertEquals(3, round.count(FetchState.Status.OK));
        assertEquals(Map.of("boosts", 2L, "favourites", 3L, "replies", 1L), ws.results().latestCounts(fresh.id()));
        assertEquals(T0.plus(Duration.ofHours(1)), state(fresh).nextAt());
        assertEquals(T0.plus(Duration.ofDays(1)), state(week).nextAt());
        assertEquals(T0.plus(Duration.ofDays(7)), state(old).nextAt());

        clock.advance(Duration.ofMinutes(61));
        favourites.set(5);
        ResultsFetcher.Round later = fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);

        assertEquals(List.of(fresh.id()), later.lines().stream().map(l -> l.entry().id()).toList(),
                "only the fresh one is due after an hour");
        assertEquals(2, ws.results().countHistory(fresh.id()).get("favourites").size(), "the curve has two points");
        assertEquals(4, server.received().size());
    }

    @Test
    void a429HoldsTheAccountUntilItsRetryAfterAndNothingIsAskedBeforeEvenOnDemand() {
        OutboxEntry a = sent(ws, "masto", "mastodon", "1201", T0.minus(Duration.ofHours(1)));
        OutboxEntry b = sent(ws, "masto", "mastodon", "1202", T0.minus(Duration.ofHours(1)));
        server.fault(new LoopbackServer.Respond(new Answer(429, "application/json",
                "{\"error\":\"Too many requests\"}".getBytes(), Map.of("Retry-After", "600"))));

        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);

        for (OutboxEntry e : List.of(a, b)) {
            assertEquals(FetchState.Status.WAITING, state(e).status());
            assertEquals(T0.plusSeconds(600), state(e).nextAt());
            assertTrue(state(e).message().contains("asks to wait"), state(e).message());
        }
        assertEquals(1, server.received().size());

        clock.advance(Duration.ofMinutes(5));
        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);
        fetcher.fetch(null, true, ResultsFetcher.Progress.NONE, () -> false);
        // A fresh fetcher (the command line, the next start) reads the wait from the workspace.
        new ResultsFetcher(ws, () -> plugins, secrets, clock, Locale.ENGLISH)
                .fetch(null, true, ResultsFetcher.Progress.NONE, () -> false);
        assertEquals(1, server.received().size(), "no second request before the wait is over");

        clock.advance(Duration.ofMinutes(6));
        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);
        assertEquals(FetchState.Status.OK, state(a).status());
        assertEquals(3, server.received().size());
    }

    @Test
    void oneAccountThatFailsIsRecordedAndTheOthersAreStillRead() {
        ws.channelAccounts().save(ChannelAccount.of("masto2", "mastodon", "Mamot", Map.of("instance", server.url())));
        secrets.put("masto2", "token", "tok-revoked-11223344");
        ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier", Map.of("url", server.url())));
        OutboxEntry refused = sent(ws, "masto2", "mastodon", "1301", T0.minus(Duration.ofHours(1)));
        OutboxEntry hook = sent(ws, "hook", "webhook", "", T0.minus(Duration.ofHours(1)));
        OutboxEntry good = sent(ws, "masto", "mastodon", "1302", T0.minus(Duration.ofHours(1)));

        ResultsFetcher.Round round = fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);

        assertEquals(3, round.lines().size());
        assertEquals(FetchState.Status.FAILED, state(refused).status());
        assertEquals(T0.plus(Duration.ofDays(1)), state(refused).nextAt(), "a refused token is not asked every hour");
        assertFalse(state(refused).message().contains("tok-revoked-11223344"));
        assertEquals(FetchState.Status.UNAVAILABLE, state(hook).status());
        assertTrue(state(hook).message().contains("reports no counts"), state(hook).message());
        assertEquals(FetchState.Status.OK, state(good).status());
    }

    @Test
    void onDemandSetsThePaceAsideButNotForWhatWasJustRead() {
        OutboxEntry e = sent(ws, "masto", "mastodon", "1401", T0.minus(Duration.ofDays(3)));
        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);
        clock.advance(Duration.ofMinutes(2));
        fetcher.fetch(null, true, ResultsFetcher.Progress.NONE, () -> false);
        assertEquals(1, server.received().size(), "read two minutes ago");

        clock.advance(Duration.ofMinutes(10));
        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);
        assertEquals(1, server.received().size(), "not due for a day");
        ResultsFetcher.Round asked = fetcher.fetch("boulangerie-levain", true, ResultsFetcher.Progress.NONE, () -> false);
        assertEquals(1, asked.count(FetchState.Status.OK));
        assertEquals(2, server.received().size());
        assertEquals(e.id(), asked.lines().get(0).entry().id());
    }

    @Test
    void fetchNowForTheWholeWorkspaceLeavesOldPostsToTheirWeeklyReading() {
        OutboxEntry recent = sent(ws, "masto", "mastodon", "1601", T0.minus(Duration.ofDays(3)));
        OutboxEntry old = sent(ws, "masto", "mastodon", "1602", T0.minus(Duration.ofDays(200)));
        fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);
        clock.advance(Duration.ofHours(2));

        ResultsFetcher.Round round = fetcher.fetch(null, true, ResultsFetcher.Progress.NONE, () -> false);

        assertEquals(List.of(recent.id()), round.lines().stream().map(l -> l.entry().id()).toList());
        ResultsFetcher.Round story = fetcher.fetch("boulangerie-levain", true, ResultsFetcher.Progress.NONE,
                () -> false);
        assertEquals(List.of(old.id()), story.lines().stream().map(l -> l.entry().id()).toList(),
                "asked about one story, every publication of it is read (the recent one was just read)");
    }

    @Test
    void aCancelledRoundStopsBeforeTheNextAccount() {
        ws.channelAccounts().save(ChannelAccount.of("masto2", "mastodon", "Mamot", Map.of("instance", server.url())));
        secrets.put("masto2", "token", TOKEN);
        sent(ws, "masto", "mastodon", "1501", T0.minus(Duration.ofHours(1)));
        sent(ws, "masto2", "mastodon", "1502", T0.minus(Duration.ofHours(1)));
        AtomicInteger reports = new AtomicInteger();

        ResultsFetcher.Round round = fetcher.fetch(null, false, (done, total) -> reports.incrementAndGet(),
                () -> reports.get() >= 2);

        assertTrue(round.cancelled());
        assertEquals(1, round.lines().size());
        assertEquals(1, server.received().size());
    }
}
