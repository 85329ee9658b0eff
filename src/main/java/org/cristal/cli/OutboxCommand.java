package org.cristal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cristal.library.OutboxEntry;
import org.cristal.publish.spi.LocalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cristal outbox list}: the publications, scheduled and done, with their outcome. */
@Command(name = "outbox", mixinStandardHelpOptions = true, description = "The publishing queue and its history.",
        subcommands = {OutboxCommand.ListCmd.class})
final class OutboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("outbox.needCommand"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List publications, newest first: id, story, channel, state, time, address or error.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--story", paramLabel = "STORY-ID", description = "Only this story's publications.")
        String story;
        @Option(names = "--channel", paramLabel = "ACCOUNT-ID", description = "Only what went to this account.")
        String channel;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                List<OutboxEntry> all = story != null ? ws.outbox().forStory(story)
                        : channel != null ? ws.outbox().forAccount(channel) : ws.outbox().recent(Math.max(1, limit));
                List<OutboxEntry> entries = all.stream().filter(e -> channel == null || e.account().equals(channel))
                        .limit(Math.max(1, limit)).toList();
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {CliText.get("outbox.col.id"), CliText.get("outbox.col.story"),
                    CliText.get("outbox.col.channel"), CliText.get("outbox.col.state"), CliText.get("outbox.col.time"),
                    CliText.get("outbox.col.result")});
                for (OutboxEntry e : entries) {
                    rows.add(new String[] {Long.toString(e.id()), CliText.plain(e.storyId()) + " r" + e.revision(),
                        e.isScenarioStep() ? CliText.get("outbox.target.scenarioStep", e.account())
                                : CliText.plain(e.target().isEmpty() ? e.account() : e.target()), state(e),
                        PublishTimes.show(e.publishedAt() != null ? e.publishedAt() : e.dueAt(), e.zone()),
                        result(e)});
                }
                Tables.print(out, rows);
                out.println(CliText.get("outbox.count", entries.size()));
                return CristalCli.OK;
            });
        }

        /** Its state; one that waits for a Connect says so, as retrying it again would change nothing. */
        private static String state(OutboxEntry e) {
            return e.awaitsReconnection() ? CliText.get("outbox.state.awaitsReconnection") : e.state().name();
        }

        private static String result(OutboxEntry e) {
            if (!e.url().isEmpty()) {
                return CliText.plain(e.url());
            }
            if (!e.error().isEmpty()) {
                return CliText.plain(new LocalText(e.error().containsKey("en") ? e.error()
                        : java.util.Map.of("en", e.error().values().iterator().next())).get(CliText.locale()));
            }
            return "";
        }
    }
}
