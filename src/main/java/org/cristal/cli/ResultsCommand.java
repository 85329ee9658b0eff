package org.cristal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cristal results fetch|import|show}: what came back from publishing, from the services and from
 * the user's web analytics (docs/results.md).
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Fetch, import and show what came back from publishing.",
        subcommands = {ResultsFetchCommand.class, ResultsImportCommand.class, ResultsShowCommand.class})
final class ResultsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("results.needCommand"));
    }
}
