package org.cristal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cristal.library.audience.Segment;
import org.cristal.library.audience.Segments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal segments add|list|remove|count}: saved segments of the audience. A rule that does not read
 * is one line naming the column and what was expected, and exit code 2.
 */
@Command(name = "segments", mixinStandardHelpOptions = true, description = "Saved segments of the contacts.",
        subcommands = {SegmentsCommand.Add.class, SegmentsCommand.ListCmd.class, SegmentsCommand.Remove.class,
            SegmentsCommand.Count.class})
final class SegmentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("segments.needCommand"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Save a segment (or change the rule of the one of that name), e.g. --where \"tag = clients and city = Senlis\".")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--where", paramLabel = "RULE", required = true, description = "The segment's rule (docs/audience.md).")
        String where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Segments segments = ws.audience().segments();
                Segment s = segments.save(name, where);
                out.println(CliText.get("segments.saved", CliText.plain(s.name()), segments.count(s.expression())));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the segments with how many contacts each holds now.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                java.util.List<Segments.Counted> all = ws.audience().segments().counted();
                if (all.isEmpty()) {
                    out.println(CliText.get("segments.none"));
                }
                for (Segments.Counted c : all) {
                    String name = CliText.plain(c.segment().name());
                    String rule = CliText.plain(c.segment().expression());
                    out.println(c.count() < 0 ? CliText.get("segments.lineUnreadable", name, rule)
                            : CliText.get("segments.line", name, rule, c.count()));
                }
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a segment (its contacts stay).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                CliSegments.resolve(ws, name);
                ws.audience().segments().delete(name);
                out.println(CliText.get("segments.removed", CliText.plain(name.strip())));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "Count the contacts a rule selects, without saving it.")
    static final class Count implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--where", paramLabel = "RULE", required = true, description = "The rule (docs/audience.md).")
        String where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                out.println(CliText.get("segments.count", ws.audience().segments().count(where)));
                return CristalCli.OK;
            });
        }
    }
}
