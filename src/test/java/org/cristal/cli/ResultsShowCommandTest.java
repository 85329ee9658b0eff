package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.results.Counts;
import org.cristal.library.results.ResultsWorkspace;
import org.cristal.library.results.WebRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal results show} on a real workspace holding publications, their counts and analytics lines. */
class ResultsShowCommandTest {
    @TempDir
    Path dir;
    private Locale saved;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        saved = Locale.getDefault();
        file = dir.resolve("w.cristal");
        try (Workspace ws = Workspace.open(file)) {
            String pain = ResultsWorkspace.story(ws, "pain-au-levain", "Le pain au levain");
            Instant at = Instant.parse("2026-11-30T09:00:00Z");
            long masto = ResultsWorkspace.published(ws, pain, "mastodon", "social", "", "", at);
            long letter = ResultsWorkspace.published(ws, pain, "smtp-newsletter", "email", "", "", at);
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 2L), at.plusSeconds(60));
            ws.results().recordCounts(letter, Map.of(Counts.RECIPIENTS, 1204L), at.plusSeconds(60));
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "newsletter", "email", "", 120, 9),
                    new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "mastodon", "social", "", 12, 1)));
        }
    }

    @AfterEach
    void tearDown() {
        Locale.setDefault(saved);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = file.toString();
        return CliRun.of(all);
    }

    @Test
    void theChannelsTableIsAlignedWithRatesAndTheirRangesAndSaysWhenTooFewToTell() {
        Locale.setDefault(Locale.ENGLISH);
        CliRun run = cli("results", "show", "pain-au-levain");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Results of “Le pain au levain” (utm_campaign pain-au-levain)", lines.get(0));
        assertEquals("CHANNEL       PUBLICATIONS  REACH  REACTIONS  VISITORS  CONVERSIONS  CONVERSION RATE (RANGE)",
                lines.get(2));
        assertEquals("newsletter    1             1,204  0          120       9            7.5% (4.0% to 13.6%)",
                lines.get(3));
        assertEquals("mastodon      1             –      9          12        1            8.3% (1.5% to 35.4%), "
                + "too few to tell", lines.get(4));
        assertEquals("all channels  2             1,204  9          132       10           7.6% (4.2% to 13.4%)",
                lines.get(5));
    }

    @Test
    void inFrenchTheNumbersAndWordsAreFrench() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = cli("results", "show", "pain-au-levain");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("trop peu pour conclure"), run.out());
        assertTrue(run.out().matches("(?s).*1\\h204.*"), "1 204 with a French thousands space: " + run.out());
    }

    @Test
    void csvGivesTheSameFiguresForASpreadsheet() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = cli("results", "show", "pain-au-levain", "--csv");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("channel,publications,reach,reactions,visitors,conversions,conversion_rate,rate_low,rate_high,"
                + "too_few_to_tell", lines.get(0));
        assertEquals("newsletter,1,1204,0,120,9,0.0750,0.0400,0.1364,no", lines.get(1));
        assertEquals(4, lines.size());
    }

    @Test
    void anUnknownStoryIsOneLineAndExitTwo() {
        Locale.setDefault(Locale.ENGLISH);
        CliRun run = cli("results", "show", "nope");
        assertEquals(2, run.code());
        assertEquals("Error: No story with the id \"nope\" in this workspace.", run.err().strip());
    }
}
