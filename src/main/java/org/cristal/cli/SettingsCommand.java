package org.cristal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cristal.library.audience.FrequencyCap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cristal settings frequency-cap}: the workspace's settings that are not a channel account's. */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "Workspace settings.",
        subcommands = {SettingsCommand.FrequencyCapCmd.class})
final class SettingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("settings.needCommand"));
    }

    @Command(name = "frequency-cap", mixinStandardHelpOptions = true,
            description = "At most N marketing messages per contact per D days, across every channel (service "
                    + "messages are exempt). Without options: show the current cap.")
    static final class FrequencyCapCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--messages", paramLabel = "N", description = "How many marketing messages at most.")
        Integer messages;
        @Option(names = "--days", paramLabel = "D", description = "In how many days.")
        Integer days;
        @Option(names = "--off", description = "No cap.")
        boolean off;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FrequencyCap wanted = wanted();
            return WorkspaceCommand.with(workspace, ws -> {
                if (wanted != null) {
                    ws.audience().setFrequencyCap(wanted);
                }
                FrequencyCap cap = ws.audience().frequencyCap();
                out.println(cap.isSet() ? CliText.get("settings.cap.is", cap.messages(), cap.days())
                        : CliText.get("settings.cap.none"));
                return CristalCli.OK;
            });
        }

        /** The cap asked for, null to show the current one; a bad combination is one clear line. */
        private FrequencyCap wanted() {
            if (off) {
                if (messages != null || days != null) {
                    throw new UserError(CliText.get("settings.cap.offAlone"));
                }
                return FrequencyCap.NONE;
            }
            if (messages == null && days == null) {
                return null;
            }
            if (messages == null || days == null || messages < 1 || days < 1 || messages > 1000 || days > 366) {
                throw new UserError(CliText.get("settings.cap.bad"));
            }
            return new FrequencyCap(messages, days);
        }
    }
}
