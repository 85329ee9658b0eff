package org.cristal.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.cristal.check.Checks;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Outbox;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Revision;
import org.cristal.library.StoredStory;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.ScenarioRuns;
import org.cristal.publish.newsletter.ConfirmationMail;
import org.cristal.publish.newsletter.ContactPreview;
import org.cristal.publish.scenario.ScenarioRunner;
import org.cristal.publish.oauth.AccessTokens;
import org.cristal.publish.oauth.Reconnect;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.Recipients;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.render.social.SocialFindings;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Severity;
import org.cristal.story.Status;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.Variants;

/**
 * Publishes stories through channel plugins, by way of the workspace's outbox: an entry is written before
 * anything is sent, claimed (compare-and-set) by one sender, and its outcome recorded after; transient
 * failures come back with exponential backoff; entries a crash left half-done are looked up, never blindly
 * sent twice. See docs/publishing.md and docs/decisions/0012-outbox-before-send.md.
 *
 * <p>Thread-safe; the blocking methods must never run on the FX thread.
 */
public final class Publisher {
    /**
     * How long a sending entry's sender may stay silent before the entry counts as interrupted: longer than
     * one request's time limits (10 s to connect, 30 s to answer); senders renew it on every progress report
     * and journal item.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * How often a post waiting for its account's reconnection is looked at again: rarely, since only the
     * user can fix it (a Connect makes it due at once); daily, in case the token was put right another way.
     */
    public static final Duration RECONNECT_CHECK = Duration.ofDays(1);
    /** The target of a scenario's entry for one contact's step (see {@link OutboxEntry#SCENARIO_TARGET}). */
    public static final String SCENARIO_TARGET = OutboxEntry.SCENARIO_TARGET;
    private static final long TOUCH_EVERY_MS = 5_000;
    /** Real time between lease renewals while a plugin call runs: well inside {@link #LEASE}. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    /**
     * The journal item where the publisher notes since when an entry's outcome is unknown (an attempt failed
     * in a way that may have reached the service), as epoch milliseconds; "" once known again.
     */
    static final String UNKNOWN_SINCE = "cristal.unknownSince";
    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    private static final ScheduledExecutorService LEASE_KEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cristal-lease");
        t.setDaemon(true);
        return t;
    });
    private final Workspace ws;
    private final PluginSource plugins;
    private final SecretStore secrets;
    private final Clock clock;
    private final Backoff backoff;
    /** Results that went live but could not be recorded (the workspace failed): recorded at the next chance. */
    private final Map<Long, PublishResult> unrecorded = new java.util.concurrent.ConcurrentHashMap<>();
    /** Entries whose recovery broke, already logged: once per entry is enough, the scheduler asks every minute. */
    private final Set<Long> loggedBroken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScenarioRunner scenarios = new ScenarioRunner(this);

    public Publisher(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock) {
        this(ws, plugins, secrets, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As the main constructor, with the jitter's source of randomness (tests pass a constant). */
    public Publisher(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock, DoubleSupplier jitter) {
        this.ws = Objects.requireNonNull(ws);
        this.plugins = Objects.requireNonNull(plugins);
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
        this.backoff = new Backoff(jitter);
    }

    public Workspace workspace() {
        return ws;
    }

    public Clock clock() {
        return clock;
    }

    public PluginSource plugins() {
        return plugins;
    }

    /**
     * The contacts a segment name stands for: "" is every contact; a saved segment its condition. The one
     * place a segment's name becomes a condition (the command line, the queue, each send and the checklist
     * go through here).
     */
    public static Optional<Sql> segmentSql(Workspace ws, String name) {
        return ws.audience().segments().resolve(name);
    }

    /**
     * Refuses ({@link PublisherException}) a segment that does not exist, or one given for an account that
     * does not send to contacts; "" (everyone) always passes.
     */
    public void checkSegment(String accountId, String segment) {
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        String seg = segment == null ? "" : segment.strip();
        boolean contacts = plugins.find(account.plugin()).map(ChannelPlugin::reachesContacts).orElse(false);
        if (!seg.isEmpty() && !contacts) {
            throw new PublisherException("publish.core.segmentNotForAccount", account.name());
        }
        if (contacts && segmentSql(ws, seg).isEmpty()) {
            throw new PublisherException("publish.core.segmentMissing", seg, segmentNames(ws));
        }
    }

    /** The names of the saved segments, for a message naming those that exist; "—" when there are none. */
    static String segmentNames(Workspace ws) {
        String names = ws.audience().segments().list().stream().map(s -> s.name())
                .collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "\u2014" : names;
    }

    /**
     * The segment an entry of a newsletter account sends to. Entries queued before segments existed name
     * the account there (as other plugins' entries do): those go to every contact.
     */
    static String segmentOf(OutboxEntry e, ChannelAccount account) {
        String t = e.target() == null ? "" : e.target();
        return t.equals(account.name()) || t.equals(account.id()) ? "" : t;
    }

    /** One line per enabled channel account for publishing this story now: ready, warned or blocked. */
    public List<ChecklistItem> checklist(String storyId) {
        return checklist(storyId, "");
    }

    /**
     * As {@link #checklist(String)}, with the reach of newsletter accounts counted for the segment named
     * {@code segment} ("" for every contact).
     */
    public List<ChecklistItem> checklist(String storyId, String segment) {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PublisherException("publish.core.storyMissing", storyId));
        StoryDocument doc = parse(storyId, stored.source());
        Brand brand = brandOf(doc);
        Renderers.All renditions = render(doc, brand, ZoneId.systemDefault(), clock.instant());
        List<Finding> all = new ArrayList<>(doc.findings());
        all.addAll(renditions.findings());
        all.addAll(Checks.run(doc, brand, renditions));
        Status status = doc.story().status();
        List<OutboxEntry> history = ws.outbox().forStory(storyId).stream().filter(e -> !e.isScenarioStep()).toList();
        Address address = new Address(doc.story().webSlug(), ws.stories().slugsInUse(storyId),
                ws.stories().publishedSlug(storyId).orElse(""));

        List<ChecklistItem> out = new ArrayList<>();
        for (ChannelAccount account : ws.channelAccounts().list()) {
            if (!account.enabled()) {
                continue;
            }
            Optional<ChannelPlugin> plugin = plugins.find(account.plugin());
            if (plugin.isEmpty()) {
                out.add(new ChecklistItem(account, null, ChecklistItem.Status.BLOCKED, List.of(),
                        List.of(text("publish.core.pluginMissing", account.plugin()))));
                continue;
            }
            out.add(item(account, plugin.get(), all, status, history, stored.revision(), address, segment));
        }
        return out;
    }

    /** The story's web address, the other stories' addresses, and the one it was last sent out under (or ""). */
    private record Address(String slug, Set<String> inUse, String sent) {
    }

    private ChecklistItem item(ChannelAccount account, ChannelPlugin plugin, List<Finding> all, Status status,
            List<OutboxEntry> history, int revision, Address address, String segment) {
        List<LocalText> blocked = new ArrayList<>();
        List<LocalText> warned = new ArrayList<>();
        try {
            ChannelSettings settings = new Accounts(ws.channelAccounts(), secrets).settings(account, plugin);
            List<SettingProblem> problems = plugin.validate(settings);
            if (!problems.isEmpty()) {
                blocked.add(text("publish.core.settingsInvalid", account.name(), describe(plugin, problems)));
            } else if (plugin.oauth().isPresent() && !new AccessTokens(secrets, clock).connected(account, plugin)
                    && !plugin.oauth().get().worksWithoutConnect(settings)) {
                // Said now rather than by a post left waiting: no network here, only the secret store.
                blocked.add(Reconnect.first(account.name()).text());
            }
        } catch (SecretStoreException e) {
            blocked.add(text("publish.core.secretsUnavailable", account.name(), e.text()));
        } catch (RuntimeException e) {
            blocked.add(text("publish.core.pluginCrashed", plugin.id()));
        }
        Set<Channel> channels = plugin.renditions().isEmpty() ? EnumSet.noneOf(Channel.class)
                : EnumSet.copyOf(plugin.renditions());
        // Story-wide findings (no channel) count only when they are errors: they stop every channel alike.
        // A social finding about another network's post is not this account's.
        Optional<Network> network = plugin.network();
        List<Finding> findings = all.stream().filter(f -> f.channel() == null ? f.severity() == Severity.ERROR
                : channels.contains(f.channel()) && SocialFindings.concerns(f, network)).toList();
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (errors > 0) {
            blocked.add(text("publish.core.findingsErrors", errors));
        }
        if (warnings > 0) {
            warned.add(text("publish.core.findingsWarnings", warnings));
        }
        if (status != Status.APPROVED && status != Status.PUBLISHED) {
            warned.add(text("publish.core.notApproved", status.id()));
        }
        // A page or post lives at the address: another story's there would be replaced, an old one left behind.
        if (channels.contains(Channel.WEB)) {
            if (address.inUse().contains(address.slug())) {
                blocked.add(text("publish.core.slugTaken", address.slug()));
            }
            if (!address.sent().isEmpty() && !address.sent().equals(address.slug())) {
                warned.add(text("publish.core.slugMoved", address.sent(), address.slug()));
            }
        }
        history.stream().filter(e -> e.account().equals(account.id()) && sameText(e, revision)
                && e.state() == OutboxState.SENT).findFirst().ifPresent(e -> warned.add(text(
                        "publish.core.alreadySent", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(Locale.getDefault()).format(e.publishedAt().atZone(e.zone())))));
        ChecklistItem.Reach reach = null;
        if (plugin.reachesContacts()) {
            Optional<Sql> where = segmentSql(ws, segment);
            if (where.isEmpty()) {
                blocked.add(text("publish.core.segmentMissing", segment, segmentNames(ws)));
            } else {
                reach = ChecklistItem.Reach.of(segment, ws.audience().reach(where.get(), ContactChannel.EMAIL,
                        Purpose.MARKETING));
                if (reach.reaches() == 0) {
                    blocked.add(text("publish.core.reachesNobody", reach.text()));
                }
            }
        }
        List<LocalText> reasons = new ArrayList<>(blocked);
        reasons.addAll(warned);
        ChecklistItem.Status s = !blocked.isEmpty() ? ChecklistItem.Status.BLOCKED
                : !warned.isEmpty() ? ChecklistItem.Status.WARNED : ChecklistItem.Status.READY;
        return new ChecklistItem(account, plugin, s, findings, reasons, reach);
    }

    /**
     * Whether a sent entry published the same text as revision {@code revision}: that revision itself, or one
     * that differs only by its status (publishing sets the story's status to published, a new revision).
     */
    private boolean sameText(OutboxEntry e, int revision) {
        if (e.revision() == revision) {
            return true;
        }
        try {
            Optional<Revision> sent = ws.stories().revision(e.storyId(), e.revision());
            Optional<Revision> now = ws.stories().revision(e.storyId(), revision);
            return sent.isPresent() && now.isPresent() && withoutStatus(sent.get().source())
                    .equals(withoutStatus(now.get().source()));
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static String withoutStatus(String source) {
        return source.replaceAll("(?m)^status\\s*:.*(\\r?\\n)?", "");
    }

    /**
     * Queues the story's current saved revision on the account, to go at {@code at}; idempotent per (story,
     * revision, account, at). See {@link #enqueue} for what happens to an unfinished earlier entry.
     */
    public OutboxEntry queue(String storyId, String accountId, Instant at, ZoneId zone) {
        return enqueue(storyId, accountId, at, zone).entry();
    }

    /**
     * Queues the story on the account, one unfinished publication per story and account: an entry already
     * being sent or retried, or partly sent, is kept (its key and journal make sure nothing goes twice; a
     * partly sent one moves to {@code at}); one merely scheduled is replaced. The result says which.
     */
    public synchronized Queued enqueue(String storyId, String accountId, Instant at, ZoneId zone) {
        return enqueue(storyId, accountId, "", at, zone);
    }

    /**
     * As {@link #enqueue(String, String, Instant, ZoneId)}, for an account that {@linkplain
     * ChannelPlugin#reachesContacts() sends to contacts}: to the segment named {@code segment} ("" for every
     * contact with consent). Each segment is its own publication (its own key, journal and entry): the same
     * story to two segments is two sends, and nobody in both gets it twice only thanks to the frequency cap.
     * A segment that does not exist, or one given for an account that does not send to contacts, is refused.
     */
    public synchronized Queued enqueue(String storyId, String accountId, String segment, Instant at, ZoneId zone) {
        return enqueue(storyId, accountId, segment, at, zone, null);
    }

    /**
     * As {@link #enqueue(String, String, String, Instant, ZoneId)}, as an A/B test of the story's variants of
     * {@code element}: the segment is split at random between the arms when the send begins, each contact
     * gets their arm's e-mail. The test (its arms, seed and {@code plan}) is recorded before the entry is
     * queued, so no sender can take the entry without it. Refused for a story with no variants of
     * {@code element} or an account that does not send to contacts.
     *
     * @param outcome {@link AbTests#CLICKS} or {@link AbTests#CONVERSIONS}
     */
    public synchronized Queued enqueueAbTest(String storyId, String accountId, String segment, Instant at,
            ZoneId zone, Variants.Element element, String outcome, AbTests.Plan plan) {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PublisherException("publish.core.storyMissing", storyId));
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        if (!plugins.find(account.plugin()).map(ChannelPlugin::reachesContacts).orElse(false)) {
            throw new PublisherException("publish.core.abtestNotNewsletter", account.name());
        }
        List<String> arms = Variants.of(parse(storyId, stored.source()).story()).arms(element);
        if (arms.size() < 2) {
            throw new PublisherException("publish.core.abtestNoVariants", element.id());
        }
        String seg = segment == null ? "" : segment.strip();
        checkSegment(accountId, seg);
        String key = AbTestSends.key(storyId, stored.revision(), accountId,
                at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), seg, element);
        AbTests.Test test = ws.abTests().create(key, storyId, element.id(), arms, outcome, plan);
        Queued q = enqueue(storyId, accountId, seg, at, zone, key);
        if (q.entry().idempotencyKey().equals(key)) {
            ws.abTests().link(test.id(), q.entry().id());
        } else {
            // An unfinished send of the story was kept (its note says so): this test never goes out.
            ws.abTests().discard(test.id());
        }
        return q;
    }

    /** The work of both, {@code abKey} the key of an A/B send or null for an ordinary one. */
    private Queued enqueue(String storyId, String accountId, String segment, Instant at, ZoneId zone,
            String abKey) {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PublisherException("publish.core.storyMissing", storyId));
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        Instant when = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String channel = plugins.find(account.plugin()).map(p -> p.renditions().stream().sorted()
                .map(Channel::id).collect(Collectors.joining(","))).orElse("");
        boolean contacts = plugins.find(account.plugin()).map(ChannelPlugin::reachesContacts).orElse(false);
        String seg = segment == null ? "" : segment.strip();
        checkSegment(accountId, seg);
        // A newsletter's entry names its segment; any other names the account, as the user knows it.
        String target = contacts ? seg : account.name();
        OutboxEntry.New fresh = new OutboxEntry.New(abKey != null ? abKey
                : idempotencyKey(storyId, stored.revision(), accountId, when, seg),
                storyId, stored.revision(), accountId, account.plugin(), channel, target, when, zone);
        Outbox outbox = ws.outbox();
        java.util.function.Predicate<OutboxEntry> sameAudience = e -> !contacts || segmentOf(e, account).equals(seg);
        // The same text at the same time is the same publication, even once publishing set the status.
        // An A/B send is only ever the same as itself: the ordinary send at that time is another publication.
        Optional<OutboxEntry> same = outbox.byKey(fresh.idempotencyKey()).or(() -> abKey != null ? Optional.empty()
                : outbox.forStory(storyId).stream()
                .filter(e -> e.account().equals(accountId) && e.scheduledAt().equals(when)
                        && e.state() != OutboxState.CANCELLED && sameAudience.test(e) && sameText(e, stored.revision()))
                .findFirst());
        // The same one withdrawn earlier (replaced, say) comes back rather than being refused.
        OutboxEntry withdrawn = same.filter(e -> e.state() == OutboxState.CANCELLED).orElse(null);
        if (same.isPresent() && withdrawn == null) {
            return new Queued(same.get(), Queued.How.SAME, null);
        }
        List<OutboxEntry> unfinished = outbox.unfinished(storyId, accountId).stream().filter(sameAudience).toList();
        if (unfinished.isEmpty()) {
            return new Queued(withdrawn == null ? outbox.add(fresh) : revive(withdrawn, when, zone), Queued.How.NEW, null);
        }
        OutboxEntry old = unfinished.get(0);
        if (old.state() == OutboxState.SCHEDULED && outbox.journal(old.id()).isEmpty()) {
            Optional<OutboxEntry> replacing = withdrawn == null ? outbox.replace(old.id(), fresh)
                    : outbox.cancel(old.id()) ? Optional.of(revive(withdrawn, when, zone)) : Optional.empty();
            if (replacing.isPresent()) {
                return new Queued(replacing.get(), Queued.How.REPLACED, text("publish.core.queueReplaced",
                        account.name(), java.util.Date.from(old.scheduledAt())));
            }
            old = current(old.id());
        }
        if (old.state() == OutboxState.SCHEDULED && !old.scheduledAt().equals(when)) {
            // Partly sent before it was stopped: it moves, keeping its key and the journal of what went.
            outbox.reschedule(old.id(), when, zone);
            old = current(old.id());
        }
        String key = old.state() == OutboxState.SENDING ? "publish.core.queueKeptSending"
                : old.state() == OutboxState.RETRYING ? "publish.core.queueKeptRetrying" : "publish.core.queueKept";
        return new Queued(old, Queued.How.KEPT, text(key, account.name()));
    }

    private OutboxEntry revive(OutboxEntry cancelled, Instant when, ZoneId zone) {
        ws.outbox().reschedule(cancelled.id(), when, zone);
        return current(cancelled.id());
    }

    /** The key of one publication: the same for the same story revision, account and time, on any machine. */
    static String idempotencyKey(String storyId, int revision, String accountId, Instant at) {
        return idempotencyKey(storyId, revision, accountId, at, "");
    }

    /** As above, per segment of a newsletter; "" (every contact) keeps the key entries had before segments. */
    static String idempotencyKey(String storyId, int revision, String accountId, Instant at, String segment) {
        return PublicationKeys.of("cristal-", storyId + '\n' + revision + '\n' + accountId + '\n' + at.toEpochMilli()
                + (segment.isEmpty() ? "" : "\nsegment:" + segment));
    }

    /** Sends one entry now, if it is due/pending; blocking — never call on the FX thread. */
    public Outcome send(long entryId, Progress progress, BooleanSupplier cancelled) {
        Outbox outbox = ws.outbox();
        OutboxEntry entry = outbox.get(entryId)
                .orElseThrow(() -> new PublisherException("publish.core.entryMissing", entryId));
        if (!entry.state().isPending()) {
            return new Outcome(entry, entry.state() == OutboxState.SENT,
                    entry.state() == OutboxState.SENT ? null : text("publish.core.notPending", entry.state().name()));
        }
        if (!outbox.claim(entryId)) {
            return new Outcome(current(entryId), false, text("publish.core.taken"));
        }
        return attempt(current(entryId), progress, cancelled);
    }

    /** Sends every due entry (after recovering interrupted ones); blocking. */
    public List<Outcome> sendDue(Progress progress, BooleanSupplier cancelled) {
        List<Outcome> out = new ArrayList<>(recover());
        advanceScenarios();
        for (OutboxEntry e : ws.outbox().due(clock.instant())) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            // One entry that breaks (its story, the workspace for a moment) must not stop the others.
            try {
                if (ws.outbox().claim(e.id())) {
                    out.add(attempt(current(e.id()), progress, cancelled));
                }
            } catch (RuntimeException | LinkageError ex) {
                out.add(broken(e, ex));
            }
        }
        // What went is recorded on its scenario step now, so the status is right at once.
        advanceScenarios();
        return out;
    }


    /** The scenario engine over this publisher's workspace. */
    public ScenarioRunner scenarios() {
        return scenarios;
    }

    /** An entry a workspace or render error stopped: logged (once), and said, in place of a crash. */
    Outcome broken(OutboxEntry e, Throwable ex) {
        if (loggedBroken.add(e.id())) {
            LOG.log(System.Logger.Level.WARNING, "outbox entry " + e.id() + " (" + e.plugin() + "): "
                    + ex.getClass().getName(), ex);
        }
        OutboxEntry now = e;
        try {
            now = current(e.id());
        } catch (RuntimeException again) {
            // The workspace cannot even be read: show the entry as it was.
        }
        return new Outcome(now, false, text("publish.core.entryBroken", reason(ex)));
    }

    /** A user-facing reason for an unexpected error: the workspace's own words when it has some. */
    private static Object reason(Throwable ex) {
        if (ex instanceof PublisherException p) {
            return p.text();
        }
        if (ex instanceof org.cristal.library.WorkspaceException w) {
            return new LocalText(Map.of("en", w.localizedMessage(Locale.ENGLISH), "fr", w.localizedMessage(Locale.FRENCH)));
        }
        return text("publish.core.unexpected", ex.getClass().getSimpleName());
    }

    /**
     * Entries left SENDING by a crash: looked up (plugin.lookup / journal) and marked sent or released. Only
     * entries silent for {@link #LEASE} count: one another thread or process is sending right now is left alone.
     */
    public List<Outcome> recover() {
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<Long, PublishResult> r : List.copyOf(unrecorded.entrySet())) {
            Optional<OutboxEntry> e = ws.outbox().get(r.getKey());
            if (e.isPresent() && e.get().state() == OutboxState.SENDING) {
                // Went live earlier but the workspace failed to record it: recorded now, never asked or sent again.
                out.add(record(e.get(), r.getValue()));
            } else {
                unrecorded.remove(r.getKey());
            }
        }
        for (OutboxEntry e : ws.outbox().interrupted(clock.instant().minus(LEASE))) {
            if (unrecorded.containsKey(e.id())) {
                continue;
            }
            try {
                out.add(recoverOne(e));
            } catch (RuntimeException | LinkageError ex) {
                // Left SENDING, so the next round looks it up again; the others go on.
                out.add(broken(e, ex));
            }
        }
        return out;
    }

    private Outcome recoverOne(OutboxEntry e) {
        Prepared p;
        try {
            p = prepare(e);
        } catch (Refusal r) {
            // Cannot ask (plugin gone, secrets locked): leave it interrupted; the next start asks again.
            return new Outcome(e, false, r.text);
        }
        PublishContext context = context(e.id(), Progress.NONE, () -> false);
        Optional<PublishResult> found;
        try {
            found = p.plugin.lookup(p.request, context);
        } catch (PublishException ex) {
            if (ex.kind() == PublishException.Kind.PERMANENT) {
                // The service will never say: left SENDING it would be asked again at every start, for good.
                return fail(e, ex.text());
            }
            return new Outcome(e, false, text("publish.core.lookupLater", ex.text()));
        } catch (RuntimeException | LinkageError ex) {
            return new Outcome(e, false, text("publish.core.pluginCrashed", e.plugin()));
        }
        if (found.isPresent()) {
            return record(e, found.get());
        }
        // Known not to have gone (or, for the rest of a partly sent one, not yet): sent again with the same key.
        known(context.journal());
        ws.outbox().release(e.id());
        return new Outcome(current(e.id()), false, text("publish.core.released"));
    }

    /**
     * Records that {@code e} went live. Never inside a catch that fails or retries the entry: once a plugin
     * has returned success the post must never be sent again. If the workspace cannot record it, the entry
     * stays SENDING (recovery records it from memory, or asks the plugin's lookup after a restart) and the
     * user is told it went out.
     */
    private Outcome record(OutboxEntry e, PublishResult r) {
        try {
            ws.outbox().sent(e.id(), r.remoteId(), r.url(), r.publishedAt(), r.items());
            unrecorded.remove(e.id());
        } catch (RuntimeException ex) {
            unrecorded.put(e.id(), r);
            LOG.log(System.Logger.Level.WARNING, "outbox entry " + e.id() + " went live but could not be recorded; "
                    + "left SENDING for recovery", ex);
            OutboxEntry shown = new OutboxEntry(e.id(), e.idempotencyKey(), e.storyId(), e.revision(), e.account(),
                    e.plugin(), e.channel(), e.target(), e.scheduledAt(), e.zone(), OutboxState.SENDING, e.attempts(),
                    null, r.remoteId(), r.url(), r.publishedAt(), r.items(), Map.of(), e.createdAt(), clock.instant());
            return new Outcome(shown, true, text("publish.core.unrecorded", reason(ex)));
        }
        markPublished(e.storyId());
        OutboxEntry now;
        try {
            now = current(e.id());
        } catch (RuntimeException ex) {
            now = e;
        }
        return new Outcome(now, true, null);
    }

    /**
     * The story's status becomes published, through the library's normal save (a new revision), so the
     * library's "Published" filter finds it. A failure here is logged: the publication itself stands.
     */
    private void markPublished(String storyId) {
        try {
            Optional<StoredStory> s = ws.stories().get(storyId);
            if (s.isPresent() && s.get().story().status() != Status.PUBLISHED
                    && s.get().story().status() != Status.ARCHIVED) {
                ws.stories().setStatus(storyId, Status.PUBLISHED);
            }
        } catch (RuntimeException | StoryFormatException ex) {
            LOG.log(System.Logger.Level.WARNING, "story " + storyId + " published, but its status could not be set", ex);
        }
    }

    /** Tests an account's connection with its stored settings and secrets; blocking. */
    public LocalText testConnection(String accountId) throws PublishException {
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        ChannelPlugin plugin = plugins.find(account.plugin()).orElseThrow(() -> PublishException.permanent(
                text("publish.core.pluginMissing", account.plugin())));
        ChannelSettings settings;
        try {
            settings = new Accounts(ws.channelAccounts(), secrets).settings(account, plugin);
        } catch (SecretStoreException e) {
            throw PublishException.permanent(text("publish.core.secretsUnavailable", account.name(),
                    e.text()));
        }
        List<SettingProblem> problems = plugin.validate(settings);
        if (!problems.isEmpty()) {
            throw PublishException.permanent(text("publish.core.settingsInvalid", account.name(),
                    describe(plugin, problems)));
        }
        try {
            settings = new AccessTokens(secrets, clock).settings(account, plugin, settings).settings();
        } catch (SecretStoreException e) {
            throw PublishException.permanent(text("publish.core.secretsUnavailable", account.name(), e.text()));
        }
        try {
            return plugin.testConnection(settings, new MemoryContext(clock));
        } catch (RuntimeException | LinkageError e) {
            throw PublishException.permanent(text("publish.core.pluginCrashed", plugin.id()));
        }
    }

    /** The request an entry sends, with its plugin; for {@code --dry-run} and the studio's "what will be sent". */
    public PublishRequest request(long entryId) throws PublishException {
        OutboxEntry e = current(entryId);
        try {
            return prepare(e).request;
        } catch (Refusal r) {
            throw PublishException.permanent(r.text);
        }
    }

    /**
     * The request queuing this story now would send, without touching the outbox or contacting anything
     * (the command line's {@code --dry-run}, the studio's "what will be sent"). Holds the account's secrets:
     * show its renditions, never its settings.
     */
    public PublishRequest preview(String storyId, String accountId, Instant at, ZoneId zone) throws PublishException {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PublisherException("publish.core.storyMissing", storyId));
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        Instant when = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OutboxEntry e = new OutboxEntry(0, idempotencyKey(storyId, stored.revision(), accountId, when), storyId,
                stored.revision(), accountId, account.plugin(), "", account.name(), when, zone, OutboxState.SCHEDULED,
                0, null, "", "", null, 0, Map.of(), clock.instant(), clock.instant());
        try {
            return prepare(e).request;
        } catch (Refusal r) {
            throw PublishException.permanent(r.text);
        }
    }

    /**
     * The story's newsletter as one contact would read it from this account now: their merge fields, their
     * unsubscribe link (the studio's "preview as a contact"). Blocking (renders the story); sends nothing.
     */
    public ContactPreview.Preview previewAsContact(String storyId, String accountId, long contactId)
            throws PublishException {
        StoredStory stored = ws.stories().get(storyId)
                .orElseThrow(() -> new PublisherException("publish.core.storyMissing", storyId));
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        ChannelPlugin plugin = plugins.find(account.plugin()).orElseThrow(() -> PublishException.permanent(
                text("publish.core.pluginMissing", account.plugin())));
        org.cristal.library.audience.Contact contact = ws.audience().contacts().get(contactId)
                .orElseThrow(() -> PublishException.permanent(text("publish.core.contactMissing", contactId)));
        StoryDocument doc = parse(storyId, stored.source());
        Renderers.All renditions = render(doc, brandOf(doc), ZoneId.systemDefault(), clock.instant());
        if (renditions.email() == null) {
            throw PublishException.permanent(text("smtp.error.noEmail"));
        }
        try {
            ChannelSettings settings = new Accounts(ws.channelAccounts(), secrets).settings(account, plugin);
            String salt = ws.audience().salt();
            String token = UnsubscribeTokens.of(secrets, salt).token(contactId, ContactChannel.EMAIL, Purpose.MARKETING);
            return ContactPreview.of(renditions.email().body(), settings, AudienceRecipients.member(contact, salt),
                    token, doc.story().lang());
        } catch (SecretStoreException ex) {
            throw PublishException.permanent(text("publish.core.secretsUnavailable", account.name(), ex.text()));
        }
    }

    /**
     * Double opt-in: sends the contact a request to confirm their subscription through the newsletter
     * account's server (a service message, in their language), with a confirmation token
     * ({@link UnsubscribeTokens#confirmToken}) in its subject and in the account's confirmation page link.
     * Reading the confirmation back and recording {@code DOUBLE_OPT_IN} is the unsubscribe sync's work.
     * Blocking; returns the message's Message-ID.
     */
    public String sendConfirmation(String accountId, long contactId) throws PublishException {
        ChannelAccount account = ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new PublisherException("publish.core.accountMissing", accountId));
        ChannelPlugin plugin = plugins.find(account.plugin()).filter(ChannelPlugin::reachesContacts)
                .orElseThrow(() -> new PublisherException("publish.core.segmentNotForAccount", account.name()));
        org.cristal.library.audience.Contact contact = ws.audience().contacts().get(contactId)
                .orElseThrow(() -> PublishException.permanent(text("publish.core.contactMissing", contactId)));
        if (ws.audience().suppression(contact.email(), ContactChannel.EMAIL).isPresent()
                || !org.cristal.library.audience.Contact.OK.equals(contact.emailStatus())) {
            throw PublishException.permanent(text("publish.core.confirmSuppressed"));
        }
        try {
            ChannelSettings settings = new Accounts(ws.channelAccounts(), secrets).settings(account, plugin);
            String token = UnsubscribeTokens.of(secrets, ws.audience().salt()).confirmToken(contactId, ContactChannel.EMAIL, Purpose.MARKETING);
            String id = ConfirmationMail.send(settings, contact.email(), contact.fullName(), token, contact.lang());
            ws.audience().deliveries().record(contactId, 0, "", ContactChannel.EMAIL, Purpose.SERVICE,
                    org.cristal.library.audience.Delivery.Outcome.SENT, "double opt-in " + id);
            return id;
        } catch (SecretStoreException ex) {
            throw PublishException.permanent(text("publish.core.secretsUnavailable", account.name(), ex.text()));
        }
    }

    private Outcome attempt(OutboxEntry e, Progress progress, BooleanSupplier cancelled) {
        Prepared p;
        try {
            p = prepare(e);
        } catch (RuntimeException ex) {
            // Never leave a claimed entry SENDING because preparing it broke: it would look interrupted.
            return fail(e, text("publish.core.unreadableStory", e.storyId(), ex.getClass().getSimpleName()));
        } catch (Refusal r) {
            if (r.reconnect) {
                return awaitReconnection(e, r.text);
            }
            if (r.mayPass) {
                return retry(e, r.text, null);
            }
            ws.outbox().failed(e.id(), r.text.byLanguage());
            return new Outcome(current(e.id()), false, r.text);
        }
        Recipients recipients = null;
        if (p.plugin.reachesContacts()) {
            try {
                recipients = recipients(e);
            } catch (Refusal r) {
                if (r.mayPass) {
                    return retry(e, r.text, null);
                }
                return fail(e, r.text);
            }
            Optional<ScenarioRuns.Personal> personal = personal(e);
            if (personal.isPresent() && recipients instanceof AudienceRecipients audience) {
                // One contact: their variant, their token in the links, and no test copy for each of them.
                PublishRequest q = p.request;
                long contact = personal.get().contact();
                recipients = audience.withArms(Map.of(contact, ScenarioSends.ARM));
                p = p.with(new PublishRequest(q.entryId(), q.idempotencyKey(), q.story(),
                        q.revision(), q.brand(), q.renditions(), q.assets(), ScenarioSends.withoutTestCopy(q.settings()),
                        q.scheduledAt(), ScenarioSends.emails(q.story(), q.brand(), options(e.zone(), e.scheduledAt()),
                                personal.get().variant(), ws.audience().tokens().token(contact))));
            }
            Optional<AbTests.Test> test = ws.abTests().forEntryKey(e.idempotencyKey());
            if (test.isPresent() && recipients instanceof AudienceRecipients audience) {
                // Every contact's arm is drawn and recorded before the first message: the same on every attempt.
                AbTests.Test t = test.get();
                if (t.entry() != e.id()) {
                    ws.abTests().link(t.id(), e.id());
                }
                recipients = audience.withArms(ws.abTests().assign(t.id(), audience.contactIds()));
                PublishRequest q = p.request;
                p = p.with(new PublishRequest(q.entryId(), q.idempotencyKey(), q.story(),
                        q.revision(), q.brand(), q.renditions(), q.assets(), q.settings(), q.scheduledAt(),
                        AbTestSends.emails(q.story(), q.brand(), options(e.zone(), e.scheduledAt()), t)));
            }
        }
        PublishContext context = context(e.id(), progress, cancelled, recipients);
        Journal journal = context.journal();
        if (keyForgotten(journal, p.plugin)) {
            // The service no longer remembers the key of an attempt whose answer was lost: sending again
            // could post a second copy. Ask first.
            Optional<PublishResult> found;
            try {
                found = p.plugin.lookup(p.request, context);
            } catch (PublishException ex) {
                if (ex.kind() == PublishException.Kind.AUTH && p.connected != null) {
                    return awaitReconnection(e, refusedToken(p, ex));
                }
                if (ex.kind() == PublishException.Kind.PERMANENT) {
                    // The service will never say (LinkedIn does not let most apps read a member's posts):
                    // asking again for days changes nothing; the user looks, and publishes again if it is not there.
                    return fail(e, ex.text());
                }
                return retry(e, text("publish.core.lookupFirst", ex.text()), ex.retryAfter().orElse(null));
            } catch (RuntimeException | LinkageError ex) {
                return fail(e, text("publish.core.pluginCrashed", p.plugin.id()));
            }
            if (found.isPresent()) {
                return record(e, found.get());
            }
            known(journal);
        }
        PublishResult r;
        try {
            // The lease is renewed while the plugin runs, even through one long silent request (a slow
            // webhook, a big upload): recovery elsewhere must never take a send that is still going.
            ScheduledFuture<?> keepAlive = LEASE_KEEPER.scheduleAtFixedRate(() -> touchQuietly(e.id()),
                    KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
            try {
                r = p.plugin.publish(p.request, context);
            } finally {
                keepAlive.cancel(false);
            }
        } catch (PublishException ex) {
            return switch (ex.kind()) {
                case TRANSIENT -> {
                    unknown(journal);
                    yield retry(e, ex.text(), ex.retryAfter().orElse(null));
                }
                case CANCELLED -> {
                    // The user stopped it: withdrawn, journal kept; rescheduling it resumes where it stopped.
                    ws.outbox().cancelSending(e.id());
                    yield new Outcome(current(e.id()), false, ex.text());
                }
                case AUTH -> p.connected != null ? awaitReconnection(e, refusedToken(p, ex)) : fail(e, ex.text());
                default -> fail(e, ex.text());
            };
        } catch (RuntimeException | LinkageError ex) {
            // A crash may come after the post went: whoever tries again asks first once the key is forgotten.
            unknown(journal);
            return fail(e, text("publish.core.pluginCrashed", p.plugin.id()));
        }
        return record(e, r);
    }

    /** Whether an earlier attempt's outcome is unknown and the service has forgotten its key by now. */
    private boolean keyForgotten(Journal journal, ChannelPlugin plugin) {
        Optional<String> since = journal.get(UNKNOWN_SINCE).filter(v -> !v.isBlank());
        if (since.isEmpty()) {
            return false;
        }
        Duration memory = plugin.keyMemory();
        // A tenth of margin: the service's clock and ours differ, and its memory is "about" that long.
        Duration trusted = memory.minus(memory.dividedBy(10));
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(since.get()));
            return Duration.between(at, clock.instant()).compareTo(trusted) >= 0;
        } catch (NumberFormatException ex) {
            return true;
        }
    }

    /** Notes that the outcome of this attempt is unknown; the earliest such time counts (the service keyed it then). */
    private void unknown(Journal journal) {
        try {
            if (journal.get(UNKNOWN_SINCE).filter(v -> !v.isBlank()).isEmpty()) {
                journal.put(UNKNOWN_SINCE, Long.toString(clock.millis()));
            }
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "cannot note an unknown outcome", ex);
        }
    }

    /** The service said what it has: nothing unknown any more. */
    private void known(Journal journal) {
        if (journal.get(UNKNOWN_SINCE).filter(v -> !v.isBlank()).isPresent()) {
            journal.put(UNKNOWN_SINCE, "");
        }
    }

    private Outcome retry(OutboxEntry e, LocalText why, Duration retryAfter) {
        if (e.attempts() >= Backoff.MAX_ATTEMPTS) {
            return fail(e, text("publish.core.gaveUp", e.attempts(), why));
        }
        Instant next = clock.instant().plus(backoff.after(e.attempts(), retryAfter));
        // Said here, not by the plugins: the same failure in a connection test is not retried.
        LocalText said = text("publish.core.willRetry", why);
        ws.outbox().retry(e.id(), next, said.byLanguage());
        return new Outcome(current(e.id()), false, said);
    }

    private Outcome fail(OutboxEntry e, LocalText why) {
        ws.outbox().failed(e.id(), why.byLanguage());
        return new Outcome(current(e.id()), false, why);
    }

    /** Everything needed to call the plugin for an entry, or a {@link Refusal} saying why not. */
    private Prepared prepare(OutboxEntry e) throws Refusal {
        ChannelAccount account = ws.channelAccounts().get(e.account())
                .orElseThrow(() -> new Refusal(text("publish.core.accountMissing", e.account()), false));
        ChannelPlugin plugin = plugins.find(e.plugin())
                .orElseThrow(() -> new Refusal(text("publish.core.pluginMissing", e.plugin()), false));
        ChannelSettings settings;
        try {
            settings = new Accounts(ws.channelAccounts(), secrets).settings(account, plugin);
        } catch (SecretStoreException ex) {
            // A locked keychain may be unlocked by the next attempt.
            throw new Refusal(text("publish.core.secretsUnavailable", account.name(), ex.text()), true);
        }
        List<SettingProblem> problems;
        try {
            problems = plugin.validate(settings);
        } catch (RuntimeException | LinkageError ex) {
            throw new Refusal(text("publish.core.pluginCrashed", plugin.id()), false);
        }
        if (!problems.isEmpty()) {
            throw new Refusal(text("publish.core.settingsInvalid", account.name(), describe(plugin, problems)), false);
        }
        AccessTokens.Access access = access(account, plugin, settings);
        settings = access.settings();
        Revision revision = ws.stories().revision(e.storyId(), e.revision())
                .orElseThrow(() -> new Refusal(text("publish.core.revisionMissing", e.storyId(), e.revision()), false));
        StoryDocument doc;
        try {
            doc = StoryDocument.parse(e.storyId(), revision.source());
        } catch (StoryFormatException ex) {
            throw new Refusal(text("publish.core.unreadableStory", e.storyId(), ex.getMessage()), false);
        }
        Brand brand = brandOf(doc);
        Renderers.All renditions = render(doc, brand, e.zone(), e.scheduledAt());
        return new Prepared(plugin, new PublishRequest(Long.toString(e.id()), e.idempotencyKey(), doc, e.revision(),
                brand, renditions, ws.assetResolver(), settings, e.scheduledAt()), access.connected() ? account : null);
    }

    /** The settings with a fresh access token for an account connected with a button (see {@link AccessTokens}). */
    private AccessTokens.Access access(ChannelAccount account, ChannelPlugin plugin, ChannelSettings settings)
            throws Refusal {
        try {
            return new AccessTokens(secrets, clock).settings(account, plugin, settings);
        } catch (Reconnect ex) {
            throw new Refusal(ex.text(), false, true);
        } catch (PublishException ex) {
            throw new Refusal(ex.text(), ex.kind() == PublishException.Kind.TRANSIENT);
        } catch (SecretStoreException ex) {
            throw new Refusal(text("publish.core.secretsUnavailable", account.name(), ex.text()), true);
        } catch (RuntimeException | LinkageError ex) {
            throw new Refusal(text("publish.core.pluginCrashed", plugin.id()), false);
        }
    }

    /**
     * Keeps an entry whose account must be connected again: pending, its attempt not counted, looked at again
     * after {@link #RECONNECT_CHECK} (a token fixed another way lets it go) and at once after a Connect.
     */
    private Outcome awaitReconnection(OutboxEntry e, LocalText why) {
        LocalText said = text("publish.connect.waiting", why);
        ws.outbox().awaitReconnection(e.id(), clock.instant().plus(RECONNECT_CHECK), said.byLanguage());
        return new Outcome(current(e.id()), false, said);
    }

    /** The service refused the token of a connected account: its reason, as one to connect again. */
    private static LocalText refusedToken(Prepared p, PublishException ex) {
        return ex instanceof Reconnect ? ex.text() : Reconnect.refused(p.connected.name(), ex.text()).text();
    }

    /**
     * The renditions as they go out: dated at the scheduled time in the zone the user scheduled in, so every
     * attempt sends the same bytes; with the workspace's images and never remote ones (what leaves must not
     * depend on a third party's server at send time).
     */
    private Renderers.All render(StoryDocument doc, Brand brand, ZoneId zone, Instant at) {
        return Renderers.renderAll(doc, brand, options(zone, at), Runnable::run).join();
    }

    private RenderOptions options(ZoneId zone, Instant at) {
        return RenderOptions.at(at).withZone(zone).withAssets(ws.assetResolver()).withRemoteImages(false);
    }

    private Brand brandOf(StoryDocument doc) {
        String id = doc.story().brand();
        return id.isBlank() ? Brand.DEFAULT : ws.brands().get(id).orElse(Brand.DEFAULT);
    }

    private StoryDocument parse(String id, String source) {
        try {
            return StoryDocument.parse(id, source);
        } catch (StoryFormatException ex) {
            throw new PublisherException("publish.core.unreadableStory", id, ex.getMessage());
        }
    }

    private void touchQuietly(long entryId) {
        try {
            ws.outbox().touch(entryId);
        } catch (RuntimeException e) {
            // The workspace closed under a running send: the next start recovers the entry.
        }
    }

    /** Whom a newsletter entry reaches now: its segment, with consent, bounces and the cap applied. */
    private Recipients recipients(OutboxEntry e) throws Refusal {
        ChannelAccount account = ws.channelAccounts().get(e.account())
                .orElseThrow(() -> new Refusal(text("publish.core.accountMissing", e.account()), false));
        Optional<ScenarioRuns.Personal> personal = personal(e);
        if (e.isScenarioStep() && personal.isEmpty()) {
            throw new Refusal(text("publish.core.scenarioRunGone"), false);
        }
        String segment = personal.isPresent() ? "" : segmentOf(e, account);
        Sql where = personal.isPresent() ? new Sql("c.id = ?", List.of(personal.get().contact()))
                : segmentSql(ws, segment).orElseThrow(() -> new Refusal(text("publish.core.segmentMissing",
                segment, segmentNames(ws)), false));
        UnsubscribeTokens tokens;
        try {
            tokens = UnsubscribeTokens.of(secrets, ws.audience().salt());
        } catch (SecretStoreException ex) {
            throw new Refusal(text("publish.core.secretsUnavailable", account.name(), ex.text()), true);
        }
        return new AudienceRecipients(ws.audience(), tokens, segment, where, e.id(), e.storyId());
    }

    /** The one contact (and variant) of a scenario step's entry; empty for any other entry. */
    private Optional<ScenarioRuns.Personal> personal(OutboxEntry e) {
        String t = e.target() == null ? "" : e.target();
        if (!t.startsWith(SCENARIO_TARGET)) {
            return Optional.empty();
        }
        String[] parts = t.substring(SCENARIO_TARGET.length()).split(":", 2);
        try {
            return ws.scenarios().runs().personal(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Brings every scenario up to date (entries, exits, due steps queued or held, queued steps from the
     * outbox): what a round of due sends does first, so the studio's scheduler and {@code cristal publish
     * --due} both advance them. A failure is logged and the sends go on.
     */
    public void advanceScenarios() {
        try {
            scenarios.tick();
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "scenario pass stopped; trying again at the next round: "
                    + ex.getClass().getName());
        }
    }

    private PublishContext context(long entryId, Progress progress, BooleanSupplier cancelled) {
        return context(entryId, progress, cancelled, null);
    }

    private PublishContext context(long entryId, Progress progress, BooleanSupplier cancelled, Recipients recipients) {
        Outbox outbox = ws.outbox();
        java.util.concurrent.atomic.AtomicLong lastTouch = new java.util.concurrent.atomic.AtomicLong(clock.millis());
        Runnable alive = () -> {
            long now = clock.millis();
            long last = lastTouch.get();
            if (now - last >= TOUCH_EVERY_MS && lastTouch.compareAndSet(last, now)) {
                outbox.touch(entryId);
            }
        };
        Journal journal = new OutboxJournal(outbox, entryId, alive);
        return new PublishContext() {
            @Override
            public void progress(double fraction, LocalText message) {
                alive.run();
                progress.update(entryId, fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }

            @Override
            public Journal journal() {
                return journal;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Locale locale() {
                return Locale.getDefault();
            }

            @Override
            public Optional<Recipients> recipients() {
                return Optional.ofNullable(recipients);
            }
        };
    }

    private OutboxEntry current(long id) {
        return ws.outbox().get(id).orElseThrow(() -> new PublisherException("publish.core.entryMissing", id));
    }

    /** The problems as "Label: message; …" in each language. */
    /** "Fill in: Address, Signing secret." then each other problem as "Label: what is wrong." */
    private static LocalText describe(ChannelPlugin plugin, List<SettingProblem> problems) {
        LocalText required = LocalText.fromBundle(PublishException.BUNDLE, "publish.setting.required");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String lang : List.of("en", "fr")) {
            Locale locale = Locale.forLanguageTag(lang);
            List<String> parts = new ArrayList<>();
            String missing = problems.stream().filter(p -> !p.key().isEmpty() && p.message().equals(required))
                    .map(p -> name(plugin, p.key(), locale)).collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                parts.add(LocalText.fromBundle(PublishException.BUNDLE, "publish.core.fillIn", missing).get(locale));
            }
            problems.stream().filter(p -> p.key().isEmpty() || !p.message().equals(required))
                    .map(p -> label(plugin, p.key(), locale) + p.message().get(locale)).forEach(parts::add);
            out.put(lang, String.join(" ", parts));
        }
        return new LocalText(out);
    }

    private static String label(ChannelPlugin plugin, String key, Locale locale) {
        if (key.isEmpty()) {
            return "";
        }
        return name(plugin, key, locale) + (locale.getLanguage().equals("fr") ? "\u00a0: " : ": ");
    }

    private static String name(ChannelPlugin plugin, String key, Locale locale) {
        return plugin.settings().stream().filter(s -> s.key().equals(key)).findFirst()
                .map(s -> s.label().get(locale)).orElse(key);
    }

    /** A message of Cristal's publishing bundle; arguments that are {@link LocalText} are used in each language. */
    static LocalText text(String key, Object... args) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String lang : List.of("en", "fr")) {
            Object[] resolved = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = args[i] instanceof LocalText t ? t.get(Locale.forLanguageTag(lang)) : args[i];
            }
            out.put(lang, LocalText.fromBundle(PublishException.BUNDLE, key, resolved).get(Locale.forLanguageTag(lang)));
        }
        return new LocalText(out);
    }

    /** {@code connected}: the account when it posts through a Connect (a refused token then waits), else null. */
    private record Prepared(ChannelPlugin plugin, PublishRequest request, ChannelAccount connected) {
        Prepared(ChannelPlugin plugin, PublishRequest request) {
            this(plugin, request, null);
        }

        Prepared with(PublishRequest other) {
            return new Prepared(plugin, other, connected);
        }
    }

    /** Why an entry cannot be handed to its plugin; {@code mayPass} when a later attempt may succeed. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient LocalText text;
        final boolean mayPass;
        /** Only the user can fix it, by connecting the account again. */
        final boolean reconnect;

        Refusal(LocalText text, boolean mayPass) {
            this(text, mayPass, false);
        }

        Refusal(LocalText text, boolean mayPass, boolean reconnect) {
            super(text.toString(), null, false, false);
            this.text = text;
            this.mayPass = mayPass;
            this.reconnect = reconnect;
        }
    }
}
