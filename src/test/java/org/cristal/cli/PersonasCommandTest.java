package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.persona.Persona;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal personas …} end to end on a real workspace file. */
class PersonasCommandTest {
    private Locale saved;

    @TempDir
    Path dir;

    @BeforeEach
    void contacts() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try (Workspace w = Workspace.open(file())) {
            w.audience().contacts().save(ContactDraft.of("helene@example.fr").withName("Hélène", "Dupré")
                    .withAddress("", "", "Senlis", "FR").withTags(List.of("famille")));
            w.audience().contacts().save(ContactDraft.of("marc@example.fr").withAddress("", "", "Senlis", "FR")
                    .withTags(List.of("famille")));
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
    void aPersonaSavedFromTheCommandLineIsListedAndShownWithItsTypicalContact() {
        CliRun save = cli("personas", "save", "Claire", "--portrait", "Mother of two", "--goal", "Good bread",
                "--goal", "No queue", "--avoid", "artisanal, premium", "--channels", "email,brochure",
                "--avoid-channels", "social", "--reading-target", "60", "--segment", "tag = famille");
        assertEquals(0, save.code(), save.err());
        assertEquals("Persona “Claire” created.", save.out().strip());
        assertEquals("Claire  (2 contacts)", cli("personas", "list").out().strip());
        CliRun show = cli("personas", "show", "claire");
        assertEquals(0, show.code(), show.err());
        assertEquals(String.join("\n", "Claire", "Portrait: Mother of two", "Goals: Good bread; No queue",
                "Words to avoid: artisanal, premium", "Channels: email, brochure", "Channels not used: social",
                "Reading ease at least: 60", "Segment rule: tag = famille", "Contacts: 2",
                "Typical contact: Hélène Dupré (Senlis)"), show.out().strip().replace("\r", ""));
    }

    @Test
    void savingAgainChangesOnlyTheOptionsGiven() {
        cli("personas", "save", "Claire", "--portrait", "Mother of two", "--avoid", "artisanal");
        CliRun again = cli("personas", "save", "CLAIRE", "--tone", "warm");
        assertEquals("Persona “Claire” saved.", again.out().strip());
        try (Workspace w = Workspace.open(file())) {
            Persona p = w.personas().find("claire").orElseThrow();
            assertEquals("Mother of two", p.portrait());
            assertEquals("warm", p.tone());
            assertEquals(List.of("artisanal"), p.wordsAvoid());
        }
    }

    @Test
    void badInputIsOneClearLineAndExitCode2() {
        CliRun channel = cli("personas", "save", "Claire", "--channels", "email,fax");
        assertEquals(2, channel.code());
        assertEquals("Error: Unknown channel “fax”: write email, social, web or brochure.", channel.err().strip());
        CliRun target = cli("personas", "save", "Claire", "--reading-target", "140");
        assertEquals(2, target.code());
        assertTrue(target.err().contains("between 0 and 100"), target.err());
        CliRun blank = cli("personas", "save", " ");
        assertEquals(2, blank.code());
        assertEquals("Error: A persona needs a name.", blank.err().strip());
        CliRun rule = cli("personas", "save", "Claire", "--segment", "vile = Senlis");
        assertEquals(2, rule.code());
        assertTrue(rule.err().startsWith("Error: Unknown field “vile”"), rule.err());
        assertEquals("No personas yet: cristal personas save NAME --portrait TEXT.", cli("personas", "list").out().strip());
        CliRun unknown = cli("personas", "show", "Bruno");
        assertEquals(2, unknown.code());
        assertEquals("Error: No persona is named “Bruno”, and there are none yet: cristal personas save NAME.",
                unknown.err().strip());
    }

    @Test
    void aDeletedPersonaIsGoneAndTheOthersAreNamedWhenOneIsMistyped() {
        cli("personas", "save", "Claire");
        cli("personas", "save", "Bruno");
        CliRun deleted = cli("personas", "delete", "bruno");
        assertEquals(0, deleted.code(), deleted.err());
        assertTrue(deleted.out().startsWith("Persona “Bruno” deleted"), deleted.out());
        CliRun again = cli("personas", "delete", "Bruno");
        assertEquals(2, again.code());
        assertEquals("Error: No persona is named “Bruno”; personas: Claire.", again.err().strip());
        assertEquals("Claire  (no segment rule: finds no contacts)", cli("personas", "list").out().strip());
    }

    @Test
    void withoutASubcommandItSaysWhatItCanDo() {
        CliRun run = CliRun.of("personas");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("list, show NAME, save NAME or delete NAME"), run.err());
    }
}
