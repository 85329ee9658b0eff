package org.cristal.publish.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.StoredStory;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioRuns;
import org.cristal.library.scenario.ScenarioRuns.Run;
import org.cristal.library.scenario.ScenarioRuns.Touch;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Step;
import org.cristal.library.scenario.StepTimes;
import org.cristal.publish.PublicationKeys;
import org.cristal.publish.Publisher;
import org.cristal.story.Channel;

/**
 * One pass over one scenario (ADR 0030): queued steps brought up to date from the outbox and the deliveries,
 * new members entered, then each active run's next due step decided — exit, condition, consent, cap — and,
 * when it may go, turned into one outbox entry for that one contact whose key comes from (scenario, run,
 * step, attempt). Every decision is written before the next, so a pass cut short anywhere (kill -9) is
 * finished by the next one: an entry added but not yet linked is found again by its key.
 */
final class Ticker {
    /** An outbox entry's target for one contact's step: {@code scenario-run:RUN:STEP} (Publisher reads it). */
    static final String TARGET = Publisher.SCENARIO_TARGET;

    private final Publisher publisher;
    private final Workspace ws;
    private final ScenarioRuns runs;
    private final Checks checks;
    private final Map<Integer, ScenarioVersion> versions = new HashMap<>();

    Ticker(Publisher publisher) {
        this.publisher = publisher;
        this.ws = publisher.workspace();
        this.runs = ws.scenarios().runs();
        this.checks = new Checks(ws);
    }

    void pass(Scenario s, Sql segment, java.util.function.Predicate<String> reachesContacts) {
        Instant now = publisher.clock().instant();
        refresh(s, reachesContacts);
        if (s.state() == ScenarioState.RUNNING && segment != null) {
            enter(s, segment, now);
        }
        if (s.state() == ScenarioState.RUNNING || s.state() == ScenarioState.PAUSED) {
            for (Run run : runs.active(s.id())) {
                advance(s, run, now, reachesContacts);
            }
        }
    }

    /** The segment's contacts who may enter, entered with every step's due time in their zone. */
    private void enter(Scenario s, Sql segment, Instant now) {
        Map<Long, Run> latest = runs.latest(s.id());
        ScenarioVersion v = version(s, s.version());
        ws.audience().contacts().forEach(segment, c -> {
            if (!Entries.mayEnter(s, latest.get(c.id()), now)) {
                return;
            }
            ZoneId zone = StepTimes.zoneOf(c.fields(), s.zone());
            List<Instant> due = StepTimes.of(v.steps(), now, zone);
            Map<String, Instant> byStep = new LinkedHashMap<>();
            for (int i = 0; i < v.steps().size(); i++) {
                byStep.put(v.steps().get(i).id(), due.get(i));
            }
            runs.enter(s.id(), v.version(), c.id(), now, byStep);
        });
    }

