package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cristal.check.PersonaRules;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.WorkspaceLocations;
import org.cristal.library.persona.Persona;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryPersona;

/**
 * The persona a story file names ({@code persona:}), read from the workspace for {@code cristal render}'s
 * checks. The workspace is only read when it exists: rendering a file never creates one.
 */
final class CliPersonas {
    private CliPersonas() {
    }

    /**
     * Empty when the story names no persona or there is no workspace to find it in (said in a line on
     * {@code out}); otherwise the persona's rules, empty inside when no persona has that name.
     */
    static Optional<Optional<PersonaRules>> rules(StoryDocument doc, String workspacePath, PrintWriter out) {
        Optional<String> name = StoryPersona.name(doc.story());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path file = WorkspaceLocations.resolve(Optional.ofNullable(workspacePath), System.getenv());
        if (!Files.isRegularFile(file)) {
            out.println(CliText.get("render.persona.noWorkspace", CliText.plain(name.get()), file));
            return Optional.empty();
        }
        try (Workspace ws = Workspace.open(file)) {
            return Optional.of(ws.personas().find(name.get()).map(Persona::rules));
        } catch (WorkspaceException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        }
    }
}
