package org.cristal.publish.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.scenario.RunStep;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.StepCounts;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.ScenarioRuns;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Step;
import org.cristal.library.scenario.StepTimes;
import org.cristal.publish.Publisher;
import org.cristal.publish.PublisherException;
import org.cristal.publish.spi.ChannelPlugin;

/**
 * Runs scenarios (docs/one-to-one.md): contacts of the segment enter, each step of each run falls due in
 * the contact's zone, and a due step becomes one outbox entry with its own idempotency key, so it never
 * goes twice through crashes and restarts. Placeholder of the shared contract: the scenario engine part
 * fills it in; the signatures are the contract the studio and the command line use.
 */
public final class ScenarioRunner {
    /** Passes of this process one at a time: the studio's scheduler and a button may ask at once. */
    private static final Object LOCK = new Object();
    private final Publisher publisher;

    public ScenarioRunner(Publisher publisher) {
        this.publisher = publisher;
    }

    /** What starting the scenario now would do, for every contact of its segment. Writes nothing. */
    public Simulation simulate(String name) {
        Scenario s = scenario(name);
        ScenarioVersion v = checked(s);
        return new Simulator(ws()).run(s, v, segment(s), this::reachesContacts, publisher.clock().instant());
    }

    /** Starts (or restarts after a stop is refused) the scenario: its contacts enter at the next tick. */
    public Scenario start(String name) {
        Scenario s = scenario(name);
        if (s.state() == ScenarioState.STOPPED) {
            throw new PublisherException("publish.scenario.stopped", s.name());
        }
        if (s.state() == ScenarioState.PAUSED) {
            return resume(name);
        }
        checked(s);
        segment(s);
        Scenario started = s.state() == ScenarioState.RUNNING ? s
                : ws().scenarios().setState(s.id(), ScenarioState.RUNNING);
        pass(started);
        return current(started);
    }

    /** Pauses: steps that fall due are held, never dropped. */
    public Scenario pause(String name) {
        Scenario s = scenario(name);
        if (s.state() != ScenarioState.RUNNING) {
            return s;
        }
        Scenario paused = ws().scenarios().setState(s.id(), ScenarioState.PAUSED);
        synchronized (LOCK) {
            Ticker ticker = new Ticker(publisher);
            // Queued steps that have not begun come back as held: a pause holds, it never lets one slip out.
            for (ScenarioRuns.Touch t : ws().scenarios().runs().touches(s.id(), ScenarioRuns.QUEUED)) {
                if (ticker.withdraw(t)) {
                    ws().scenarios().runs().heldAtSend(t.run(), t.step(), "paused");
                }
            }
        }
        pass(paused);
        return current(paused);
    }

    /** Resumes: held steps go (within the frequency cap), then the scenario runs on. */
    public Scenario resume(String name) {
        Scenario s = scenario(name);
        if (s.state() != ScenarioState.PAUSED) {
            return s;
        }
        Scenario running = ws().scenarios().setState(s.id(), ScenarioState.RUNNING);
        pass(running);
        return current(running);
    }

    /** Stops for good: nobody enters, nothing more goes; runs under way end as exited. */
    public Scenario stop(String name) {
        Scenario s = scenario(name);
        if (s.state() == ScenarioState.STOPPED) {
            return s;
        }
        Scenario stopped = ws().scenarios().setState(s.id(), ScenarioState.STOPPED);
        synchronized (LOCK) {
            ScenarioRuns runs = ws().scenarios().runs();
            Ticker ticker = new Ticker(publisher);
            for (ScenarioRuns.Touch t : runs.touches(s.id(), ScenarioRuns.QUEUED)) {
                if (ticker.withdraw(t)) {
                    runs.set(t.run(), t.step(), ScenarioRuns.SKIPPED, 0, "stopped");
                }
            }
            for (ScenarioRuns.Run r : runs.active(s.id())) {
                runs.end(r.id(), ScenarioRuns.EXITED, "stopped");
            }
        }
        return current(stopped);
    }

    /**
     * One pass of every running scenario: entries, exits, due steps queued (or held), queued steps brought up
     * to date from the outbox. Idempotent; blocking — never on the FX thread. The publisher's due sends call it.
     */
    public void tick() {
        for (Scenario s : ws().scenarios().list()) {
            if (s.state() != ScenarioState.DRAFT) {
                pass(s);
            }
        }
    }

    /** Each step's counts, over every run. */
    public List<StepCounts> status(String name) {
        Scenario s = scenario(name);
        Map<String, Map<String, Integer>> counts = ws().scenarios().runs().counts(s.id());
        List<StepCounts> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Step> steps = ws().scenarios().current(s.id()).steps();
        for (int i = 0; i < steps.size(); i++) {
            out.add(counts(steps.get(i).id(), i + 1, counts));
            seen.add(steps.get(i).id());
        }
        // Steps only older versions have, still being followed by runs that were not moved.
        for (String step : counts.keySet()) {
            if (!seen.contains(step)) {
                out.add(counts(step, 0, counts));
            }
        }
        return out;
    }