    /** Decides the run's next due step(s), in the version's order; one queued step at a time. */
    private void advance(Scenario s, Run run, Instant now, java.util.function.Predicate<String> reachesContacts) {
        ScenarioVersion v = version(s, run.version());
        Map<String, Touch> touches = runs.touches(run.id()).stream()
                .collect(Collectors.toMap(Touch::step, t -> t, (a, b) -> a, LinkedHashMap::new));
        Optional<Contact> contact = ws.audience().contacts().get(run.contact());
        if (contact.isEmpty()) {
            runs.end(run.id(), ScenarioRuns.EXITED, "erased");
            return;
        }
        Set<String> received = new HashSet<>();
        Set<Long> own = new HashSet<>();
        touches.values().forEach(t -> {
            if (t.state().equals(ScenarioRuns.SENT)) {
                received.add(t.step());
            }
            if (t.entry() > 0) {
                own.add(t.entry());
            }
        });
        Map<String, Step> byId = v.steps().stream().collect(Collectors.toMap(Step::id, x -> x, (a, b) -> a));
        for (Step step : v.steps()) {
            Touch t = touches.get(step.id());
            if (t == null || t.done()) {
                continue;
            }
            if (t.state().equals(ScenarioRuns.QUEUED) || t.dueAt().isAfter(now)) {
                return; // in order: nothing after a step still under way or not yet due
            }
            if (s.state() == ScenarioState.PAUSED) {
                if (t.state().equals(ScenarioRuns.WAITING)) {
                    runs.set(run.id(), step.id(), ScenarioRuns.HELD, 0, "paused");
                }
                return;
            }
            Optional<LeftOut> left = ws.audience().check(run.contact(), ContactChannel.EMAIL, Purpose.MARKETING);
            Optional<String> exit = checks.exit(v.exits(), s.segment(), contact.get(), left, run.enteredAt(), own);
            if (exit.isPresent()) {
                runs.end(run.id(), ScenarioRuns.EXITED, exit.get());
                return;
            }
            if (!reachesContacts.test(step.account())) {
                post(s, run, step, t);
                return;
            }
            if (!step.conditions().stream().allMatch(k -> checks.holds(k, run.contact(), received::contains, left,
                    byId))) {
                runs.set(run.id(), step.id(), ScenarioRuns.SKIPPED, 0, "condition");
                continue;
            }
            if (left.isPresent() && left.get() == LeftOut.OVER_CAP) {
                runs.set(run.id(), step.id(), ScenarioRuns.HELD, 0, "cap");
                return;
            }
            if (left.isPresent()) {
                runs.set(run.id(), step.id(), ScenarioRuns.SKIPPED, 0, reason(left.get()));
                continue;
            }
            ZoneId zone = StepTimes.zoneOf(contact.get().fields(), s.zone());
            Optional<OutboxEntry> e = queue(key(s.id(), run.id(), step.id(), t.attempt()), step,
                    TARGET + run.id() + ":" + step.id(), t.dueAt(), zone);
            if (e.isEmpty()) {
                runs.set(run.id(), step.id(), ScenarioRuns.FAILED, 0, "missing");
                continue;
            }
            runs.set(run.id(), step.id(), ScenarioRuns.QUEUED, e.get().id(), "");
            return;
        }
        if (runs.touches(run.id()).stream().allMatch(Touch::done)) {
            runs.end(run.id(), ScenarioRuns.COMPLETED, "");
        }
    }

    /** A public step: posted once for the scenario when first due; each run follows that one post. */
    private void post(Scenario s, Run run, Step step, Touch t) {
        Optional<ScenarioRuns.Post> p = runs.post(s.id(), step.id());
        if (p.isEmpty()) {
            Optional<OutboxEntry> e = queue(key(s.id(), 0, step.id(), 0), step, null, t.dueAt(), s.zone());
            if (e.isEmpty()) {
                runs.set(run.id(), step.id(), ScenarioRuns.FAILED, 0, "missing");
                return;
            }
            runs.addPost(s.id(), run.version(), step.id(), t.dueAt(), e.get().id());
            p = runs.post(s.id(), step.id());
        }
        ScenarioRuns.Post post = p.orElseThrow();
        String state = post.state().equals(ScenarioRuns.QUEUED) ? ScenarioRuns.QUEUED : post.state();
        runs.set(run.id(), step.id(), state, post.entry(), post.reason());
    }

