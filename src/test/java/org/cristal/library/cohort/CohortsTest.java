package org.cristal.library.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortsTest {
    private static final LocalDate SEPT_7 = LocalDate.of(2026, 9, 7);
    private static final LocalDate SEPT_14 = LocalDate.of(2026, 9, 14);

    @TempDir
    Path dir;

    private CohortTable weeks(Workspace ws, CohortStart from) {
        return ws.cohorts().table(CohortPeriod.WEEK, from, 12, CohortFixture.PARIS);
    }

    @Test
    void contactsAreGroupedByTheParisWeekTheyJoinedAndErasedContactsLeaveNoTrace() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), true)) {
            CohortTable t = weeks(ws, CohortStart.JOINED);
            assertEquals(List.of(SEPT_7, SEPT_14), t.cohorts().stream().map(Cohort::start).toList());
            Cohort first = t.cohorts().get(0);
            assertEquals(3, first.size(), "alice, bob and dave; eve was erased");
            // eve's e-mail stays in the deliveries without a contact: it is nobody's
            assertEquals(1, first.cells().get(0).email());
            assertEquals(1, first.cells().get(0).messages());
            Cohort single = t.cohorts().get(1);
            assertEquals(1, single.size(), "carol joined at 00:30 on Monday in Paris");
            assertEquals(4, t.contacts());
        }
    }

    @Test
    void eachPeriodCountsMessagesSentPerChannelButNotThoseHeldByTheCap() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            List<CohortCell> a = weeks(ws, CohortStart.JOINED).cohorts().get(0).cells();
            CohortCell week1 = a.get(1);
            assertEquals(SEPT_14, week1.start());
            assertEquals(1, week1.email());
            assertEquals(1, week1.postal(), "bob's letter; alice's letter was held by the cap");
            assertEquals(0, week1.sms());
            assertEquals(1, a.get(2).sms());
            assertEquals(1, weeks(ws, CohortStart.JOINED).cohorts().get(1).cells().get(1).email());
        }
    }

    @Test
    void stillConsentingFollowsWithdrawalsAndLateGrantsPeriodByPeriod() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            Cohort a = weeks(ws, CohortStart.JOINED).cohorts().get(0);
            assertEquals(List.of(2, 2, 2), a.cells().stream().map(CohortCell::consenting).toList(),
                    "alice and bob, then alice and dave once bob withdrew and dave granted");
            assertEquals(2.0 / 3, a.consentingShare(a.cells().get(0)), 1e-9);
            Cohort carol = weeks(ws, CohortStart.JOINED).cohorts().get(1);
            assertEquals(1, carol.cells().get(0).consenting());
            assertEquals(1.0, carol.consentingShare(carol.cells().get(0)));
        }
    }

    @Test
    void periodsThatHaveNotHappenedHaveNoCellAndTheCurrentOneIsMarkedUnderway() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            CohortTable t = weeks(ws, CohortStart.JOINED);
            List<CohortCell> a = t.cohorts().get(0).cells();
            assertEquals(3, a.size(), "weeks 0, 1 and 2 (under way); not 12 weeks of zeros");
            assertFalse(a.get(1).underway());
            assertTrue(a.get(2).underway());
            assertEquals(2, t.cohorts().get(1).cells().size());
            CohortTable one = ws.cohorts().table(CohortPeriod.WEEK, CohortStart.JOINED, 1, CohortFixture.PARIS);
            assertEquals(2, one.cohorts().get(0).cells().size(), "--periods 1: weeks 0 and 1");
        }
    }

    @Test
    void byFirstConsentTheLateSubscriberMovesToTheWeekHeConsented() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            CohortTable t = weeks(ws, CohortStart.CONSENT);
            assertEquals(List.of(2, 2), t.cohorts().stream().map(Cohort::size).toList());
            assertEquals(0, t.outside());
            assertEquals(2, t.cohorts().get(1).cells().get(0).consenting(), "carol and dave");
        }
    }

    @Test
    void monthsAreCalendarMonthsAndWeeksFollowTheZone() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            CohortTable m = ws.cohorts().table(CohortPeriod.MONTH, CohortStart.JOINED, 12, CohortFixture.PARIS);
            assertEquals(1, m.cohorts().size());
            Cohort sept = m.cohorts().get(0);
            assertEquals(LocalDate.of(2026, 9, 1), sept.start());
            assertEquals(4, sept.size());
            assertEquals(1, sept.cells().size());
            CohortCell c = sept.cells().get(0);
            assertEquals(List.of(3L, 1L, 1L, 3L), List.of(c.email(), c.postal(), c.sms(), (long) c.consenting()));
            CohortTable utc = ws.cohorts().table(CohortPeriod.WEEK, CohortStart.JOINED, 12, ZoneOffset.UTC);
            assertEquals(List.of(4), utc.cohorts().stream().map(Cohort::size).toList(),
                    "in UTC carol joined on Sunday, in the first week");
        }
    }

    @Test
    void visitsComeFromImportedLinesCarryingAMembersTokenCountedOnceAcrossTools() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), true)) {
            CohortTable t = weeks(ws, CohortStart.JOINED);
            assertTrue(t.resultsImported());
            assertTrue(t.tokenResults());
            CohortCell week1 = t.cohorts().get(0).cells().get(1);
            assertEquals(3, week1.visitors(), "the larger of Plausible's 3 and GA4's 2, not 5; nobody's token ignored");
            assertEquals(1, week1.conversions());
            assertEquals(0, t.cohorts().get(0).cells().get(0).visitors());
        }
        try (Workspace ws = CohortFixture.write(dir.resolve("none.cristal"), false)) {
            assertFalse(weeks(ws, CohortStart.JOINED).resultsImported());
        }
    }

    @Test
    void csvHoldsCountsOnlyAndLeavesVisitsEmptyWhenNoneWereImported() {
        try (Workspace ws = CohortFixture.write(dir.resolve("w.cristal"), false)) {
            String csv = CohortCsv.of(weeks(ws, CohortStart.JOINED));
            List<String> lines = csv.lines().toList();
            assertEquals(String.join(",", CohortCsv.HEADER), lines.get(0));
            assertEquals(1 + 3 + 2, lines.size());
            assertEquals("week,joined,2026-09-07,3,1,2026-09-14,no,1,1,0,2,2,0.6667,,", lines.get(2));
            assertEquals("week,joined,2026-09-14,1,0,2026-09-14,no,0,0,0,0,1,1.0000,,", lines.get(4));
            assertFalse(csv.contains("@"), "no address in the export");
            assertFalse(csv.contains(ws.audience().tokens().token(1)), "no token in the export");
        }
    }
}
