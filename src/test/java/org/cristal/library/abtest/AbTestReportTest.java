package org.cristal.library.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.junit.jupiter.api.Test;

class AbTestReportTest {
    private static AbTests.Test test(String outcome, int plannedPerArm, List<String> arms) {
        return new AbTests.Test(1, "pain", "subject", arms, outcome, 42,
                new AbTests.Plan(0.2, 0.05, false, 0.05, 0.8, plannedPerArm), 7, "key", Instant.EPOCH);
    }

    @Test
    void eachVariantIsJudgedAgainstAOnWhatTheTestWasSentToCount() {
        AbTestReport r = AbTestReport.of(test(AbTests.CONVERSIONS, 400, List.of("a", "b")), List.of(
                new AbTests.ArmOutcome("a", 400, 130, 30, 2), new AbTests.ArmOutcome("b", 400, 150, 52, 1)), Map.of());
        Evaluation e = r.comparisons().get(0).evaluation().orElseThrow();
        assertEquals(new Arm(30, 400), e.a());
        assertEquals(new Arm(52, 400), e.b());
        // The same figures through the evaluation the planner's dialog and `cristal abtest evaluate` use.
        assertEquals(Evaluation.of(new Arm(30, 400), new Arm(52, 400), 0.05, 400).pValue(), e.pValue(), 0);
        assertEquals(Verdict.B_BETTER, e.verdict());
    }

    @Test
    void noWinnerIsNamedBeforeThePlannedSizeEvenOnAClearDifference() {
        AbTestReport r = AbTestReport.of(test(AbTests.CLICKS, 1094, List.of("a", "b")), List.of(
                new AbTests.ArmOutcome("a", 400, 30, 0, 0), new AbTests.ArmOutcome("b", 400, 52, 0, 0)), Map.of());
        assertEquals(Verdict.TOO_EARLY, r.comparisons().get(0).evaluation().orElseThrow().verdict());
    }

    @Test
    void eachArmShowsTheWordsItWasSentWith() throws Exception {
        Story sent = StoryParser.parse("pain", """
                ---
                title: Notre pain au levain
                channels:
                  email:
                    subject: "Le pain de la semaine"
                variants:
                  subject:
                    b: "Le pain qui change tout"
                ---
                Un pain qui se garde une semaine.
                """);
        assertEquals(Map.of("a", "Le pain de la semaine", "b", "Le pain qui change tout"),
                AbTestReport.texts(test(AbTests.CLICKS, 0, List.of("a", "b")), sent));
    }

    @Test
    void moreVisitsThanRecipientsIsSaidRatherThanJudgedAsARateAboveOneHundredPercent() {
        AbTestReport r = AbTestReport.of(test(AbTests.CLICKS, 0, List.of("a", "b", "c")), List.of(
                new AbTests.ArmOutcome("a", 10, 4, 0, 0), new AbTests.ArmOutcome("b", 10, 14, 0, 0),
                new AbTests.ArmOutcome("c", 0, 0, 0, 0)), Map.of());
        assertEquals(2, r.comparisons().size());
        String b = r.comparisons().get(0).problem().orElseThrow().localizedMessage(Locale.ENGLISH);
        assertTrue(b.startsWith("Variant B has more visits (14) than recipients (10)"), b);
        String c = r.comparisons().get(1).problem().orElseThrow().localizedMessage(Locale.FRENCH);
        assertEquals("La variante C n\u2019a encore atteint personne\u00a0: rien \u00e0 juger.", c);
    }
}
