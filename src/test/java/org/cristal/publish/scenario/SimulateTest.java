package org.cristal.publish.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.Simulation.Skip;
import org.cristal.library.scenario.Step;
import org.cristal.publish.PublisherException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation: who would get which step when, in their own zone, and who is skipped and why. */
class SimulateTest {
    @TempDir
    Path dir;
    ScenarioFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new ScenarioFixture(dir.resolve("sim.cristal"), 2525, "http://127.0.0.1:9");
    }

    @AfterEach
    void close() {
        f.close();
    }

    static List<Step> threeSteps() {
        return List.of(
                new Step("s1", "boulangerie-levain", "", "news", Step.Timing.AFTER_ENTRY, Duration.ZERO, null,
                        LocalTime.of(9, 0), List.of()),
                new Step("s2", "boulangerie-levain", "", "masto", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(1), null,
                        null, List.of()),
                new Step("s3", "nimbus-tax-season", "", "news", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(2), null,
                        LocalTime.of(9, 0), List.of(new Condition(Condition.Kind.RECEIVED, "s1", false))));
    }

    private Simulation.Row row(Simulation sim, long contact, String step) {
        return sim.rows().stream().filter(r -> r.contactId() == contact && r.stepId().equals(step)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyContactGetsEachStepAtTheirOwnLocalTimeAndTheSkippedAreSaidWhy() {
        long marie = f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        long luc = f.contact("luc@example.com", "Luc", true, ScenarioFixture.MONTREAL);
        long anne = f.contact("anne@example.com", "Anne", false, null);
        long paul = f.contact("paul@example.com", "Paul", true, null);
        f.ws.audience().setFrequencyCap(new FrequencyCap(2, 7));
        for (int i = 0; i < 2; i++) {
            f.ws.audience().deliveries().record(paul, 0, "other", ContactChannel.EMAIL, Purpose.MARKETING,
                    Delivery.Outcome.SENT, "");
        }
        f.ws.scenarios().create("Bienvenue", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, threeSteps(), List.of());

        Simulation sim = f.runner.simulate("Bienvenue");

        assertEquals(4, sim.contacts());
        // Now is 1 December, 09:00 in Paris and 03:00 in Montreal: 9:00 is at once for Marie, later for Luc.
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), row(sim, marie, "s1").at());
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), row(sim, luc, "s1").at());
        assertEquals("Marie", row(sim, marie, "s1").contact());
        assertEquals(ScenarioFixture.MONTREAL, row(sim, luc, "s1").zone());
        // Two days after the post, at 9:00 their own time.
        assertEquals(Instant.parse("2026-12-04T08:00:00Z"), row(sim, marie, "s3").at());
        assertEquals(Instant.parse("2026-12-04T14:00:00Z"), row(sim, luc, "s3").at());
        assertNull(row(sim, marie, "s3").skip());
        assertEquals(Skip.NO_CONSENT, row(sim, anne, "s1").skip());
        assertEquals(Skip.OVER_CAP, row(sim, paul, "s1").skip(), "two messages a week, and he had two");
        assertEquals(Skip.CONDITION, row(sim, paul, "s3").skip(), "s3 is for those who received s1");
        // The post goes once, for everyone, when it first falls due (a day after Marie's first e-mail).
        List<Simulation.Row> posts = sim.rows().stream().filter(r -> r.stepId().equals("s2")).toList();
        assertEquals(1, posts.size());
        assertEquals(0, posts.get(0).contactId());
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), posts.get(0).at());
        assertEquals(2, sim.skipped().get(Skip.NO_CONSENT));
        assertEquals(1, sim.skipped().get(Skip.OVER_CAP));
        assertEquals(1, sim.skipped().get(Skip.CONDITION));
        assertEquals(0, f.ws.scenarios().runs().latest(f.ws.scenarios().find("Bienvenue").orElseThrow().id()).size(),
                "a simulation writes nothing");
    }

    @Test
    void anUnknownScenarioOrAVanishedSegmentIsSaidInWords() {
        WorkspaceException missing = assertThrows(WorkspaceException.class, () -> f.runner.simulate("Nope"));
        assertEquals("No scenario “Nope” in this workspace.", missing.localizedMessage(Locale.ENGLISH));
        f.ws.scenarios().create("Clients", "clients", Reentry.NEVER, 0, ScenarioFixture.PARIS, threeSteps(),
                List.of());
        PublisherException segment = assertThrows(PublisherException.class, () -> f.runner.simulate("Clients"));
        assertEquals("There is no segment named “clients”. Segments: —.", segment.text().get(Locale.ENGLISH));
    }
}
