package org.cristal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cristal personas …} (docs/one-to-one.md). Placeholder of the shared contract: its part adds the subcommands. */
@Command(name = "personas", mixinStandardHelpOptions = true, description = "Show the workspace's personas.")
final class PersonasCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("personas.needCommand"));
    }
}
