package org.cristal.publish.scenario;

import java.util.List;
import org.cristal.library.scenario.RunStep;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.StepCounts;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.ScenarioVersion;
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
    private final Publisher publisher;

    public ScenarioRunner(Publisher publisher) {
        this.publisher = publisher;
    }

    /** What starting the scenario now would do, for every contact of its segment. Writes nothing. */
    public Simulation simulate(String name) {
        Scenario s = scenario(name);
        ScenarioVersion v = ws().scenarios().current(s.id());
        return new Simulator(ws()).run(s, v, segment(s), this::reachesContacts, publisher.clock().instant());
    }

    /** Starts (or restarts after a stop is refused) the scenario: its contacts enter at the next tick. */
    public Scenario start(String name) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** Pauses: steps that fall due are held, never dropped. */
    public Scenario pause(String name) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** Resumes: held steps go (within the frequency cap), then the scenario runs on. */
    public Scenario resume(String name) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** Stops for good: nobody enters, nothing more goes; runs under way end as exited. */
    public Scenario stop(String name) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /**
     * One pass of every running scenario: entries, exits, due steps queued (or held), queued steps brought up
     * to date from the outbox. Idempotent; blocking — never on the FX thread. The publisher's due sends call it.
     */
    public void tick() {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** Each step's counts, over every run. */
    public List<StepCounts> status(String name) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** The contacts at one step (its current state for each run that has it). */
    public List<RunStep> contactsAt(String name, String stepId) {
        throw new UnsupportedOperationException("scenario engine part");
    }

    /** Moves the active runs of {@code fromVersion} to the current version; returns how many moved. */
    public int move(String name, int fromVersion) {
        throw new UnsupportedOperationException("scenario engine part");
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
