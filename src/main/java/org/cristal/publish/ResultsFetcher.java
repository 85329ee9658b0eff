package org.cristal.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.results.FetchState;
import org.cristal.library.results.Results;
import org.cristal.publish.oauth.AccessTokens;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.ResultsReader;

/**
 * Reads back what each publication brought: for the publications whose time has come
 * ({@link Results#dueForFetch}), the counts their service reports (through the plugin's
 * {@link ResultsReader}, one call per account) or, for a newsletter, its own figures from the journal; it
 * records them with the fetch's state and when to ask again. See docs/decisions/0027-fetching-results.md.
 *
 * <p>The pace slows as a publication ages ({@link #nextAfter}); a service that asks to wait is asked nothing
 * more until then (the account is held, and every one of its publications waits). One account that fails
 * is recorded and the round goes on. Blocking: never on the FX thread. Thread-safe, one round at a time.
 */
public final class ResultsFetcher {
    /** When the user asks "fetch now", a publication read this recently is not asked again. */
    static final Duration NOT_AGAIN_WITHIN = Duration.ofMinutes(5);
    /** "Fetch now" for the whole workspace reads again what would be read within this time anyway. */
    static final Duration ON_DEMAND_HORIZON = Duration.ofDays(1);
    static final Duration AFTER_TRANSIENT = Duration.ofMinutes(30);
    static final Duration AFTER_REFUSAL = Duration.ofDays(1);
    static final Duration AFTER_UNAVAILABLE = Duration.ofDays(7);
    static final Duration NOT_REPORTED = Duration.ofDays(30);
    private static final System.Logger LOG = System.getLogger(ResultsFetcher.class.getName());

    private final Workspace ws;
    private final PluginSource plugins;
    private final SecretStore secrets;
    private final Clock clock;
    private final Locale locale;
    /** Accounts whose service asked to wait, until when: nothing is asked of them before. */
    private final Map<String, Instant> held = new ConcurrentHashMap<>();

    public ResultsFetcher(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock, Locale locale) {
        this.ws = Objects.requireNonNull(ws);
        this.plugins = Objects.requireNonNull(plugins);
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
        this.locale = Objects.requireNonNull(locale);
    }

    /** Progress of a round: publications done out of the round's total. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    /**
     * What became of one publication in a round.
     *
     * @param counts  the figures read (for {@link FetchState.Status#OK}), empty otherwise
     * @param message why not, in the fetcher's language, or ""
     */
    public record Line(OutboxEntry entry, FetchState.Status status, Map<String, Long> counts, Instant nextAt,
            String message) {
    }

    /** A round: each publication asked about, and whether the user stopped it before the end. */
    public record Round(List<Line> lines, boolean cancelled) {
        public long count(FetchState.Status s) {
            return lines.stream().filter(l -> l.status() == s).count();
        }
    }

    /**
     * Fetches the counts of the publications that are due, of one story when {@code storyId} is not null.
     * With {@code now}, the user asked: the pace is set aside (never a service's wait, nor for what was read
     * minutes ago) for every publication of the story, or, for the whole workspace, for those due within a
     * day, so that "fetch now" on years of posts does not ask a service about each of them.
     */
    public synchronized Round fetch(String storyId, boolean now, Progress progress, BooleanSupplier cancelled) {
        Instant at = clock.instant();
        Results results = ws.results();
        List<OutboxEntry> due = new ArrayList<>();
        Instant horizon = !now ? at : at.plus(storyId != null ? Duration.ofDays(3650) : ON_DEMAND_HORIZON);
        for (long id : results.dueForFetch(horizon, storyId)) {
            Optional<OutboxEntry> e = ws.outbox().get(id);
            if (e.isEmpty() || now && !askNow(results.fetchState(id), at)) {
                continue;
            }
            due.add(e.get());
        }
        Map<String, List<OutboxEntry>> byAccount = new LinkedHashMap<>();
        due.forEach(e -> byAccount.computeIfAbsent(e.account(), k -> new ArrayList<>()).add(e));
        List<Line> lines = new ArrayList<>();
        int total = due.size();
        progress.update(0, total);
        for (Map.Entry<String, List<OutboxEntry>> account : byAccount.entrySet()) {
            if (cancelled.getAsBoolean()) {
                return new Round(lines, true);
            }
            try {
                lines.addAll(account(account.getKey(), account.getValue(), cancelled));
            } catch (RuntimeException | LinkageError e) {
                // The workspace refused a write, a plugin broke: this account waits, the others go on.
                LOG.log(System.Logger.Level.WARNING, "reading results of one account failed", e);
            }
            progress.update(lines.size(), total);
        }
        return new Round(lines, cancelled.getAsBoolean());
    }

