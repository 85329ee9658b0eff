package org.cristal.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.WorkspaceLocations;
import picocli.CommandLine.Option;

/** {@code --workspace PATH}, shared by the workspace commands; falls back to CRISTAL_WORKSPACE, then the default. */
final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, paramLabel = "PATH",
            description = "Workspace file (default: $CRISTAL_WORKSPACE, else the default workspace).")
    String path;

    @Option(names = {"-v", "--verbose"}, description = "Show details of errors.")
    boolean verbose;

    Path resolve() {
        return WorkspaceLocations.resolve(Optional.ofNullable(path), System.getenv());
    }

    Workspace open() {
        Path file = resolve();
        try {
            return Workspace.open(file);
        } catch (WorkspaceException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        }
    }
}
