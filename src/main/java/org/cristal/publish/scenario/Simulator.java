package org.cristal.publish.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Sql;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioRuns;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.Simulation.Skip;
import org.cristal.library.scenario.Step;
import org.cristal.library.scenario.StepTimes;

/**
 * What starting a scenario now would do, contact by contact: the same due times, conditions, exits and
 * consent checks as a tick, on today's data, with the frequency cap counted over the scenario's own messages
 * too. Writes nothing. What it cannot know in advance (a click, a later unsubscribe) is taken as it stands now.
 */
final class Simulator {
    private final Workspace ws;
    private final Checks checks;

    Simulator(Workspace ws) {
        this.ws = ws;
        this.checks = new Checks(ws);
    }

    Simulation run(Scenario s, ScenarioVersion v, Sql where, Function<String, Boolean> reachesContacts,
            Instant now) {
        Map<Long, ScenarioRuns.Run> latest = ws.scenarios().runs().latest(s.id());
        FrequencyCap cap = ws.audience().frequencyCap();
        Map<String, Step> byId = v.steps().stream().collect(Collectors.toMap(Step::id, x -> x, (a, b) -> a));
        List<Simulation.Row> rows = new ArrayList<>();
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        Map<String, Instant> firstPost = new HashMap<>();
        int[] contacts = {0};
        ws.audience().contacts().forEach(where, c -> {
            contacts[0]++;
            ZoneId zone = StepTimes.zoneOf(c.fields(), s.zone());
            List<Instant> due = StepTimes.of(v.steps(), now, zone);
            boolean enters = Entries.mayEnter(s, latest.get(c.id()), now);
            Optional<LeftOut> left = ws.audience().check(c.id(), ContactChannel.EMAIL, Purpose.MARKETING);
            Optional<String> exit = enters ? checks.exit(v.exits(), s.segment(), c, left, now, Set.of())
                    : Optional.empty();
            List<Instant> sent = new ArrayList<>();
            if (cap.isSet()) {
                ws.audience().deliveries().of(c.id()).stream()
                        .filter(d -> d.purpose() == Purpose.MARKETING && d.outcome() == Delivery.Outcome.SENT)
                        .forEach(d -> sent.add(d.at()));
            }
            Set<String> received = new HashSet<>();
            String name = c.fullName().isEmpty() ? c.email() : c.fullName();
            for (int i = 0; i < v.steps().size(); i++) {
                Step step = v.steps().get(i);
                Instant at = due.get(i);
                if (!reachesContacts.apply(step.account())) {
                    if (enters) {
                        firstPost.merge(step.id(), at, (a, b) -> a.isBefore(b) ? a : b);
                        received.add(step.id());
                    }
                    continue;
                }
                Skip skip = null;
                if (!enters) {
                    skip = Skip.NO_REENTRY;
                } else if (exit.isPresent()) {
                    skip = Skip.EXITED;
                } else if (left.isPresent() && left.get() != LeftOut.OVER_CAP) {
                    skip = Skip.valueOf(left.get().name());
                } else if (!step.conditions().stream().allMatch(k -> checks.holds(k, c.id(), received::contains,
                        left, byId))) {
                    skip = Skip.CONDITION;
                } else if (cap.isSet() && sent.stream().filter(t -> !t.isBefore(at.minus(cap.window()))
                        && !t.isAfter(at)).count() >= cap.messages()) {
                    skip = Skip.OVER_CAP;
                }
                if (skip == null) {
                    received.add(step.id());
                    sent.add(at);
                } else {
                    skipped.merge(skip, 1, Integer::sum);
                }
                rows.add(new Simulation.Row(c.id(), name, step.id(), i + 1, step.storyId(), step.account(), at, zone,
                        skip));
            }
        });
        // A public step posts once, when it first falls due for anyone (the scenario's own zone if nobody enters).
        List<Instant> alone = StepTimes.of(v.steps(), now, s.zone());
        for (int i = 0; i < v.steps().size(); i++) {
            Step step = v.steps().get(i);
            if (!reachesContacts.apply(step.account())) {
                Optional<ScenarioRuns.Post> posted = ws.scenarios().runs().post(s.id(), step.id());
                rows.add(new Simulation.Row(0, "", step.id(), i + 1, step.storyId(), step.account(),
                        posted.map(ScenarioRuns.Post::dueAt).orElse(firstPost.getOrDefault(step.id(), alone.get(i))),
                        s.zone(), null));
            }
        }
        return new Simulation(contacts[0], rows, skipped);
    }
}
