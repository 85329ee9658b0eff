package org.cristal.library.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario definitions in a real workspace file: a draft edits in place, a started scenario gets versions. */
class ScenariosTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    Workspace ws;
    Scenarios scenarios;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("s.cristal"), clock);
        scenarios = ws.scenarios();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static Step step(String id, String story, Duration delay) {
        return new Step(id, story, "", "news", Step.Timing.AFTER_PREVIOUS, delay, null, LocalTime.of(9, 0),
                List.of(new Condition(Condition.Kind.RECEIVED, "s1", true)));
    }

    @Test
    void aDraftsEditsChangeItsOnlyVersionInPlace() {
        Scenario s = scenarios.create("Bienvenue", "clients", Reentry.AFTER_COMPLETION, 30, PARIS,
                List.of(step("s1", "a", Duration.ZERO)), List.of());
        ScenarioVersion edited = scenarios.edit(s.id(), List.of(step("s1", "a", Duration.ZERO),
                step("s2", "b", Duration.ofDays(3))), List.of(new ExitRule(ExitRule.Kind.CONVERTED, "")));

        assertEquals(1, edited.version());
        assertEquals(1, scenarios.versions(s.id()).size());
        assertEquals(2, scenarios.current(s.id()).steps().size());
        assertEquals(step("s2", "b", Duration.ofDays(3)), scenarios.current(s.id()).steps().get(1),
                "steps come back as written: timing, delay, time of day, conditions");
        assertEquals(List.of(new ExitRule(ExitRule.Kind.CONVERTED, "")), scenarios.current(s.id()).exits());
    }

    @Test
    void aStartedScenariosEditMakesANewVersionAndTheOldOneStaysAsItWas() {
        Scenario s = scenarios.create("Bienvenue", "", Reentry.NEVER, 0, PARIS,
                List.of(step("s1", "a", Duration.ZERO)), List.of());
        scenarios.setState(s.id(), ScenarioState.RUNNING);
        ScenarioVersion v2 = scenarios.edit(s.id(), List.of(step("s1", "a", Duration.ZERO),
                step("s2", "b", Duration.ofDays(2))), List.of());

        assertEquals(2, v2.version());
        assertEquals(2, scenarios.find("bienvenue").orElseThrow().version(), "names are found without case");
        assertEquals(1, scenarios.version(s.id(), 1).orElseThrow().steps().size(), "version 1 unchanged");
        assertEquals(List.of(1, 2), scenarios.versions(s.id()).stream().map(ScenarioVersion::version).toList());
        assertFalse(scenarios.delete(s.id()), "a running scenario is not deleted");
        scenarios.setState(s.id(), ScenarioState.STOPPED);
        assertTrue(scenarios.delete(s.id()));
        assertTrue(scenarios.find("Bienvenue").isEmpty());
    }

    @Test
    void aTakenOrBlankNameIsRefusedInWords() {
        scenarios.create("Bienvenue", "", Reentry.NEVER, 0, PARIS, List.of(), List.of());
        WorkspaceException taken = assertThrows(WorkspaceException.class,
                () -> scenarios.create("BIENVENUE", "", Reentry.NEVER, 0, PARIS, List.of(), List.of()));
        assertEquals("A scenario named “BIENVENUE” already exists.", taken.localizedMessage(Locale.ENGLISH));
        assertThrows(WorkspaceException.class, () -> scenarios.create("  ", "", Reentry.NEVER, 0, PARIS, List.of(),
                List.of()));
    }
}
