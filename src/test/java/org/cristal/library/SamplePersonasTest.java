package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cristal.check.PersonaCheck;
import org.cristal.library.persona.Persona;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryPersona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer's workspace has two personas, and a sample story written for one of them. */
class SamplePersonasTest {
    @TempDir
    Path dir;

    @Test
    void theSampleWorkspaceHasTwoPersonasAndAStoryWrittenForOneWithoutNaggingFindings() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("new.cristal"))) {
            SampleContent.seedIfEmpty(ws);
            assertEquals(List.of("Claire", "Marc"), ws.personas().list().stream().map(Persona::name).toList());
            for (Persona p : ws.personas().list()) {
                assertTrue(!p.portrait().isBlank() && !p.goals().isEmpty() && !p.wordsAvoid().isEmpty()
                        && !p.channels().isEmpty(), p.name() + " shows a full card");
            }
            StoryDocument osteo = StoryDocument.parse("osteo-samedi",
                    ws.stories().get("osteo-samedi").orElseThrow().source());
            assertEquals("Marc", StoryPersona.name(osteo.story()).orElseThrow());
            List<Finding> findings = PersonaCheck.check(osteo, ws.personas().find("Marc").map(Persona::rules));
            assertEquals(List.of(), findings, "the sample story keeps its persona's rules");
        }
    }
}
