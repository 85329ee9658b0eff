package org.cristal.cli;

import org.cristal.library.Workspace;
import org.cristal.library.audience.Sql;
import picocli.CommandLine.Option;

/** {@code --segment NAME}, a mixin for the commands that take contacts: only that saved segment's contacts. */
final class SegmentOption {
    @Option(names = "--segment", paramLabel = "NAME", description = "Only the contacts of this saved segment (cristal segments list).")
    String name;

    /** The chosen segment's contacts, or every contact when none was chosen. */
    Sql resolve(Workspace ws) {
        return CliSegments.resolve(ws, name);
    }
}