    /** On demand: not a publication the service holds, nor one read a few minutes ago. */
    private static boolean askNow(Optional<FetchState> state, Instant at) {
        if (state.isEmpty()) {
            return true;
        }
        FetchState s = state.get();
        if (s.status() == FetchState.Status.WAITING && s.nextAt().isAfter(at)) {
            return false;
        }
        return s.fetchedAt() == null || s.fetchedAt().plus(NOT_AGAIN_WITHIN).isBefore(at);
    }

    /**
     * When to read a publication's counts again after a good reading: every hour on its first day (when
     * most reactions come), every day in its first month, then every week, so a workspace with years of
     * posts stays light for the services and for the laptop.
     */
    public static Instant nextAfter(Instant publishedAt, Instant now) {
        Duration age = Duration.between(publishedAt == null ? now : publishedAt, now);
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return now.plus(Duration.ofHours(1));
        }
        if (age.compareTo(Duration.ofDays(30)) < 0) {
            return now.plus(Duration.ofDays(1));
        }
        return now.plus(Duration.ofDays(7));
    }

    private List<Line> account(String accountId, List<OutboxEntry> entries, BooleanSupplier cancelled) {
        Instant now = clock.instant();
        Optional<ChannelPlugin> plugin = plugins.find(entries.get(0).plugin());
        if (plugin.isPresent() && plugin.get().reachesContacts()) {
            // The newsletter's figures are Cristal's own: no service to ask, no account needed.
            List<Line> out = new ArrayList<>();
            for (OutboxEntry e : entries) {
                Map<String, Long> counts = ws.results().newsletterCounts(e.id());
                out.add(record(e, FetchState.Status.OK, counts, nextAfter(e.publishedAt(), now), null));
            }
            return out;
        }
        Instant hold = held.get(accountId);
        if (hold != null && hold.isAfter(now)) {
            return all(entries, FetchState.Status.WAITING, hold,
                    Publisher.text("publish.results.wait", plugin.map(p -> p.displayName()).orElse(LocalText.of("?"))));
        }
        Optional<ChannelAccount> account = ws.channelAccounts().get(accountId);
        if (account.isEmpty()) {
            return all(entries, FetchState.Status.FAILED, now.plus(AFTER_REFUSAL),
                    Publisher.text("publish.core.accountMissing", accountId));
        }
        if (plugin.isEmpty()) {
            return all(entries, FetchState.Status.FAILED, now.plus(AFTER_REFUSAL),
                    Publisher.text("publish.core.pluginMissing", entries.get(0).plugin()));
        }
        Optional<ResultsReader> reader = plugin.get().results();
        if (reader.isEmpty()) {
            return all(entries, FetchState.Status.UNAVAILABLE, now.plus(NOT_REPORTED),
                    Publisher.text("publish.results.notReported", plugin.get().displayName()));
        }
        ChannelSettings settings;
        try {
            settings = new Accounts(ws.channelAccounts(), secrets).settings(account.get(), plugin.get());
            settings = new AccessTokens(secrets, clock).settings(account.get(), plugin.get(), settings).settings();
        } catch (SecretStoreException e) {
            return all(entries, FetchState.Status.FAILED, now.plus(AFTER_TRANSIENT),
                    Publisher.text("publish.core.secretsUnavailable", account.get().name(), e.text()));
        } catch (PublishException e) {
            // Not connected, or the refresh was refused: said like any refusal of the service.
            return refused(accountId, entries, e, now);
        }
        List<ResultsReader.Published> asked = entries.stream().map(e -> new ResultsReader.Published(e.remoteId(),
                e.url(), e.publishedAt() == null ? e.scheduledAt() : e.publishedAt(), Math.max(1, e.items()))).toList();
        List<ResultsReader.Report> reports;
        try {
            reports = reader.get().counts(settings, asked, context(cancelled));
        } catch (PublishException e) {
            return refused(accountId, entries, e, now);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "plugin " + plugin.get().id() + " failed reading results", e);
            return all(entries, FetchState.Status.FAILED, now.plus(AFTER_REFUSAL),
                    Publisher.text("publish.core.pluginCrashed", plugin.get().id()));
        }
        if (reports == null || reports.size() != entries.size()) {
            return all(entries, FetchState.Status.FAILED, now.plus(AFTER_REFUSAL),
                    Publisher.text("publish.core.pluginCrashed", plugin.get().id()));
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            OutboxEntry e = entries.get(i);
            ResultsReader.Report r = reports.get(i);
            out.add(switch (r.kind()) {
                case COUNTS -> record(e, FetchState.Status.OK, r.counts(), nextAfter(e.publishedAt(), now), null);
                case UNAVAILABLE -> record(e, FetchState.Status.UNAVAILABLE, Map.of(), now.plus(AFTER_UNAVAILABLE),
                        r.message());
                case FAILED -> record(e, FetchState.Status.FAILED, Map.of(), now.plus(AFTER_TRANSIENT), r.message());
                case WAIT -> {
                    held.merge(accountId, r.until(), (a, b) -> a.isAfter(b) ? a : b);
                    yield record(e, FetchState.Status.WAITING, Map.of(), r.until(), r.message());
                }
            });
        }
        return out;
    }

    /** The whole call failed: a wait the service asked for holds the account; anything else is tried later. */
    private List<Line> refused(String accountId, List<OutboxEntry> entries, PublishException e, Instant now) {
        if (e.kind() == PublishException.Kind.CANCELLED) {
            return List.of();
        }
        if (e.isTransient() && e.retryAfter().isPresent()) {
            Instant until = now.plus(e.retryAfter().get());
            held.merge(accountId, until, (a, b) -> a.isAfter(b) ? a : b);
            return all(entries, FetchState.Status.WAITING, until, e.text());
        }
        Duration later = e.isTransient() ? AFTER_TRANSIENT : AFTER_REFUSAL;
        return all(entries, FetchState.Status.FAILED, now.plus(later), e.text());
    }

    private List<Line> all(List<OutboxEntry> entries, FetchState.Status status, Instant next, LocalText why) {
        List<Line> out = new ArrayList<>();
        for (OutboxEntry e : entries) {
            out.add(record(e, status, Map.of(), next, why));
        }
        return out;
    }

    private Line record(OutboxEntry e, FetchState.Status status, Map<String, Long> counts, Instant next,
            LocalText why) {
        Results results = ws.results();
        if (status == FetchState.Status.OK) {
            results.recordCounts(e.id(), counts, clock.instant());
        }
        String message = why == null ? "" : why.get(locale);
        results.recordFetch(e.id(), status, next, message);
        return new Line(e, status, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts)), next, message);
    }

    private PublishContext context(BooleanSupplier cancelled) {
        Map<String, String> scratch = new ConcurrentHashMap<>();
        return new PublishContext() {
            @Override
            public void progress(double fraction, LocalText message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }

            @Override
            public Journal journal() {
                return Journal.inMemory(scratch);
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }
}
