package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.cristal.library.Workspace;
import org.cristal.library.cohort.CohortCsv;
import org.cristal.library.cohort.CohortFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal cohorts show} on a real workspace written at known dates (see {@link CohortFixture}). */
class CohortsCommandTest {
    @TempDir
    Path dir;
    private Locale saved;
    private TimeZone savedZone;
    private Path file;

    @BeforeEach
    void setUp() {
        saved = Locale.getDefault();
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
        file = dir.resolve("w.cristal");
        try (Workspace ws = CohortFixture.write(file, false)) {
            ws.formatVersion();
        }
    }

    @AfterEach
    void tearDown() {
        Locale.setDefault(saved);
        TimeZone.setDefault(savedZone);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = file.toString();
        return CliRun.of(all);
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void weeksShowWhoStillConsentsAsACountBesideItsShare() {
        Locale.setDefault(Locale.ENGLISH);
        CliRun run = cli("cohorts", "show");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Cohorts by week of joining: 4 contacts (weeks from Monday, Europe/Paris)"),
                run.out());
        assertTrue(line(run.out(), "COHORT").matches("COHORT +SIZE +W0 +W1 +W2 .*"), run.out());
        assertTrue(line(run.out(), "2026-09-07").matches("2026-09-07 +3 +2/3 · 67% +2/3 · 67% +2/3 · 67% .*"),
                run.out());
        assertTrue(line(run.out(), "2026-09-14").matches("2026-09-14 +1 +1/1 · 100% +1/1 · 100% .*"), run.out());
        assertTrue(run.out().contains("No analytics imported"), run.out());
    }

    @Test
    void monthsInFrenchWithMessagesPerChannel() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = cli("cohorts", "show", "--by", "month", "--measure", "messages", "--periods", "1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Cohortes par mois d’inscription\u00a0: 4 contacts"), run.out());
        assertTrue(line(run.out(), "COHORTE").matches("COHORTE +TAILLE +M0 +M1"), run.out());
        // September: alice's two e-mails and carol's one, bob's letter, alice's text message
        assertTrue(line(run.out(), "2026-09-01").matches("2026-09-01 +4 +5 \\(3/1/1\\) +0 \\(0/0/0\\)\\*?"), run.out());
    }

    @Test
    void csvHasTheExportColumnsAndNothingPersonal() {
        CliRun run = cli("cohorts", "show", "--csv", "--from", "consent");
        assertEquals(0, run.code(), run.err());
        assertEquals(String.join(",", CohortCsv.HEADER), run.out().lines().findFirst().orElseThrow());
        assertTrue(run.out().contains("week,consent,2026-09-14,2,0,2026-09-14,no,0,0,0,0,2,1.0000,,"), run.out());
        assertFalse(run.out().contains("@"));
    }

    @Test
    void aGroupingThatDoesNotExistGetsOneClearLineInTheUsersLanguage() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = cli("cohorts", "show", "--by", "year");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Regroupement «\u00a0year\u00a0» inconnu"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        Locale.setDefault(Locale.ENGLISH);
        CliRun periods = cli("cohorts", "show", "--periods", "-3");
        assertEquals(2, periods.code());
        assertTrue(periods.err().contains("--periods must be between 0 and 120 (not -3)"), periods.err());
    }
}
