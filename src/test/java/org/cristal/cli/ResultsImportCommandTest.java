package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal results import} on a real workspace file and the analytics tools' export formats. */
class ResultsImportCommandTest {
    private static Locale saved;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(saved);
    }

    private String ws() throws Exception {
        Path file = dir.resolve("levain.cristal");
        if (!Files.exists(file)) {
            try (Workspace w = Workspace.open(file)) {
                w.stories().save("pain", "---\ntitle: Le pain au levain\nslug: pain-au-levain\n---\nDu pain.\n");
            }
        }
        return file.toString();
    }

    private Path fixture(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/results/" + name)) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }

    @Test
    void printsWhatWasReadWhatMatchedAndTheCampaignsThatMatchedNoStory() throws Exception {
        CliRun r = CliRun.of("results", "import", fixture("ga4-traffic-acquisition-en.csv").toString(), "-w", ws());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Read ga4-traffic-acquisition-en.csv as ga4: 3 lines with a campaign; 2 lines "
                + "without one"), r.out());
        assertTrue(r.out().contains("Kept 3 figures (one per day and set of tags); 2 of them belong to a story."),
                r.out());
        assertTrue(r.out().contains("  soldes-hiver: 1 figure, 9 visits"), r.out());
    }

    @Test
    void aLongListOfUnmatchedCampaignsShowsTheTenBiggestAndCountsTheRest() throws Exception {
        StringBuilder csv = new StringBuilder("date;campagne;source;support;visiteurs\n");
        for (int i = 1; i <= 12; i++) {
            csv.append("01/12/2026;promo-").append(i).append(";x;social;").append(i * 10).append('\n');
        }
        Path file = dir.resolve("campagnes.csv");
        Files.writeString(file, csv);
        CliRun r = CliRun.of("results", "import", file.toString(), "--format", "csv", "-w", ws());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  promo-12: 1 figure, 120 visits"), r.out());
        assertTrue(r.out().contains("  promo-3: 1 figure, 30 visits"), r.out());
        assertFalse(r.out().contains("promo-2:"), r.out());
        assertTrue(r.out().contains("  … and 2 more"), r.out());
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("visites.csv");
        Files.writeString(bad, "date,campaign,visitors\n2026-12-01,pain-au-levain,-3\n");
        CliRun r = CliRun.of("results", "import", bad.toString(), "-w", ws());
        assertEquals(2, r.code());
        assertEquals("Error: visites.csv, line 2: “-3” is a negative count, which no analytics tool writes. Nothing "
                + "was imported.", r.err().strip());
        CliRun format = CliRun.of("results", "import", bad.toString(), "--format", "excel", "-w", ws());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("Unknown format “excel”"), format.err());
        CliRun missing = CliRun.of("results", "import", dir.resolve("absent.csv").toString(), "-w", ws());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
