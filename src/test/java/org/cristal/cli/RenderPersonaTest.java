package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.library.persona.Persona;
import org.cristal.library.persona.Personas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal render} checks a story against the persona its front matter names, read from the workspace. */
class RenderPersonaTest {
    private Locale saved;

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private Path story(String persona) throws Exception {
        Path file = dir.resolve("pain.md");
        Files.writeString(file, "---\ntitle: Le pain du samedi\nlang: fr\npersona: " + persona + "\n---\n"
                + "Un pain vraiment artisanal, cuit ce matin.\n");
        return file;
    }

    @Test
    void aWordThePersonaAvoidsIsPrintedAtItsLine() throws Exception {
        Path ws = dir.resolve("shop.cristal");
        try (Workspace w = Workspace.open(ws)) {
            Persona p = Personas.named("Claire");
            w.personas().save(new Persona(0, "Claire", "", List.of(), List.of(), "", List.of(), List.of("artisanal"),
                    List.of(), List.of(), 0, "", p.createdAt(), p.updatedAt()));
        }
        CliRun r = CliRun.of("render", story("claire").toString(), "--channel", "web", "--out",
                dir.resolve("out").toString(), "--workspace", ws.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pain.md:6:") && r.out().contains("“artisanal” is one of the words Claire does not like"),
                r.out());
        CliRun other = CliRun.of("render", story("Clara").toString(), "--channel", "web", "--out",
                dir.resolve("out").toString(), "--workspace", ws.toString());
        assertTrue(other.out().contains("This story is written for “Clara”, but no persona has that name"), other.out());
    }

    @Test
    void withoutAWorkspaceTheStoryIsRenderedAndTheLineSaysWhyItIsNotChecked() throws Exception {
        Path missing = dir.resolve("none.cristal");
        CliRun r = CliRun.of("render", story("Claire").toString(), "--channel", "web", "--out",
                dir.resolve("out").toString(), "--workspace", missing.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The story is written for “Claire”, but there is no workspace at"), r.out());
        assertFalse(Files.exists(missing), "rendering never creates a workspace");
    }
}
