package org.cristal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cristal scenarios …} (docs/one-to-one.md). Placeholder of the shared contract: its part adds the subcommands. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Simulate, start, pause and follow scenarios.")
final class ScenariosCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("scenarios.needCommand"));
    }
}