    /** The contacts at one step (its current state for each run that has it). */
    public List<RunStep> contactsAt(String name, String stepId) {
        Scenario s = scenario(name);
        List<RunStep> out = new ArrayList<>();
        for (ScenarioRuns.Row r : ws().scenarios().runs().at(s.id(), stepId)) {
            ZoneId zone = ws().audience().contacts().get(r.contactId())
                    .map(c -> StepTimes.zoneOf(c.fields(), s.zone())).orElse(s.zone());
            out.add(new RunStep(r.run(), r.contactId(), r.contact(), r.version(), stepId, r.state(), r.dueAt(), zone,
                    Reasons.say(r.reason(), Locale.getDefault())));
        }
        return out;
    }

    /** Moves the active runs of {@code fromVersion} to the current version; returns how many moved. */
    public int move(String name, int fromVersion) {
        Scenario s = scenario(name);
        if (fromVersion == s.version() || ws().scenarios().version(s.id(), fromVersion).isEmpty()) {
            throw new PublisherException("publish.scenario.moveVersion", fromVersion, s.version());
        }
        ScenarioVersion to = ws().scenarios().current(s.id());
        List<String> ids = to.steps().stream().map(Step::id).toList();
        ScenarioRuns runs = ws().scenarios().runs();
        int moved = 0;
        synchronized (LOCK) {
            for (ScenarioRuns.Run r : runs.active(s.id())) {
                if (r.version() != fromVersion) {
                    continue;
                }
                ZoneId zone = ws().audience().contacts().get(r.contact())
                        .map(c -> StepTimes.zoneOf(c.fields(), s.zone())).orElse(s.zone());
                List<Instant> due = StepTimes.of(to.steps(), r.enteredAt(), zone);
                java.util.Set<String> had = new java.util.HashSet<>();
                runs.touches(r.id()).forEach(t -> had.add(t.step()));
                Map<String, Instant> added = new LinkedHashMap<>();
                for (int i = 0; i < to.steps().size(); i++) {
                    if (!had.contains(ids.get(i))) {
                        added.put(ids.get(i), due.get(i));
                    }
                }
                runs.move(r.id(), to.version(), added, ids);
                moved++;
            }
        }
        return moved;
    }

    /** The current version, refused in words when it has no step or a step's story or account is gone. */
    private ScenarioVersion checked(Scenario s) {
        ScenarioVersion v = ws().scenarios().current(s.id());
        if (v.steps().isEmpty()) {
            throw new PublisherException("publish.scenario.noSteps", s.name());
        }
        for (Step step : v.steps()) {
            if (ws().stories().get(step.storyId()).isEmpty()) {
                throw new PublisherException("publish.scenario.storyMissing", step.id(), step.storyId());
            }
            if (ws().channelAccounts().get(step.account()).isEmpty()) {
                throw new PublisherException("publish.scenario.accountMissing", step.id(), step.account());
            }
        }
        return v;
    }

    /** One scenario's pass; one at a time in this process (another process's is made safe by the keys). */
    private void pass(Scenario s) {
        synchronized (LOCK) {
            Sql segment = null;
            if (s.state() == ScenarioState.RUNNING) {
                // A segment deleted while running: nobody new enters; those inside go on.
                segment = Publisher.segmentSql(ws(), s.segment()).orElse(null);
            }
            new Ticker(publisher).pass(current(s), segment, this::reachesContacts);
        }
    }

    private Scenario current(Scenario s) {
        return ws().scenarios().get(s.id()).orElse(s);
    }

    private static StepCounts counts(String step, int number, Map<String, Map<String, Integer>> counts) {
        Map<String, Integer> c = counts.getOrDefault(step, Map.of());
        return new StepCounts(step, number, c.getOrDefault(ScenarioRuns.WAITING, 0),
                c.getOrDefault(ScenarioRuns.HELD, 0), c.getOrDefault(ScenarioRuns.QUEUED, 0),
                c.getOrDefault(ScenarioRuns.SENT, 0), c.getOrDefault(ScenarioRuns.SKIPPED, 0),
                c.getOrDefault(ScenarioRuns.FAILED, 0));
    }

    Publisher publisher() {
        return publisher;
    }

    private Workspace ws() {
        return publisher.workspace();
    }

    /** The scenario of that name, or a clear refusal. */
    private Scenario scenario(String name) {
        return ws().scenarios().find(name).orElseThrow(() -> new WorkspaceException("scenario.error.missing",
                name == null ? "" : name.strip()));
    }

    /** The contacts of the scenario's segment; a segment deleted since is said, never taken as "everyone". */
    private Sql segment(Scenario s) {
        return Publisher.segmentSql(ws(), s.segment()).orElseThrow(() -> new PublisherException(
                "publish.core.segmentMissing", s.segment(), segmentNames()));
    }

    private String segmentNames() {
        String names = ws().audience().segments().list().stream().map(x -> x.name())
                .collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "\u2014" : names;
    }

    /** Whether the account sends to each contact (a newsletter) rather than posting once (social, site). */
    boolean reachesContacts(String accountId) {
        return ws().channelAccounts().get(accountId).flatMap(a -> publisher.plugins().find(a.plugin()))
                .map(ChannelPlugin::reachesContacts).orElse(false);
    }
}
