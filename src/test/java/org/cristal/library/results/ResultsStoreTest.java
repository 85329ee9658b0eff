package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    @TempDir
    Path dir;

    @Test
    void aFetchThatFindsTheSameCountsAddsNoPointToTheCurve() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            long entry = published(ws);
            Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
            ws.results().recordCounts(entry, Map.of(Counts.FAVOURITES, 3L, Counts.BOOSTS, 1L), t0);
            ws.results().recordCounts(entry, Map.of(Counts.FAVOURITES, 3L, Counts.BOOSTS, 1L), t0.plusSeconds(600));
            ws.results().recordCounts(entry, Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 1L), t0.plusSeconds(1200));
            assertEquals(Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 1L), ws.results().latestCounts(entry));
            assertEquals(2, ws.results().countHistory(entry).get(Counts.FAVOURITES).size());
            assertEquals(1, ws.results().countHistory(entry).get(Counts.BOOSTS).size());
            assertEquals(8, Counts.reactions(ws.results().latestCounts(entry)));
        }
    }

    @Test
    void importingTheSameReportTwiceCountsEachVisitOnce() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.stories().save("pain", "---\ntitle: Le pain au levain\n---\nDu bon pain.\n");
            String slug = org.cristal.story.StoryParser.parse("pain", "---\ntitle: Le pain au levain\n---\nx\n")
                    .webSlug();
            List<WebRow> rows = List.of(
                    new WebRow(LocalDate.of(2026, 12, 1), slug, "Mastodon", "social", "", 40, 2),
                    new WebRow(LocalDate.of(2026, 12, 1), "soldes-ete", "newsletter", "email", "", 9, 0));
            ImportSummary first = ws.results().importWeb("report.csv", "csv", "plain", rows);
            ImportSummary again = ws.results().importWeb("report.csv", "csv", "plain", rows);
            assertEquals(1, first.matched());
            assertEquals(List.of(new ImportSummary.Unmatched("soldes-ete", 1, 9)), again.unmatchedCampaigns());
            assertEquals(new WebTotals(40, 2), ws.results().webTotals(slug));
            ws.results().importWeb("ga4.csv", "ga4", "ga4", rows);
            assertEquals(new WebTotals(80, 4), ws.results().webTotals(slug), "another tool's figures are its own");
        }
    }

    private static long published(Workspace ws) {
        OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k1", "pain", 1, "masto", "mastodon", "social", "",
                Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        assertTrue(ws.outbox().claim(e.id()));
        assertTrue(ws.outbox().sent(e.id(), "1099", "https://piaille.fr/@levain/1099",
                Instant.parse("2026-12-01T09:00:01Z"), 1));
        return e.id();
    }
}
