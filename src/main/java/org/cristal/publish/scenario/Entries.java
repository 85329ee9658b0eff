package org.cristal.publish.scenario;

import java.time.Duration;
import java.time.Instant;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioRuns;

/** Who may enter a scenario: the re-entry rule, written once for the ticks and the simulation. */
final class Entries {
    private Entries() {
    }

    /**
     * Whether a contact whose latest run is {@code last} (null: never entered) may enter now. Never while a run
     * is active; {@code after-completion} only after a run that went to its end (an exit is a deliberate
     * "no more"); {@code always} after any end; both once the scenario's wait has passed since that end.
     */
    static boolean mayEnter(Scenario s, ScenarioRuns.Run last, Instant now) {
        if (last == null) {
            return true;
        }
        if (last.state().equals(ScenarioRuns.ACTIVE) || s.reentry() == Reentry.NEVER || last.endedAt() == null) {
            return false;
        }
        if (s.reentry() == Reentry.AFTER_COMPLETION && !last.state().equals(ScenarioRuns.COMPLETED)) {
            return false;
        }
        return !now.isBefore(last.endedAt().plus(Duration.ofDays(s.reentryDays())));
    }
}
