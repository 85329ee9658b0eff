package org.cristal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cristal cohorts show}: contacts grouped by when they joined or consented (docs/one-to-one.md). */
@Command(name = "cohorts", mixinStandardHelpOptions = true,
        description = "Show contacts grouped by when they joined, week by week.",
        subcommands = {CohortsShowCommand.class})
final class CohortsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("cohorts.needCommand"));
    }
}
