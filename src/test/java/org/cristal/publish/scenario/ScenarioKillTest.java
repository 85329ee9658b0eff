package org.cristal.publish.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Step;
import org.cristal.library.scenario.StepCounts;
import org.cristal.publish.mastodon.LoopbackMastodon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test: a three-step scenario (an e-mail, a Mastodon post, an e-mail for those who received the
 * first) against a real SMTP server and a loopback Mastodon, run by child JVMs on a clock the test sets, each
 * round first killed with {@code kill -9} somewhere in the middle of its work, with a pause in the middle:
 * every contact gets every step exactly once, in order, at 9:00 their own time; nobody without consent or
 * over the frequency cap gets anything; the post goes once.
 */
class ScenarioKillTest {
    @TempDir
    Path dir;

    @Test
    void everyContactGetsEveryStepOnceInOrderAtTheirLocalTimeThroughKillsAndAPause() throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (LoopbackMastodon masto = new LoopbackMastodon()) {
            Path file = dir.resolve("kill.cristal");
            int smtp = mail.getSmtp().getPort();
            try (ScenarioFixture f = new ScenarioFixture(file, smtp, masto.url())) {
                f.contact("marie@example.com", "Marie", true, ScenarioFixture.PARIS);
                f.contact("luc@example.com", "Luc", true, ScenarioFixture.MONTREAL);
                f.contact("anne@example.com", "Anne", false, ScenarioFixture.PARIS);
                long paul = f.contact("paul@example.com", "Paul", true, ScenarioFixture.PARIS);
                f.ws.audience().setFrequencyCap(new FrequencyCap(2, 7));
                f.clock.set(Instant.parse("2026-11-30T20:00:00Z"));
                for (int i = 0; i < 2; i++) {
                    f.ws.audience().deliveries().record(paul, 0, "other", ContactChannel.EMAIL, Purpose.MARKETING,
                            Delivery.Outcome.SENT, "");
                }
                f.ws.scenarios().create("Bienvenue", "", Reentry.NEVER, 0, ScenarioFixture.PARIS, List.of(
                        new Step("s1", "boulangerie-levain", "", "news", Step.Timing.AFTER_ENTRY, Duration.ZERO, null,
                                LocalTime.of(9, 0), List.of()),
                        new Step("s2", "boulangerie-levain", "", "masto", Step.Timing.AFTER_PREVIOUS,
                                Duration.ofDays(1), null, null, List.of()),
                        new Step("s3", "nimbus-tax-season", "", "news", Step.Timing.AFTER_PREVIOUS, Duration.ofDays(1),
                                null, LocalTime.of(9, 0), List.of(new Condition(Condition.Kind.RECEIVED, "s1", false)))),
                        List.of());
            }
            Random random = new Random(15);
            child(file, smtp, masto, "2026-12-01T07:00:00Z", "start", null);
            for (String at : List.of("2026-12-01T08:00:00Z", "2026-12-01T14:00:00Z", "2026-12-02T08:00:00Z")) {
                killed(file, smtp, masto, at, random);
            }
            child(file, smtp, masto, "2026-12-02T12:00:00Z", "pause", null);
            child(file, smtp, masto, "2026-12-02T14:00:00Z", "due", null);
            child(file, smtp, masto, "2026-12-02T15:00:00Z", "resume", null);
            for (String at : List.of("2026-12-03T08:00:00Z", "2026-12-03T14:00:00Z")) {
                killed(file, smtp, masto, at, random);
            }
            child(file, smtp, masto, "2026-12-05T08:00:00Z", "due", null);

            for (String who : List.of("marie@example.com", "luc@example.com")) {
                ZoneId zone = who.startsWith("marie") ? ScenarioFixture.PARIS : ScenarioFixture.MONTREAL;
                List<MimeMessage> got = to(mail, who);
                assertEquals(2, got.size(), who + " gets each e-mail step exactly once");
                List<ZonedDateTime> when = new ArrayList<>();
                for (MimeMessage m : got) {
                    when.add(m.getSentDate().toInstant().atZone(zone));
                }
                assertEquals(List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)),
                        when.stream().map(ZonedDateTime::toLocalDate).toList(), who + ": in order, on their days");
                assertTrue(when.stream().allMatch(t -> t.getHour() == 9), who + ": at 9 their time: " + when);
                assertTrue(got.get(0).getSubject().toLowerCase().contains("levain")
                        || !got.get(0).getSubject().equals(got.get(1).getSubject()), "s1, then s3");
            }
            assertEquals(0, to(mail, "anne@example.com").size(), "no consent: nothing");
            assertEquals(0, to(mail, "paul@example.com").size(), "over the cap: nothing (held)");
            assertEquals(1, masto.statuses().size(), "the post went once for the whole scenario");
            try (ScenarioFixture f = new ScenarioFixture(file, smtp, masto.url())) {
                StepCounts s1 = f.runner.status("Bienvenue").get(0);
                assertEquals(List.of(2, 1, 1), List.of(s1.sent(), s1.skipped(), s1.held()),
                        "Marie and Luc sent, Anne skipped, Paul held");
            }
        } finally {
            mail.stop();
        }
    }

    private static List<MimeMessage> to(GreenMail mail, String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().toLowerCase(java.util.Locale.ROOT).contains(address)) {
                out.add(m);
            }
        }
        out.sort(java.util.Comparator.comparing(m -> {
            try {
                return m.getSentDate();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }));
        return out;
    }

    /** A round killed with kill -9 somewhere in its work, then finished three minutes later (the lease passed). */
    private void killed(Path file, int smtp, LoopbackMastodon masto, String at, Random random) throws Exception {
        child(file, smtp, masto, at, "due", 50 + random.nextInt(600));
        child(file, smtp, masto, Instant.parse(at).plus(Duration.ofMinutes(3)).toString(), "due", null);
    }

    private void child(Path file, int smtp, LoopbackMastodon masto, String at, String action, Integer killAfterMs)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ScenarioChild.class.getName(), file.toString(), Integer.toString(smtp), masto.url(), at, action));
        if (killAfterMs != null) {
            cmd.add("loop");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder all = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    all.append(line).append('\n');
                    if (line.equals("working") && killAfterMs != null) {
                        Thread.sleep(killAfterMs);
                        p.destroyForcibly();
                        p.waitFor();
                        return;
                    }
                }
                assertEquals(0, p.waitFor(), all.toString());
                assertTrue(all.toString().contains("done"), all.toString());
            });
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
