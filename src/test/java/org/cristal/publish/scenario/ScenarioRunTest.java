package org.cristal.publish.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.RunStep;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioRuns;
import org.cristal.library.scenario.StepCounts;
import org.cristal.library.scenario.Step;
import org.cristal.publish.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running scenario against a real SMTP server, on a clock the test moves: days pass in milliseconds. */
class ScenarioRunTest {
    @TempDir
    Path dir;
    GreenMail mail;
    ScenarioFixture f;

    @BeforeEach
    void open() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        f = new ScenarioFixture(dir.resolve("run.cristal"), mail.getSmtp().getPort(), "http://127.0.0.1:9");
    }

    @AfterEach
    void close() {
        f.close();
        mail.stop();
    }

    private static Step email(String id, String story, Step.Timing timing, Duration delay, Condition... conditions) {
        return new Step(id, story, "", "news", timing, delay, null, LocalTime.of(9, 0), List.of(conditions));
    }

    /** The clock at {@code at}, then a round of due sends, as the studio's scheduler does. */
    private void at(String at) {
        f.clock.set(Instant.parse(at));
        f.publisher.sendDue(Progress.NONE, () -> false);
    }

    private List<MimeMessage> to(String address) {
        return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private StepCounts counts(String scenario, String step) {
        return f.runner.status(scenario).stream().filter(c -> c.stepId().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void eachContactGetsEachStepOnceAtNineTheirTimeAndAPauseHoldsWhatFallsDue() throws Exception {
        long marie = f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        f.contact("luc@example.com", "Luc", true, ScenarioFixture.MONTREAL);
        f.contact("anne@example.com", "Anne", false, null);
        f.ws.scenarios().create("Bienvenue", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO),
                email("s2", "nimbus-tax-season", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(2),
                        new Condition(Condition.Kind.RECEIVED, "s1", false))), List.of());

        f.runner.start("Bienvenue");
        at("2026-12-01T08:00:00Z"); // 09:00 in Paris
        assertEquals(1, to("marie@").size());
        assertEquals(0, to("luc@").size(), "03:00 in Montreal: not yet");
        String body = GreenMailUtil.getWholeMessage(to("marie@").get(0)).replace("=\r\n", "").replace("=3D", "=");
        assertTrue(body.contains("utm_content=" + f.ws.audience().tokens().token(marie)),
                "her links carry her own token");
        at("2026-12-01T13:59:00Z");
        assertEquals(0, to("luc@").size());
        at("2026-12-01T14:00:00Z"); // 09:00 in Montreal
        assertEquals(1, to("luc@").size());

        f.runner.pause("Bienvenue");
        at("2026-12-03T08:00:00Z");
        at("2026-12-03T14:00:00Z");
        assertEquals(1, to("marie@").size(), "paused: held, not sent");
        assertEquals(3, counts("Bienvenue", "s2").held(), "held, never dropped (Anne too, until she is decided)");

        f.runner.resume("Bienvenue");
        at("2026-12-03T15:00:00Z");
        at("2026-12-03T15:01:00Z");
        assertEquals(2, to("marie@").size());
        assertEquals(2, to("luc@").size());
        assertEquals(0, to("anne@").size(), "no consent, nothing");
        at("2026-12-20T08:00:00Z");
        assertEquals(4, mail.getReceivedMessages().length, "never twice");
        StepCounts s1 = counts("Bienvenue", "s1");
        assertEquals(List.of(2, 1, 0), List.of(s1.sent(), s1.skipped(), s1.held()));
        StepCounts s2 = counts("Bienvenue", "s2");
        assertEquals(List.of(2, 1), List.of(s2.sent(), s2.skipped()));
        List<RunStep> at = f.runner.contactsAt("Bienvenue", "s2");
        assertEquals(3, at.size());
        assertEquals("skipped: the step’s condition does not hold", at.stream()
                .filter(r -> r.contact().equals("Anne")).findFirst().orElseThrow().reason().isEmpty() ? ""
                : Reasons.say("condition", java.util.Locale.ENGLISH));
        Scenario s = f.ws.scenarios().find("Bienvenue").orElseThrow();
        assertTrue(f.ws.scenarios().runs().latest(s.id()).values().stream()
                .allMatch(r -> r.state().equals(ScenarioRuns.COMPLETED)), "every run went to its end");
    }

    @Test
    void overTheCapAStepIsHeldAndGoesOnceTheWindowAllowsNeverDropped() throws Exception {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        f.ws.audience().setFrequencyCap(new FrequencyCap(1, 7));
        f.ws.scenarios().create("Deux", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO),
                email("s2", "nimbus-tax-season", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(1))), List.of());
        f.runner.start("Deux");
        at("2026-12-01T08:00:00Z");
        at("2026-12-02T08:00:00Z");
        at("2026-12-05T08:00:00Z");
        assertEquals(1, to("marie@").size());
        assertEquals(1, counts("Deux", "s2").held());
        at("2026-12-08T08:00:01Z");
        assertEquals(2, to("marie@").size(), "the cap's week passed: it goes");
        at("2026-12-09T08:00:00Z");
        assertEquals(2, to("marie@").size());
    }

    @Test
    void reentryNeverKeepsThemOutAfterCompletionLetsThemBackAfterTheWait() {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        List<Step> one = List.of(email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO));
        f.ws.scenarios().create("Once", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, one, List.of());
        f.ws.scenarios().create("Again", "", Reentry.AFTER_COMPLETION, 10, ScenarioFixture.PARIS, one, List.of());
        f.runner.start("Once");
        f.runner.start("Again");
        at("2026-12-01T08:00:00Z");
        at("2026-12-01T08:01:00Z");
        assertEquals(2, to("marie@").size());
        at("2026-12-05T08:00:00Z");
        assertEquals(2, to("marie@").size(), "ten days' wait before she may enter again");
        at("2026-12-11T08:02:00Z"); // enters again, after 9:00 Paris: her step goes at 9:00 the next day
        assertEquals(2, to("marie@").size());
        at("2026-12-12T08:00:00Z");
        assertEquals(3, to("marie@").size(), "back in 'Again', never in 'Once'");
        Scenario again = f.ws.scenarios().find("Again").orElseThrow();
        assertEquals(0, f.ws.scenarios().runs().active(again.id()).size(), "her second run went to its end too");
        assertEquals(ScenarioRuns.COMPLETED, f.ws.scenarios().runs().latest(again.id()).values().iterator().next()
                .state());
    }

    @Test
    void aContactWhoBecomesACustomerLeavesBeforeTheNextStep() {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        f.ws.audience().segments().save("clients", "tag = clients");
        f.ws.scenarios().create("Prospects", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO),
                email("s2", "nimbus-tax-season", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(1))),
                List.of(new ExitRule(ExitRule.Kind.IN_SEGMENT, "clients")));
        f.runner.start("Prospects");
        at("2026-12-01T08:00:00Z");
        f.ws.audience().contacts().save(ContactDraft.of("marie@example.com").withTags(List.of("clients")));
        at("2026-12-02T08:00:00Z");
        at("2026-12-03T08:00:00Z");
        assertEquals(1, to("marie@").size());
        Scenario s = f.ws.scenarios().find("Prospects").orElseThrow();
        ScenarioRuns.Run run = f.ws.scenarios().runs().latest(s.id()).values().iterator().next();
        assertEquals(List.of(ScenarioRuns.EXITED, "exit-in-segment"), List.of(run.state(), run.reason()));
    }

    @Test
    void runsMovedToANewVersionGetItsNewStepsAndNeverAStepTheyHadAgain() {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        Step s1 = email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO);
        Step s3 = email("s3", "nimbus-tax-season", Step.Timing.AFTER_ENTRY, Duration.ofDays(3));
        Scenario s = f.ws.scenarios().create("Versions", "", Reentry.NEVER, 0, ScenarioFixture.PARIS,
                List.of(s1, s3), List.of());
        f.runner.start("Versions");
        at("2026-12-01T08:00:00Z");
        Step s2 = new Step("s2", "boulangerie-levain", "", "news", Step.Timing.AFTER_ENTRY, Duration.ofDays(1), null,
                LocalTime.of(9, 0), List.of());
        assertEquals(2, f.ws.scenarios().edit(s.id(), List.of(s1, s2, s3), List.of()).version());
        at("2026-12-02T08:00:00Z");
        assertEquals(1, to("marie@").size(), "her run keeps version 1 until moved");
        assertEquals(1, f.runner.move("Versions", 1));
        at("2026-12-02T08:01:00Z");
        at("2026-12-04T08:00:00Z");
        at("2026-12-04T08:01:00Z");
        assertEquals(3, to("marie@").size(), "s1 once, then the new s2 (late, at once), then s3");
        assertEquals(Map.of("s1", 1, "s2", 1, "s3", 1), Map.of("s1", counts("Versions", "s1").sent(),
                "s2", counts("Versions", "s2").sent(), "s3", counts("Versions", "s3").sent()));
    }

    @Test
    void aVariantStepSendsThatArmsSubject() throws Exception {
        f.ws.stories().save("pain", """
                ---
                title: Pain au levain
                slug: pain-au-levain
                lang: fr
                channels:
                  email:
                    subject: "Notre pain au levain"
                variants:
                  subject:
                    b: "Le pain qui change tout"
                ---
                Un pain qui se garde une semaine. Voyez [notre carte](https://fournil.example/carte).
                """);
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        f.ws.scenarios().create("Variante", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                new Step("s1", "pain", "b", "news", Step.Timing.AFTER_ENTRY, Duration.ZERO, null, null, List.of())),
                List.of());
        f.runner.start("Variante");
        at("2026-12-01T08:00:00Z");
        assertEquals(1, to("marie@").size());
        assertEquals("Le pain qui change tout", to("marie@").get(0).getSubject());
    }

    @Test
    void aRoundCutShortAfterAddingTheEntryFindsItByItsKeyAndSendsOnce() {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        Scenario s = f.ws.scenarios().create("Crash", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO)), List.of());
        f.clock.set(Instant.parse("2026-12-01T07:00:00Z"));
        f.runner.start("Crash");
        ScenarioRuns.Run run = f.ws.scenarios().runs().active(s.id()).get(0);
        // What a round killed between adding the entry and marking the step leaves behind.
        String key = Ticker.key(s.id(), run.id(), "s1", 0);
        f.ws.outbox().add(new org.cristal.library.OutboxEntry.New(key, "boulangerie-levain",
                f.ws.stories().get("boulangerie-levain").orElseThrow().revision(), "news", "smtp-newsletter", "email",
                "scenario-run:" + run.id() + ":s1", Instant.parse("2026-12-01T08:00:00Z"), ScenarioFixture.PARIS));
        at("2026-12-01T08:00:00Z");
        at("2026-12-01T08:05:00Z");
        assertEquals(1, to("marie@").size());
        assertEquals(1, f.ws.outbox().forStory("boulangerie-levain").size(), "no second entry");
        assertEquals(1, counts("Crash", "s1").sent());
    }

    @Test
    void stoppingWithdrawsWhatHasNotBegunAndEndsEveryRun() {
        f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        Scenario s = f.ws.scenarios().create("Stop", "", Reentry.ALWAYS, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO)), List.of());
        f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        f.runner.start("Stop");
        assertEquals(1, counts("Stop", "s1").queued(), "queued, not yet sent");
        f.runner.stop("Stop");
        at("2026-12-01T08:01:00Z");
        at("2026-12-05T08:01:00Z");
        assertEquals(0, to("marie@").size());
        assertEquals(1, counts("Stop", "s1").skipped());
        assertEquals(ScenarioRuns.EXITED, f.ws.scenarios().runs().latest(s.id()).values().iterator().next().state());
        assertEquals("The scenario “Stop” was stopped for good; make a copy to run it again.",
                org.junit.jupiter.api.Assertions.assertThrows(org.cristal.publish.PublisherException.class,
                        () -> f.runner.start("Stop")).text().get(java.util.Locale.ENGLISH));
    }

    @Test
    void importedVisitsByTheContactsTokenDriveClickedConditionsAndConvertedExits() {
        long marie = f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
        long luc = f.contact("luc@example.com", "Luc", true, ScenarioFixture.PARIS);
        long paul = f.contact("paul@example.com", "Paul", true, ScenarioFixture.PARIS);
        f.ws.scenarios().create("Relance", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                email("s1", "boulangerie-levain", Step.Timing.AFTER_ENTRY, Duration.ZERO),
                email("s2", "nimbus-tax-season", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(2),
                        new Condition(Condition.Kind.CLICKED, "s1", true))),
                List.of(new ExitRule(ExitRule.Kind.CONVERTED, "")));
        f.runner.start("Relance");
        at("2026-12-01T08:00:00Z");
        assertEquals(3, mail.getReceivedMessages().length);
        var tokens = f.ws.audience().tokens();
        // Marie visited from her e-mail; Paul bought: the analytics file says so by their tokens.
        f.ws.results().importWeb("visits.csv", "csv", "csv", List.of(
                new org.cristal.library.results.WebRow(java.time.LocalDate.of(2026, 12, 1), "boulangerie-levain",
                        "newsletter", "email", tokens.token(marie), 1, 0),
                new org.cristal.library.results.WebRow(java.time.LocalDate.of(2026, 12, 1), "boulangerie-levain",
                        "newsletter", "email", tokens.token(paul), 1, 1)));
        at("2026-12-03T08:00:00Z");
        at("2026-12-03T08:01:00Z");
        assertEquals(1, to("marie@").size(), "she clicked: the reminder for those who did not is skipped");
        assertEquals(2, to("luc@").size(), "he did not click: he gets the reminder");
        assertEquals(1, to("paul@").size(), "he converted: out before the reminder");
        Scenario s = f.ws.scenarios().find("Relance").orElseThrow();
        assertEquals("exit-converted", f.ws.scenarios().runs().latest(s.id()).get(paul).reason());
        assertEquals(luc, f.ws.scenarios().runs().latest(s.id()).get(luc).contact());
    }
}
