package org.cristal.library.scenario;

import java.time.Instant;
import java.util.List;

/** One version of a scenario's steps and exit rules; never changed once a run follows it. */
public record ScenarioVersion(long scenario, int version, List<Step> steps, List<ExitRule> exits,
        Instant createdAt) {
    public ScenarioVersion {
        steps = List.copyOf(steps);
        exits = List.copyOf(exits);
    }
}
