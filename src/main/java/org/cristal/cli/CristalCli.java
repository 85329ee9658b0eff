package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code render}, {@code workspace …} and {@code bench}, over the same core as the
 * studio. Exit codes: 0 success, 2 bad input (one clear line on stderr), 1 unexpected failure.
 */
@Command(name = "cristal", mixinStandardHelpOptions = true, versionProvider = CristalCli.Version.class,
        description = "Cristal: one story, every channel.")
public final class CristalCli implements Runnable {
    /**
     * The commands, in the order help lists them. Only the one named on the command line is given to
     * picocli, which reads every option of every command it is given: a cold {@code cristal render}
     * need not load the publishing, audience and workspace commands' classes.
     */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(RenderCommand.class,
            WorkspaceCommand.class, BenchCommand.class, PublishCommand.class, OutboxCommand.class,
            ChannelsCommand.class, ContactsCommand.class, SegmentsCommand.class, SettingsCommand.class,
            UnsubscribesCommand.class, ResultsCommand.class, AbtestCommand.class, PersonasCommand.class,
            ScenariosCommand.class, CohortsCommand.class, PrintCommand.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), CliText.get("cli.needCommand"));
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new CristalCli());
        boolean named = args.length > 0 && COMMANDS.stream().anyMatch(c -> name(c).equals(args[0]));
        for (Class<?> c : COMMANDS) {
            if (!named || name(c).equals(args[0])) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = isVerbose(args);
            if (ex instanceof UserError u) {
                err.println(CliText.get("cli.errorPrefix") + CliText.plain(u.getMessage()));
                if (verbose && u.getCause() != null) {
                    u.getCause().printStackTrace(err);
                }
                return BAD_INPUT;
            }
            err.println(CliText.get("cli.unexpected", ex.getClass().getSimpleName(),
                    String.valueOf(ex.getMessage())));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(CliText.get("cli.errorPrefix") + ex.getMessage());
            err.println(CliText.get("cli.seeHelp"));
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static boolean isVerbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CristalCli.class.getPackage().getImplementationVersion();
            return new String[] {"Cristal " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ", "
                    + Locale.getDefault().toLanguageTag() + ")"};
        }
    }
}
