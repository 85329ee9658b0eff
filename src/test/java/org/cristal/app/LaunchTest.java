package org.cristal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A double-click hands the launcher one file; every other set of arguments stays a command, as before. */
class LaunchTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | STUDIO",
        "Boulangerie Martin.cristal  | STUDIO",
        "/tmp/client.CRISTAL         | STUDIO",
        "story.md                    | STUDIO",
        "Notes/brochure.markdown     | STUDIO",
        "--startup-baseline          | EMPTY_WINDOW",
        "--help                      | CLI",
        "render story.md             | CLI",
        "workspace list              | CLI",
        "notes.txt                   | CLI",
        ".md                         | CLI",
        "--workspace=x.cristal       | CLI",
    })
    void oneWorkspaceOrMarkdownFileOpensTheStudioAnythingElseIsACommand(String args, Launch.Kind kind) {
        String[] split = args.isBlank() ? new String[0]
                : args.startsWith("render") || args.startsWith("workspace") ? args.split(" ") : new String[] {args};
        Launch launch = Launch.of(split);
        assertEquals(kind, launch.kind());
        if (split.length == 1 && kind == Launch.Kind.STUDIO) {
            assertEquals(Optional.of(Path.of(args).toAbsolutePath().normalize()), launch.file());
        } else {
            assertEquals(Optional.empty(), launch.file());
        }
    }
}
