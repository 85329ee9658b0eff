package org.cristal.library.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each step's moment in the contact's own zone, across daylight-saving changes. */
class StepTimesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    private static Step at(Step.Timing timing, Duration delay, LocalDate date, LocalTime time) {
        return new Step("s", "story", "", "news", timing, delay, date, time, List.of());
    }

    @Test
    void nineInTheMorningIsNineInEachContactsOwnZone() {
        Instant entered = Instant.parse("2026-06-01T12:00:00Z"); // 14:00 in Paris, 08:00 in Montreal
        Step next = at(Step.Timing.AFTER_PREVIOUS, Duration.ofDays(1), null, LocalTime.of(9, 0));
        assertEquals(Instant.parse("2026-06-02T07:00:00Z"), StepTimes.due(next, entered, entered, PARIS));
        assertEquals(Instant.parse("2026-06-02T13:00:00Z"), StepTimes.due(next, entered, entered, MONTREAL));
    }

    @Test
    void aTimeInTheSpringForwardGapGoesToTheFirstValidInstantAndAnAutumnOneOnce() {
        // 29 March 2026 in Paris: 02:00 becomes 03:00.
        Step half = at(Step.Timing.ON_DATE, Duration.ZERO, LocalDate.of(2026, 3, 29), LocalTime.of(2, 30));
        Instant entered = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), StepTimes.due(half, entered, entered, PARIS),
                "03:00 CEST, the first instant after the gap");
        // 25 October 2026: 02:30 happens twice; the step goes at the first.
        Step autumn = at(Step.Timing.ON_DATE, Duration.ZERO, LocalDate.of(2026, 10, 25), LocalTime.of(2, 30));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), StepTimes.due(autumn, entered, entered, PARIS));
    }

    @Test
    void aDayAfterAcrossTheChangeKeepsTheLocalTime() {
        // Entered Saturday 28 March 2026 at 10:00 Paris (09:00Z); "next day at 10:00" is 08:00Z after the change.
        Instant entered = Instant.parse("2026-03-28T09:00:00Z");
        Step next = at(Step.Timing.AFTER_ENTRY, Duration.ofDays(1), null, LocalTime.of(10, 0));
        assertEquals(Instant.parse("2026-03-29T08:00:00Z"), StepTimes.due(next, entered, entered, PARIS));
    }

    @Test
    void stepsChainFromThePreviousDueTimeAndAPastDateGoesAtOnce() {
        Instant entered = Instant.parse("2026-06-01T12:00:00Z");
        List<Instant> due = StepTimes.of(List.of(
                at(Step.Timing.AFTER_PREVIOUS, Duration.ZERO, null, null),
                at(Step.Timing.AFTER_PREVIOUS, Duration.ofDays(2), null, LocalTime.of(9, 0)),
                at(Step.Timing.AFTER_PREVIOUS, Duration.ofHours(1), null, null),
                at(Step.Timing.ON_DATE, Duration.ZERO, LocalDate.of(2026, 1, 1), LocalTime.of(9, 0))), entered, PARIS);
        assertEquals(List.of(entered, Instant.parse("2026-06-03T07:00:00Z"), Instant.parse("2026-06-03T08:00:00Z"),
                entered), due);
    }

    @Test
    void aContactsZoneComesFromTheirFieldElseTheScenarios() {
        assertEquals(MONTREAL, StepTimes.zoneOf(Map.of("time_zone", "America/Montreal"), PARIS));
        assertEquals(PARIS, StepTimes.zoneOf(Map.of(), PARIS));
        assertEquals(PARIS, StepTimes.zoneOf(Map.of("time_zone", "Mars/Olympus"), PARIS), "not a zone: the default");
    }
}
