package org.cristal.cli;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cristal.library.cohort.Cohort;
import org.cristal.library.cohort.CohortCell;
import org.cristal.library.cohort.CohortCsv;
import org.cristal.library.cohort.CohortMeasure;
import org.cristal.library.cohort.CohortPeriod;
import org.cristal.library.cohort.CohortStart;
import org.cristal.library.cohort.CohortTable;
import org.cristal.library.cohort.Cohorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cristal cohorts show [--by week|month] [--from joined|consent] [--periods N] [--measure …] [--csv]}:
 * one line per cohort, one column per following period; a share always beside its count.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the cohorts: contacts grouped by the week or month they joined or first consented, "
                + "followed period by period.")
final class CohortsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--by", paramLabel = "week|month", defaultValue = "week", description = "Group by ISO week (from Monday) or calendar month (default: ${DEFAULT-VALUE}).")
    String by;
    @Option(names = "--from", paramLabel = "joined|consent", defaultValue = "joined", description = "When a contact starts: the day they joined, or their first marketing consent (default: ${DEFAULT-VALUE}).")
    String from;
    @Option(names = "--periods", paramLabel = "N", defaultValue = "12", description = "Follow each cohort over periods 0 to N (default: ${DEFAULT-VALUE}).")
    int periods;
    @Option(names = "--measure", paramLabel = "consenting|messages|visits", defaultValue = "consenting", description = "What the cells show (default: ${DEFAULT-VALUE}); the CSV has them all.")
    String measure;
    @Option(names = "--csv", description = "CSV for a spreadsheet (counts only, same columns in every language).")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CohortPeriod period = CohortPeriod.of(by)
                .orElseThrow(() -> new UserError(CliText.get("cohorts.badBy", CliText.plain(by))));
        CohortStart start = CohortStart.of(from)
                .orElseThrow(() -> new UserError(CliText.get("cohorts.badFrom", CliText.plain(from))));
        CohortMeasure shown = CohortMeasure.of(measure)
                .orElseThrow(() -> new UserError(CliText.get("cohorts.badMeasure", CliText.plain(measure))));
        if (periods < 0 || periods > Cohorts.MAX_PERIODS) {
            throw new UserError(CliText.get("cohorts.badPeriods", periods, Cohorts.MAX_PERIODS));
        }
        return WorkspaceCommand.with(workspace, ws -> {
            CohortTable t = ws.cohorts().table(period, start, periods, ZoneId.systemDefault());
            if (csv) {
                out.print(CohortCsv.of(t));
                out.flush();
                return CristalCli.OK;
            }
            print(out, t, shown);
            return CristalCli.OK;
        });
    }

    private static void print(PrintWriter out, CohortTable t, CohortMeasure shown) {
        boolean weeks = t.by() == CohortPeriod.WEEK;
        boolean joined = t.from() == CohortStart.JOINED;
        String title = weeks ? (joined ? "cohorts.show.title.week.joined" : "cohorts.show.title.week.consent")
                : (joined ? "cohorts.show.title.month.joined" : "cohorts.show.title.month.consent");
        out.println(CliText.get(title, t.contacts(), t.zone().getId(), t.today().toString()));
        if (t.outside() > 0 && t.from() == CohortStart.CONSENT) {
            out.println(CliText.get("cohorts.show.outside", t.outside()));
        }
        if (t.cohorts().isEmpty()) {
            out.println(CliText.get(t.from() == CohortStart.CONSENT ? "cohorts.show.noConsent" : "cohorts.show.empty"));
            return;
        }
        out.println(CliText.get(switch (shown) {
            case CONSENTING -> weeks ? "cohorts.show.measure.consenting.week" : "cohorts.show.measure.consenting.month";
            case MESSAGES -> weeks ? "cohorts.show.measure.messages.week" : "cohorts.show.measure.messages.month";
            case VISITS -> weeks ? "cohorts.show.measure.visits.week" : "cohorts.show.measure.visits.month";
        }));
        out.println();
        int columns = t.cohorts().stream().mapToInt(c -> c.cells().size()).max().orElse(0);
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[columns + 2];
        head[0] = CliText.get("cohorts.show.col.cohort");
        head[1] = CliText.get("cohorts.show.col.size");
        for (int k = 0; k < columns; k++) {
            head[k + 2] = CliText.get(weeks ? "cohorts.show.col.week" : "cohorts.show.col.month", k);
        }
        rows.add(head);
        boolean underway = false;
        for (Cohort c : t.cohorts()) {
            String[] row = new String[columns + 2];
            java.util.Arrays.fill(row, "");
            row[0] = c.start().toString();
            row[1] = Integer.toString(c.size());
            for (CohortCell cell : c.cells()) {
                row[cell.period() + 2] = cell(c, cell, shown) + (cell.underway() ? "*" : "");
                underway |= cell.underway();
            }
            rows.add(row);
        }
        Tables.print(out, rows);
        out.println();
        if (underway) {
            out.println(CliText.get(weeks ? "cohorts.show.underway.week" : "cohorts.show.underway.month"));
        }
        if (shown == CohortMeasure.VISITS || !t.tokenResults()) {
            out.println(CliText.get(!t.resultsImported() ? "cohorts.show.noResults"
                    : t.tokenResults() ? "cohorts.show.results" : "cohorts.show.noTokens"));
        }
    }

    static String cell(Cohort c, CohortCell cell, CohortMeasure shown) {
        return switch (shown) {
            case CONSENTING -> {
                NumberFormat p = NumberFormat.getPercentInstance(CliText.locale());
                yield CliText.get("cohorts.show.share", cell.consenting(), c.size(), p.format(c.consentingShare(cell)));
            }
            case MESSAGES -> CliText.get("cohorts.show.messages", cell.messages(), cell.email(), cell.postal(), cell.sms());
            case VISITS -> CliText.get("cohorts.show.visits", cell.visitors(), cell.conversions());
        };
    }
}
