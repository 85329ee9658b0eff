package org.cristal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cristal.library.abtest.AbInputException;
import org.cristal.library.abtest.AbTestWords;
import org.cristal.library.abtest.Arm;
import org.cristal.library.abtest.Evaluation;
import org.cristal.library.abtest.Plan;
import org.cristal.library.abtest.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cristal abtest plan|evaluate}: how many contacts an A/B test needs and what a send can detect, then
 * what its outcome honestly says (ADR 0025). Figures are read as the user writes them (0.20 or 20%) and
 * printed in the user's language; a figure that cannot be is one line and exit code 2.
 */
@Command(name = "abtest", mixinStandardHelpOptions = true,
        description = "Plan an A/B test's size and evaluate its outcome.",
        subcommands = {AbtestCommand.PlanCmd.class, AbtestCommand.EvaluateCmd.class})
final class AbtestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("abtest.needCommand"));
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Contacts each variant needs, and the smallest difference a send of --contacts can detect.")
    static final class PlanCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--baseline", paramLabel = "RATE", required = true,
                description = "The rate expected without change: 0.20 or 20%.")
        String baseline;
        @Option(names = "--mde", paramLabel = "EFFECT", required = true,
                description = "The smallest change worth detecting, in rate points (0.05) or, with --relative, as a share of the baseline (0.25 = 25% more).")
        String mde;
        @Option(names = "--relative", description = "Read --mde as a share of the baseline.")
        boolean relative;
        @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.05",
                description = "Significance level, two-sided (default: ${DEFAULT-VALUE}).")
        String alpha;
        @Option(names = "--power", paramLabel = "POWER", defaultValue = "0.8",
                description = "Chance of seeing a true change of that size (default: ${DEFAULT-VALUE}).")
        String power;
        @Option(names = "--contacts", paramLabel = "N",
                description = "Contacts in the send (the segment), split evenly between the two variants.")
        String contacts;

        @Override
        public Integer call() {
            Locale locale = CliText.locale();
            double p1 = rate("--baseline", baseline);
            double effect = relative ? number("--mde", mde) : rate("--mde", mde);
            long n = contacts == null ? -1 : count("--contacts", contacts);
            Plan plan = checked(() -> Planner.plan(p1, effect, relative, rate("--alpha", alpha),
                    rate("--power", power), n));
            List<String[]> rows = new ArrayList<>();
            rows.add(row("abtest.label.baseline", CliText.get("abtest.value.percent", plan.baseline() * 100)));
            rows.add(row("abtest.label.target", CliText.get("abtest.value.target", plan.target() * 100,
                    plan.effect() * 100)));
            rows.add(row("abtest.label.alpha", CliText.get("abtest.value.alpha", plan.alpha() * 100)));
            rows.add(row("abtest.label.power", CliText.get("abtest.value.percent", plan.power() * 100)));
            rows.add(row("abtest.label.needed", CliText.get("abtest.value.needed", plan.neededPerArm(),
                    plan.neededPerArm() * 2)));
            if (n >= 0) {
                rows.add(row("abtest.label.contacts", CliText.get("abtest.value.contacts", n, plan.perArm())));
            }
            PrintWriter out = spec.commandLine().getOut();
            Tables.print(out, rows);
            out.println();
            AbTestWords.lines(plan, locale).forEach(out::println);
            return CristalCli.OK;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "The difference between two variants with its range, the p-value, the chance that B is better, and a verdict.")
    static final class EvaluateCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--a", paramLabel = "CONVERSIONS/N", required = true, description = "Variant A, e.g. 30/400.")
        String a;
        @Option(names = "--b", paramLabel = "CONVERSIONS/N", required = true, description = "Variant B, e.g. 52/400.")
        String b;
        @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.05",
                description = "Significance level, two-sided (default: ${DEFAULT-VALUE}).")
        String alpha;
        @Option(names = "--planned", paramLabel = "N",
                description = "Contacts per variant the test was planned for: no winner is named before both reach it.")
        String planned;

        @Override
        public Integer call() {
            Locale locale = CliText.locale();
            long plannedPerArm = planned == null ? 0 : count("--planned", planned);
            double level = rate("--alpha", alpha);
            Evaluation e = checked(() -> Evaluation.of(arm("--a", a), arm("--b", b), level, plannedPerArm));
            List<String[]> rows = new ArrayList<>();
            rows.add(row("abtest.label.a", AbTestWords.rate(e.a(), e.rateA(), locale)));
            rows.add(row("abtest.label.b", AbTestWords.rate(e.b(), e.rateB(), locale)));
            rows.add(row("abtest.label.difference", AbTestWords.difference(e, locale)));
            rows.add(row("abtest.label.p", AbTestWords.pValue(e, locale)));
            rows.add(row("abtest.label.chance", AbTestWords.bBeatsA(e, locale)));
            rows.add(row("abtest.label.planned", plannedPerArm == 0 ? CliText.get("abtest.value.noPlan")
                    : CliText.get(e.sizeReached() ? "abtest.value.reached" : "abtest.value.notReached",
                            plannedPerArm)));
            PrintWriter out = spec.commandLine().getOut();
            Tables.print(out, rows);
            out.println();
            out.println(AbTestWords.verdict(e, locale));
            out.println(AbTestWords.peeking(locale));
            String noPlan = AbTestWords.noPlan(e, locale);
            if (!noPlan.isEmpty()) {
                out.println(noPlan);
            }
            return CristalCli.OK;
        }
    }

    private static String[] row(String label, String value) {
        return new String[] {CliText.get(label), value};
    }

    /** Runs the planner or the evaluation; a figure it refuses is one localized line, exit 2. */
    static <T> T checked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AbInputException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        }
    }

    /**
     * A rate as a fraction: "0.2", "20%" or "20 %". A bare number above 1 is refused rather than guessed: 1.4
     * could mean 1.4% or a typo, and a plan built on the wrong one would mislead.
     */
    static double rate(String option, String text) {
        String s = text.strip();
        boolean percent = s.endsWith("%");
        double value = parse(option, percent ? s.substring(0, s.length() - 1) : s);
        if (percent) {
            return value / 100;
        }
        if (Math.abs(value) > 1) {
            throw new UserError(CliText.get("abtest.notAFraction", option, CliText.plain(s)));
        }
        return value;
    }

    /** A relative effect may be above 1 (doubling is 1, or 100%). */
    private static double number(String option, String text) {
        String s = text.strip();
        boolean percent = s.endsWith("%");
        double value = parse(option, percent ? s.substring(0, s.length() - 1) : s);
        return percent ? value / 100 : value;
    }

    private static double parse(String option, String s) {
        try {
            double v = Double.parseDouble(s.strip().replace(',', '.'));
            if (Double.isFinite(v) && !s.isBlank()) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserError(CliText.get("abtest.badNumber", option, CliText.plain(s)));
    }

    private static long count(String option, String text) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserError(CliText.get("abtest.badCount", option, CliText.plain(text)));
    }

    /** "30/400": conversions out of contacts. */
    private static Arm arm(String option, String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Arm(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new UserError(CliText.get("abtest.badArm", option, CliText.plain(text)));
    }
}
