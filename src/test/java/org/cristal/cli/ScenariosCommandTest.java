package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.Step;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal scenarios …} end to end on a real workspace: save from YAML, show, simulate, bad input. */
class ScenariosCommandTest {
    private static final Path YAML = Path.of("src/test/resources/scenarios/bienvenue.yaml");
    private Locale saved;

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws Exception {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try (Workspace w = Workspace.open(file())) {
            new Importer(w, Locale.ENGLISH).importFolder(Corpus.root());
            w.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                    Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
            long marie = w.audience().contacts().save(ContactDraft.of("marie@example.com").withName("Marie", "")
                    .withFields(Map.of("time_zone", "America/Montreal"))).contact().id();
            w.audience().consents().record(marie, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "shop", "Oui"));
            w.audience().contacts().save(ContactDraft.of("anne@example.com").withName("Anne", ""));
        }
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private Path file() {
        return dir.resolve("shop.cristal");
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = file().toString();
        return CliRun.of(all);
    }

    @Test
    void aYamlFileMakesADraftThatListsShowsAndSimulatesInEachContactsTime() {
        CliRun save = cli("scenarios", "save", YAML.toString());
        assertEquals(0, save.code(), save.err());
        assertEquals("Scenario “Bienvenue” created as a draft with 2 steps. Simulate it, then start it.",
                save.out().strip());
        try (Workspace w = Workspace.open(file())) {
            Scenario s = w.scenarios().find("Bienvenue").orElseThrow();
            Step s2 = w.scenarios().current(s.id()).steps().get(1);
            assertEquals(java.time.LocalTime.of(9, 0), s2.timeOfDay(), "an unquoted 9:00 is 9:00");
            assertEquals(java.time.Duration.ofDays(2), s2.delay());
            assertEquals(new Condition(Condition.Kind.RECEIVED, "s1", false), s2.conditions().get(0));
            assertEquals(2, w.scenarios().current(s.id()).exits().size());
        }
        assertEquals("Bienvenue  draft  v1  everyone  2 steps", cli("scenarios", "list").out().strip());
        assertTrue(cli("scenarios", "show", "bienvenue").out().contains("s2: nimbus-tax-season on news"));

        CliRun sim = cli("scenarios", "simulate", "Bienvenue");
        assertEquals(0, sim.code(), sim.err());
        assertTrue(sim.out().lines().anyMatch(l -> l.startsWith("Marie") && l.matches(".* 09:00 +America/Montreal +goes")),
                sim.out());
        assertTrue(sim.out().lines().anyMatch(l -> l.startsWith("Anne") && l.contains("skipped: no consent")), sim.out());
        assertTrue(sim.out().strip().endsWith("2 contacts: 2 messages would go, 2 skipped or held."), sim.out());
        CliRun csv = cli("scenarios", "simulate", "Bienvenue", "--csv");
        assertEquals("Contact,Step,Story,Account,When (their time),Zone,Outcome", csv.out().lines().findFirst().orElseThrow());
        assertEquals(5, csv.out().lines().count());
    }

    @Test
    void aBadFileAnUnknownNameAndAStepWithoutItsStoryAreOneLineAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: Oups\nsteps:\n  - story: boulangerie-levain\n    account: news\n    delay: soon\n");
        CliRun b = cli("scenarios", "save", bad.toString());
        assertEquals(2, b.code());
        assertEquals("Error: In the scenario file, “s1.delay” is missing or does not read: “soon” (see docs/one-to-one.md).",
                b.err().strip());
        CliRun missing = cli("scenarios", "status", "Nope");
        assertEquals(2, missing.code());
        assertEquals("Error: No scenario “Nope” in this workspace.", missing.err().strip());
        Files.writeString(bad, "name: Oups\nsteps:\n  - story: gone-story\n    account: news\n");
        assertEquals(0, cli("scenarios", "save", bad.toString()).code());
        CliRun start = cli("scenarios", "start", "Oups");
        assertEquals(2, start.code());
        assertEquals("Error: Step s1: there is no story “gone-story” in this workspace.", start.err().strip());
    }
}
