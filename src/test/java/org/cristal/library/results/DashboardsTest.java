package org.cristal.library.results;

import static org.cristal.library.results.ResultsWorkspace.published;
import static org.cristal.library.results.ResultsWorkspace.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's read model on a real workspace: counts, analytics lines and sent publications. */
class DashboardsTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    @TempDir
    Path dir;

    @Test
    void aStoryShowsEveryChannelSideBySideWithReachReactionsVisitsAndConversions() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String pain = story(ws, "pain-au-levain", "Le pain au levain");
            long masto = published(ws, pain, "mastodon", "social", "@levain@piaille.fr",
                    "https://piaille.fr/@levain/1", MONDAY);
            long letter = published(ws, pain, "smtp-newsletter", "email", "412 abonnés", "", MONDAY.plusSeconds(60));
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 2L), MONDAY.plusSeconds(3600));
            ws.results().recordCounts(letter, Map.of(Counts.RECIPIENTS, 400L, Counts.BOUNCED, 12L),
                    MONDAY.plusSeconds(3600));
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "mastodon", "social", "", 50, 1),
                    new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "newsletter", "email", "", 120, 9),
                    new WebRow(LocalDate.of(2026, 11, 30), "soldes", "newsletter", "email", "", 999, 99)));

            StoryResults r = ws.results().dashboards().story(pain, UTC).orElseThrow();

            assertEquals("Le pain au levain", r.title());
            assertEquals(List.of(new ChannelFigures("newsletter", 1, 400, 0, 120, 9),
                    new ChannelFigures("mastodon", 1, -1, 9, 50, 1)), r.channels(),
                    "the newsletter brought most back; Mastodon reports no reach; another campaign is not counted");
            assertEquals(new ChannelFigures(ChannelFigures.TOTAL, 2, 400, 9, 170, 10), r.total());
            assertEquals(List.of(masto, letter), r.publications().stream().map(PublicationFigures::entry).toList());
            assertEquals("https://piaille.fr/@levain/1", r.publications().get(0).url());
            assertEquals(9, r.publications().get(0).reactions());
        }
    }

    @Test
    void theCurveCountsReactionsGainedEachDayNotTheRunningTotal() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String pain = story(ws, "pain-au-levain", "Le pain au levain");
            long masto = published(ws, pain, "mastodon", "social", "", "", MONDAY);
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 5L), MONDAY.plusSeconds(600));
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 8L), MONDAY.plusSeconds(7200));
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 11L, Counts.REPLIES, 1L),
                    MONDAY.plusSeconds(3 * 86400));
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "mastodon", "social", "", 30, 2)));

            List<DayFigures> days = ws.results().dashboards().story(pain, UTC).orElseThrow().days();

            assertEquals(List.of(new DayFigures(LocalDate.of(2026, 11, 30), 8, 0, 0),
                    new DayFigures(LocalDate.of(2026, 12, 1), 0, 30, 2),
                    new DayFigures(LocalDate.of(2026, 12, 2), 0, 0, 0),
                    new DayFigures(LocalDate.of(2026, 12, 3), 4, 0, 0)), days);
        }
    }

    @Test
    void twoAnalyticsToolsCountingTheSameVisitsAreNotAddedUp() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String pain = story(ws, "pain-au-levain", "Le pain au levain");
            WebRow plausible = new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "bluesky", "social", "", 42, 3);
            WebRow ga4 = new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "bluesky", "social", "", 38, 3);
            ws.results().importWeb("plausible.zip", "plausible", "plausible", List.of(plausible));
            ws.results().importWeb("ga4.csv", "ga4", "ga4", List.of(ga4));

            StoryResults r = ws.results().dashboards().story(pain, UTC).orElseThrow();

            assertEquals(new ChannelFigures("bluesky", 0, -1, 0, 42, 3), r.channels().get(0));
        }
    }

    @Test
    void aChannelRanksOnlyStoriesWithEnoughVisitorsAndByTheLowEndOfTheirRate() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String luck = story(ws, "galette", "La galette");
            String steady = story(ws, "pain-au-levain", "Le pain au levain");
            String weak = story(ws, "croissant", "Le croissant");
            published(ws, luck, "smtp-newsletter", "email", "", "", MONDAY);
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 12, 1), "galette", "newsletter", "email", "", 12, 4),
                    new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "newsletter", "email", "", 400, 40),
                    new WebRow(LocalDate.of(2026, 12, 1), "croissant", "newsletter", "email", "", 300, 12),
                    new WebRow(LocalDate.of(2026, 12, 1), "croissant", "mastodon", "social", "", 900, 90)));

            ChannelResults r = ws.results().dashboards().channel("newsletter");

            assertEquals(List.of(steady, weak, luck), r.stories().stream().map(StoryRank::storyId).toList(),
                    "4 conversions out of 12 visits (33 %) is not a winner over 40 out of 400");
            assertEquals(List.of(1, 2, 0), r.stories().stream().map(StoryRank::place).toList());
            assertTrue(r.stories().get(2).conversionRate().tooFew());
            assertEquals(1, r.stories().get(2).figures().publications());
            assertEquals(List.of("mastodon", "newsletter"), ws.results().dashboards().channels());
        }
    }

    @Test
    void aWeekShowsWhatWentOutAndWhatCameBackDuringIt() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String pain = story(ws, "pain-au-levain", "Le pain au levain");
            Instant lastWeek = MONDAY.minusSeconds(7 * 86400);
            long old = published(ws, pain, "mastodon", "social", "", "", lastWeek);
            published(ws, pain, "bluesky", "social", "", "", MONDAY.plusSeconds(3600));
            published(ws, pain, "smtp-newsletter", "email", "", "", MONDAY.plusSeconds(7200));
            ws.results().recordCounts(old, Map.of(Counts.FAVOURITES, 10L), lastWeek.plusSeconds(3600));
            ws.results().recordCounts(old, Map.of(Counts.FAVOURITES, 13L), MONDAY.plusSeconds(86400));
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 12, 6), "pain-au-levain", "bluesky", "social", "", 25, 1),
                    new WebRow(LocalDate.of(2026, 12, 7), "pain-au-levain", "bluesky", "social", "", 99, 9)));

            List<WeekResults> weeks = ws.results().dashboards().weeks(UTC, LocalDate.of(2026, 12, 6), 2);

            assertEquals(List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 23)),
                    weeks.stream().map(WeekResults::monday).toList());
            WeekResults now = weeks.get(0);
            assertEquals(List.of("bluesky", "newsletter"), now.wentOut().stream().map(WeekResults.WentOut::channel)
                    .toList());
            assertEquals(3, now.reactions(), "the 3 favourites gained this week by last week's post");
            assertEquals(25, now.visitors(), "Monday 7 December is the next week");
            assertEquals(10, weeks.get(1).reactions());
        }
    }

    @Test
    void anUnknownStoryHasNoDashboard() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            assertFalse(ws.results().dashboards().story("nope", UTC).isPresent());
        }
    }
}
