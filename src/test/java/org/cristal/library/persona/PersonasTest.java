package org.cristal.library.persona;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.SegmentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personas in a real workspace file: saved, found, renamed, deleted, with their contacts and typical one. */
class PersonasTest {
    @TempDir
    Path dir;
    Workspace ws;
    Personas personas;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        personas = ws.personas();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static Persona claire(String segment) {
        return new Persona(0, " Claire ", "Mother of two, buys on Saturday.", List.of("Good bread", "", " Quick "),
                List.of("Price"), "warm, plain", List.of("fournée"), List.of("artisanal", "premium"),
                List.of("Email", "brochure"), List.of("social"), 60, segment, Instant.EPOCH, Instant.EPOCH);
    }

    private long contact(String email, String lang, String city, List<String> tags) {
        return ws.audience().contacts().save(ContactDraft.of(email).withLang(lang)
                .withAddress("1 rue Haute", "60300", city, "FR").withTags(tags)).contact().id();
    }

    @Test
    void aPersonaIsSavedWithEveryFieldAndReadBackAfterReopeningTheFile() {
        Persona saved = personas.save(claire("tag = famille"));
        ws.close();
        ws = Workspace.open(dir.resolve("w.cristal"));
        Persona p = ws.personas().find("CLAIRE").orElseThrow();
        assertEquals(saved.id(), p.id());
        assertEquals("Claire", p.name());
        assertEquals("Mother of two, buys on Saturday.", p.portrait());
        assertEquals(List.of("Good bread", "Quick"), p.goals(), "blank items are dropped");
        assertEquals(List.of("Price"), p.objections());
        assertEquals("warm, plain", p.tone());
        assertEquals(List.of("fournée"), p.wordsUse());
        assertEquals(List.of("artisanal", "premium"), p.wordsAvoid());
        assertEquals(List.of("email", "brochure"), p.channels());
        assertEquals(List.of("social"), p.channelsAvoid());
        assertEquals(60, p.readingTarget());
        assertEquals("tag = famille", p.segment());
        assertEquals(p, ws.personas().get(p.id()).orElseThrow());
    }

    @Test
    void savingUnderTheSameNameUpdatesThePersonaInsteadOfAddingOne() {
        long id = personas.save(claire("")).id();
        Persona changed = personas.save(Personas.named("claire"));
        assertEquals(id, changed.id());
        assertEquals(List.of(), changed.wordsAvoid());
        assertEquals(1, personas.list().size());
    }

    @Test
    void aBlankNameOrABrokenSegmentRuleIsRefusedAndNothingIsSaved() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> personas.save(Personas.named("  ")));
        assertEquals("persona.error.noName", e.key());
        assertThrows(SegmentException.class, () -> personas.save(claire("city = (")));
        assertTrue(personas.list().isEmpty());
    }

    @Test
    void personasAreListedByNameRenamedAndDeleted() {
        personas.save(claire(""));
        personas.save(Personas.named("bruno"));
        assertEquals(List.of("bruno", "Claire"), personas.list().stream().map(Persona::name).toList());
        assertEquals("Claire Martin", personas.rename("claire", "Claire Martin").name());
        WorkspaceException taken = assertThrows(WorkspaceException.class,
                () -> personas.rename("bruno", "claire martin"));
        assertEquals("persona.error.nameTaken", taken.key());
        WorkspaceException unknown = assertThrows(WorkspaceException.class, () -> personas.rename("nobody", "x"));
        assertEquals("persona.error.unknown", unknown.key());
        assertTrue(personas.delete("BRUNO"));
        assertFalse(personas.delete("bruno"));
        assertEquals(List.of("Claire Martin"), personas.list().stream().map(Persona::name).toList());
    }

    @Test
    void theContactsOfAPersonaAreThoseOfItsSegmentAndTheTypicalOneSharesMostWithTheOthers() {
        contact("a@example.fr", "en", "Orléans", List.of("famille"));
        long marie = contact("marie@example.fr", "fr", "Senlis", List.of("famille", "pain"));
        contact("paul@example.fr", "fr", "Senlis", List.of("famille"));
        contact("zoe@example.fr", "fr", "Chantilly", List.of("famille", "pain"));
        contact("other@example.fr", "fr", "Senlis", List.of("pro"));
        Persona p = personas.save(claire("tag = famille"));
        assertEquals(4, personas.count(p));
        assertEquals(marie, personas.typicalContact(p).orElseThrow().id(),
                "Marie shares her language with 2, her city with 1, famille with 3 and pain with 1");
    }

    @Test
    void equallyTypicalContactsGoToTheEarliestAndAnEmptySegmentHasNone() {
        long first = contact("a@example.fr", "fr", "Senlis", List.of("famille"));
        contact("b@example.fr", "fr", "Senlis", List.of("famille"));
        assertEquals(first, personas.typicalContact(personas.save(claire("tag = famille"))).orElseThrow().id());
        assertTrue(personas.typicalContact(personas.save(claire("tag = nobody"))).isEmpty());
        Persona noRule = personas.save(claire(""));
        assertEquals(0, personas.count(noRule), "a persona without a rule finds nobody, not everybody");
        assertTrue(personas.typicalContact(noRule).isEmpty());
    }
}
