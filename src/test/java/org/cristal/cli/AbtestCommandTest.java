package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cristal abtest plan|evaluate} as a user reads it in a terminal. */
class AbtestCommandTest {
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void planPrintsAlignedFiguresAndWhatASendOf800CanDetect() {
        CliRun run = CliRun.of("abtest", "plan", "--baseline", "0.20", "--mde", "0.05", "--contacts", "800");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Baseline rate         20%\n"), run.out());
        assertTrue(run.out().contains("Rate to detect        25% (+5 points)\n"), run.out());
        assertTrue(run.out().contains("Significance level    5% (two-sided)\n"), run.out());
        assertTrue(run.out().contains("Contacts needed       1,094 per variant (2,188 in all)\n"), run.out());
        assertTrue(run.out().contains("Contacts in the send  800 (400 per variant)\n"), run.out());
        assertTrue(run.out().contains("With 400 contacts per variant you can only detect a difference of 8.5 points"
                + " or more (from 20% to 28.5%, 42% more).\n"), run.out());
        assertTrue(run.out().contains("This test cannot reach its size: it needs 1,094 contacts per variant"),
                run.out());
    }

    @Test
    void aRelativeEffectWrittenInPerCentIsAShareOfTheBaseline() {
        CliRun run = CliRun.of("abtest", "plan", "--baseline", "20%", "--mde", "25%", "--relative", "--power", "0.9");
        assertEquals(0, run.code(), run.err());
        // R: power.prop.test(p1=.2, p2=.25, power=.9)$n = 1463.707
        assertTrue(run.out().contains("1,464 per variant (2,928 in all)"), run.out());
        assertFalse(run.out().contains("cannot reach"), run.out());
    }

    @Test
    void planSpeaksFrenchWithFrenchFigures() {
        Locale.setDefault(Locale.FRENCH);
        CliRun run = CliRun.of("abtest", "plan", "--baseline", "0,2", "--mde", "0.05", "--contacts", "800");
        assertEquals(0, run.code(), run.err());
        // Thousands are grouped the French way (a narrow no-break space), whatever the JDK's exact character.
        assertTrue(run.out().matches("(?s).*\nContacts nécessaires    1\\h094 par variante \\(2\\h188 en tout\\)\n.*"),
                run.out());
        assertTrue(run.out().contains("vous ne pouvez détecter qu’un écart de 8,5 points ou plus"), run.out());
        assertTrue(run.out().contains("Ce test ne peut pas atteindre sa taille"), run.out());
    }

    @Test
    void evaluatePrintsRangesTheChanceAndAVerdictThatWaitsForThePlannedSize() {
        CliRun run = CliRun.of("abtest", "evaluate", "--a", "30/400", "--b", "52/400", "--planned", "1094");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Variant A           30 of 400: 7.5%, likely between 5.3% and 10.5%\n"),
                run.out());
        assertTrue(run.out().contains("Difference (B − A)  +5.5 points (95% confidence range: +1.3 to +9.8)\n"),
                run.out());
        assertTrue(run.out().contains("p-value             0.010\n"), run.out());
        assertTrue(run.out().contains("Chance B is better  99.5%\n"), run.out());
        assertTrue(run.out().contains("Planned size        1,094 per variant, not reached yet\n"), run.out());
        assertTrue(run.out().contains("Too early to call"), run.out());
        assertTrue(run.out().contains("stopping at the first “significant” gap"), run.out());
        assertFalse(run.out().contains("B did better"), run.out());
    }

    @Test
    void evaluateWithoutAPlanNamesASignificantWinnerAndSaysWhatToCheck() {
        CliRun run = CliRun.of("abtest", "evaluate", "--a", "30/400", "--b", "52/400");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("B did better: 5.5 points more than A"), run.out());
        assertTrue(run.out().contains("No planned size was given"), run.out());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "plan|--baseline|1.4|--baseline 1.4 is not between 0 and 1: write a fraction such as 0.20, or a percentage such as 20%.",
        "plan|--alpha|5|--alpha 5 is not between 0 and 1: write a fraction such as 0.20, or a percentage such as 20%.",
        "plan|--baseline|abc|“abc” is not a number for --baseline: write it like 0.20 or 20%.",
        "plan|--baseline|140%|The baseline rate must be above 0% and below 100%; 140% is not.",
        "plan|--contacts|-3|“-3” is not a number of contacts for --contacts: write a whole number such as 800.",
        "plan|--power|1|The power must be at least 50% and below 100% (80% is usual); 100% is not.",
        "evaluate|--a|12/0|A variant sent to no one cannot be judged (12 conversions out of 0 contacts).",
        "evaluate|--a|-3/100|Counts cannot be negative: -3 conversions out of 100 contacts.",
        "evaluate|--a|abc|“abc” is not a result for --a: write conversions/contacts, such as 30/400.",
        "evaluate|--a|120/100|There cannot be more conversions than contacts: 120 out of 100."})
    void badInputIsOneClearLineAndExitCode2(String command, String option, String value, String message) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("abtest", command));
        if (command.equals("plan")) {
            args.addAll(java.util.List.of("--baseline", "0.2", "--mde", "0.05"));
        } else {
            args.addAll(java.util.List.of("--a", "10/100", "--b", "20/100"));
        }
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(java.util.List.of(option, value));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals("Error: " + message + "\n", run.err().replace("\r\n", "\n"));
        assertEquals("", run.out());
    }

    @Test
    void abtestAloneSaysWhatItCanDo() {
        CliRun run = CliRun.of("abtest");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("plan (the size of a test) or evaluate (its outcome)"), run.err());
    }
}