    /**
     * The step's outbox entry: the one already added under this key (a pass cut short after adding it), or a
     * new one. Empty when its story or account is gone.
     */
    private Optional<OutboxEntry> queue(String key, Step step, String target, Instant at, ZoneId zone) {
        Optional<OutboxEntry> existing = ws.outbox().byKey(key);
        if (existing.isPresent()) {
            return existing;
        }
        Optional<StoredStory> story = ws.stories().get(step.storyId());
        Optional<ChannelAccount> account = ws.channelAccounts().get(step.account());
        if (story.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        String channel = publisher.plugins().find(account.get().plugin()).map(p -> p.renditions().stream().sorted()
                .map(Channel::id).collect(Collectors.joining(","))).orElse("");
        try {
            return Optional.of(ws.outbox().add(new OutboxEntry.New(key, step.storyId(), story.get().revision(),
                    step.account(), account.get().plugin(), channel, target == null ? account.get().name() : target,
                    at, zone)));
        } catch (RuntimeException raced) {
            // Another process's pass added it in between: the key is unique, so it is the same entry.
            return Optional.of(ws.outbox().byKey(key).orElseThrow(() -> raced));
        }
    }

    /** Queued steps and posts brought up to date from their entry and the contact's deliveries. */
    private void refresh(Scenario s, java.util.function.Predicate<String> reachesContacts) {
        for (ScenarioRuns.Post p : runs.posts(s.id())) {
            if (p.state().equals(ScenarioRuns.QUEUED)) {
                Optional<OutboxEntry> e = ws.outbox().get(p.entry());
                OutboxState st = e.map(OutboxEntry::state).orElse(OutboxState.CANCELLED);
                if (st == OutboxState.SENT) {
                    runs.setPost(s.id(), p.step(), ScenarioRuns.SENT, "");
                } else if (st == OutboxState.FAILED) {
                    runs.setPost(s.id(), p.step(), ScenarioRuns.FAILED, "send-failed");
                } else if (st == OutboxState.CANCELLED) {
                    runs.setPost(s.id(), p.step(), ScenarioRuns.SKIPPED, "cancelled");
                }
            }
        }
        Map<String, ScenarioRuns.Post> posts = runs.posts(s.id()).stream()
                .collect(Collectors.toMap(ScenarioRuns.Post::step, p -> p, (a, b) -> a));
        for (Touch t : runs.touches(s.id(), ScenarioRuns.QUEUED)) {
            ScenarioRuns.Post post = posts.get(t.step());
            if (post != null && post.entry() == t.entry()) {
                if (!post.state().equals(ScenarioRuns.QUEUED)) {
                    runs.set(t.run(), t.step(), post.state(), 0, post.reason());
                }
                continue;
            }
            refreshTouch(s, t);
        }
    }

    private void refreshTouch(Scenario s, Touch t) {
        Optional<OutboxEntry> e = ws.outbox().get(t.entry());
        OutboxState st = e.map(OutboxEntry::state).orElse(OutboxState.CANCELLED);
        if (st != OutboxState.SENT && st != OutboxState.FAILED && st != OutboxState.CANCELLED) {
            return; // still going
        }
        Run run = runs.run(t.run()).orElseThrow();
        if (st == OutboxState.CANCELLED) {
            if (s.state() == ScenarioState.PAUSED && run.state().equals(ScenarioRuns.ACTIVE)) {
                runs.heldAtSend(t.run(), t.step(), "paused");
            } else {
                runs.set(t.run(), t.step(), ScenarioRuns.SKIPPED, 0, run.state().equals(ScenarioRuns.ACTIVE)
                        ? "cancelled" : run.reason());
            }
            return;
        }
        Optional<Delivery> d = ws.audience().deliveries().of(run.contact()).stream()
                .filter(x -> x.entry() == t.entry()).findFirst();
        if (d.isPresent()) {
            switch (d.get().outcome()) {
                case SENT -> runs.set(t.run(), t.step(), ScenarioRuns.SENT, 0, "");
                case HELD -> runs.heldAtSend(t.run(), t.step(), "cap");
                default -> runs.set(t.run(), t.step(), ScenarioRuns.FAILED, 0,
                        d.get().outcome().name().toLowerCase(Locale.ROOT));
            }
            return;
        }
        // No message recorded: left out at send time (an unsubscribe since, the cap) or the send failed.
        Optional<LeftOut> left = ws.audience().check(run.contact(), ContactChannel.EMAIL, Purpose.MARKETING);
        if (left.isPresent() && left.get() == LeftOut.OVER_CAP) {
            runs.heldAtSend(t.run(), t.step(), "cap");
        } else if (left.isPresent()) {
            runs.set(t.run(), t.step(), ScenarioRuns.SKIPPED, 0, reason(left.get()));
        } else {
            runs.set(t.run(), t.step(), ScenarioRuns.FAILED, 0, "send-failed");
        }
    }

    /** Pulls back a queued step whose entry has not begun (a pause, a stop); false when it is going already. */
    boolean withdraw(Touch t) {
        Optional<OutboxEntry> e = ws.outbox().get(t.entry());
        return e.isPresent() && e.get().state() == OutboxState.SCHEDULED && ws.outbox().journal(t.entry()).isEmpty()
                && ws.outbox().cancel(t.entry());
    }

    static String reason(LeftOut left) {
        return left.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private ScenarioVersion version(Scenario s, int v) {
        return versions.computeIfAbsent(v, k -> ws.scenarios().version(s.id(), k).orElseThrow());
    }

    /** The key of one step of one run (run 0: the scenario's public post), per attempt after a hold at the cap. */
    static String key(long scenario, long run, String step, int attempt) {
        return PublicationKeys.of("cristal-sc-", "scenario\n" + scenario + '\n' + run + '\n' + step + '\n' + attempt);
    }
}
