package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.Step;
import org.cristal.library.scenario.StepCounts;
import org.cristal.publish.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal scenarios list|show|save|simulate|start|pause|resume|stop|status|move} (docs/one-to-one.md).
 * A name that does not exist, a file that does not read, a scenario that cannot start: one line, exit code 2.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Simulate, start, pause and follow scenarios.",
        subcommands = {ScenariosCommand.ListCmd.class, ScenariosCommand.Show.class, ScenariosCommand.Save.class,
            ScenariosCommand.Simulate.class, ScenariosCommand.Start.class, ScenariosCommand.Pause.class,
            ScenariosCommand.Resume.class, ScenariosCommand.Stop.class, ScenariosCommand.Status.class,
            ScenariosCommand.Move.class})
final class ScenariosCommand implements Runnable {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("scenarios.needCommand"));
    }

    /** The engine over the workspace, with the user's plugins and secrets (a start may queue sends). */
    static ScenarioRunner runner(Workspace ws) {
        return new ScenarioRunner(CliPublishing.publisher(ws));
    }

    static Scenario scenario(Workspace ws, String name) {
        return ws.scenarios().find(name).orElseThrow(() -> new WorkspaceException("scenario.error.missing",
                name == null ? "" : name.strip()));
    }

    static String state(ScenarioState s) {
        return switch (s) {
            case DRAFT -> CliText.get("scenarios.state.draft");
            case RUNNING -> CliText.get("scenarios.state.running");
            case PAUSED -> CliText.get("scenarios.state.paused");
            case STOPPED -> CliText.get("scenarios.state.stopped");
        };
    }

    static String skip(Simulation.Skip s) {
        if (s == null) {
            return CliText.get("scenarios.skip.goes");
        }
        return switch (s) {
            case NO_CONSENT -> CliText.get("scenarios.skip.noConsent");
            case UNSUBSCRIBED -> CliText.get("scenarios.skip.unsubscribed");
            case BOUNCED -> CliText.get("scenarios.skip.bounced");
            case OVER_CAP -> CliText.get("scenarios.skip.overCap");
            case NO_ADDRESS -> CliText.get("scenarios.skip.noAddress");
            case CONDITION -> CliText.get("scenarios.skip.condition");
            case NO_REENTRY -> CliText.get("scenarios.skip.noReentry");
            case EXITED -> CliText.get("scenarios.skip.exited");
        };
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the scenarios with their state and version.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                List<Scenario> all = ws.scenarios().list();
                if (all.isEmpty()) {
                    out.println(CliText.get("scenarios.none"));
                }
                List<String[]> rows = new ArrayList<>();
                for (Scenario s : all) {
                    rows.add(new String[] {CliText.plain(s.name()), state(s.state()), "v" + s.version(),
                        s.segment().isEmpty() ? CliText.get("scenarios.everyone") : CliText.plain(s.segment()),
                        CliText.get("scenarios.steps", ws.scenarios().current(s.id()).steps().size())});
                }
                Tables.print(out, rows);
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a scenario's settings and steps.")
    static final class Show implements Callable<Integer> {
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
                Scenario s = scenario(ws, name);
                ScenarioVersion v = ws.scenarios().current(s.id());
                out.println(CliText.get("scenarios.show.head", CliText.plain(s.name()), state(s.state()), s.version(),
                        s.segment().isEmpty() ? CliText.get("scenarios.everyone") : CliText.plain(s.segment()),
                        s.reentry().id(), s.reentryDays(), s.zone().getId()));
                for (Step st : v.steps()) {
                    String when = st.timing() == Step.Timing.ON_DATE ? String.valueOf(st.date())
                            : st.timing().name().toLowerCase(java.util.Locale.ROOT) + " + " + st.delay();
                    out.println(CliText.get("scenarios.show.step", st.id(), CliText.plain(st.storyId()),
                            st.variant().isEmpty() ? "" : " [" + CliText.plain(st.variant()) + "]",
                            CliText.plain(st.account()), when, st.timeOfDay() == null ? "—" : st.timeOfDay().toString(),
                            st.conditions().stream().map(Show::condition).reduce((a, b) -> a + ", " + b).orElse("—")));
                }
                for (ExitRule e : v.exits()) {
                    out.println(CliText.get("scenarios.show.exit", e.kind().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '), CliText.plain(e.argument())));
                }
                return CristalCli.OK;
            });
        }

        private static String condition(Condition c) {
            return (c.negated() ? "not " : "") + c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (c.argument().isEmpty() ? "" : " " + CliText.plain(c.argument()));
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Create a scenario from a YAML file, or save its new steps (a started one gets a new version).")
    static final class Save implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "FILE.yaml")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ScenarioYaml y = ScenarioYaml.read(file);
            return WorkspaceCommand.with(workspace, ws -> {
                var existing = ws.scenarios().find(y.name());
                if (existing.isEmpty()) {
                    Scenario s = ws.scenarios().create(y.name(), y.segment(), y.reentry(), y.reentryDays(), y.zone(),
                            y.steps(), y.exits());
                    out.println(CliText.get("scenarios.created", CliText.plain(s.name()), y.steps().size()));
                } else {
                    ws.scenarios().settings(existing.get().id(), y.segment(), y.reentry(), y.reentryDays(), y.zone());
                    ScenarioVersion v = ws.scenarios().edit(existing.get().id(), y.steps(), y.exits());
                    out.println(CliText.get("scenarios.saved", CliText.plain(existing.get().name()), v.version()));
                }
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Who would get which step when (their local time), and who is skipped and why. Sends nothing.")
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--csv", description = "Print the table as CSV (UTF-8) instead.")
        boolean csv;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                Simulation sim = runner(ws).simulate(name);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {CliText.get("scenarios.col.contact"), CliText.get("scenarios.col.step"),
                    CliText.get("scenarios.col.story"), CliText.get("scenarios.col.account"),
                    CliText.get("scenarios.col.when"), CliText.get("scenarios.col.zone"),
                    CliText.get("scenarios.col.outcome")});
                for (Simulation.Row r : sim.rows()) {
                    rows.add(new String[] {r.contactId() == 0 ? CliText.get("scenarios.everyone") : r.contact(),
                        r.stepId(), r.storyId(), r.account(), LOCAL.format(r.at().atZone(r.zone())), r.zone().getId(),
                        skip(r.skip())});
                }
                if (csv) {
                    for (String[] row : rows) {
                        out.println(String.join(",", java.util.Arrays.stream(row).map(Simulate::cell).toList()));
                    }
                } else {
                    rows.replaceAll(row -> java.util.Arrays.stream(row).map(CliText::plain).toArray(String[]::new));
                    Tables.print(out, rows);
                    long goes = sim.rows().stream().filter(r -> r.skip() == null && r.contactId() != 0).count();
                    out.println(CliText.get("scenarios.simulated", sim.contacts(), goes,
                            sim.skipped().values().stream().mapToInt(Integer::intValue).sum()));
                }
                return CristalCli.OK;
            });
        }

        /** A CSV cell, quoted when needed; a leading = or @ is defused so a spreadsheet does not run it. */
        private static String cell(String v) {
            String s = v.startsWith("=") || v.startsWith("@") || v.startsWith("+") ? "'" + v : v;
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    /** The four life commands share their shape: do it, then say the state the scenario is in. */
    abstract static class Life implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;

        abstract Scenario act(ScenarioRunner runner, String name);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                Scenario s = act(runner(ws), name);
                out.println(CliText.get("scenarios.now", CliText.plain(s.name()), state(s.state())));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start: the segment's contacts enter now and at each due round (cristal publish due).")
    static final class Start extends Life {
        @Override
        Scenario act(ScenarioRunner runner, String name) {
            return runner.start(name);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause: steps that fall due are held, never dropped.")
    static final class Pause extends Life {
        @Override
        Scenario act(ScenarioRunner runner, String name) {
            return runner.pause(name);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume: what was held goes, within the frequency cap.")
    static final class Resume extends Life {
        @Override
        Scenario act(ScenarioRunner runner, String name) {
            return runner.resume(name);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop for good: nobody enters, nothing more goes.")
    static final class Stop extends Life {
        @Override
        Scenario act(ScenarioRunner runner, String name) {
            return runner.stop(name);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each step's counts: waiting, held, queued, sent, skipped, failed.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                Scenario s = scenario(ws, name);
                out.println(CliText.get("scenarios.now", CliText.plain(s.name()), state(s.state())));
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {CliText.get("scenarios.col.step"), CliText.get("scenarios.col.waiting"),
                    CliText.get("scenarios.col.held"), CliText.get("scenarios.col.queued"),
                    CliText.get("scenarios.col.sent"), CliText.get("scenarios.col.skipped"),
                    CliText.get("scenarios.col.failed")});
                for (StepCounts c : runner(ws).status(name)) {
                    rows.add(new String[] {c.stepId(), Integer.toString(c.waiting()), Integer.toString(c.held()),
                        Integer.toString(c.queued()), Integer.toString(c.sent()), Integer.toString(c.skipped()),
                        Integer.toString(c.failed())});
                }
                Tables.print(out, rows);
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move the contacts following an older version to the current one (steps they had are not sent again).")
    static final class Move implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--from-version", paramLabel = "N", required = true, description = "The version they follow now.")
        int from;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                int moved = runner(ws).move(name, from);
                out.println(CliText.get("scenarios.moved", moved, scenario(ws, name).version()));
                return CristalCli.OK;
            });
        }
    }
}
