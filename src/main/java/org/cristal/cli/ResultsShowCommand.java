package org.cristal.cli;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.Rate;
import org.cristal.library.results.ResultsCsv;
import org.cristal.library.results.StoryResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal results show STORY [--csv]}: the story's channels side by side (reach, reactions, visits,
 * conversions, the conversion rate with its range), as an aligned table in the user's language or as CSV.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a story's results by channel: reach, reactions, visits, conversions and the conversion "
                + "rate with its 95 % range.")
final class ResultsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(paramLabel = "STORY", description = "The story's id.")
    String story;
    @Option(names = "--csv", description = "CSV for a spreadsheet or a script (same columns in every language).")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return WorkspaceCommand.with(workspace, ws -> {
            StoryResults r = ws.results().dashboards().story(story, ZoneId.systemDefault())
                    .orElseThrow(() -> new UserError(CliText.get("workspace.noStory", CliText.plain(story))));
            if (csv) {
                out.print(ResultsCsv.channels(r));
                out.flush();
                return CristalCli.OK;
            }
            out.println(CliText.get("results.show.title", CliText.plain(r.title()), CliText.plain(r.slug())));
            if (r.isEmpty()) {
                out.println(CliText.get("results.show.empty"));
                return CristalCli.OK;
            }
            out.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {CliText.get("results.show.col.channel"), CliText.get("results.show.col.publications"),
                CliText.get("results.show.col.reach"), CliText.get("results.show.col.reactions"),
                CliText.get("results.show.col.visitors"), CliText.get("results.show.col.conversions"),
                CliText.get("results.show.col.rate")});
            for (ChannelFigures f : r.channels()) {
                rows.add(row(f.channel().isEmpty() ? CliText.get("results.show.noSource") : CliText.plain(f.channel()),
                        f));
            }
            rows.add(row(CliText.get("results.show.total"), r.total()));
            Tables.print(out, rows);
            out.println();
            out.println(CliText.get("results.show.note", Rate.MIN_TRIALS));
            return CristalCli.OK;
        });
    }

    private static String[] row(String name, ChannelFigures f) {
        NumberFormat n = NumberFormat.getIntegerInstance(CliText.locale());
        return new String[] {name, n.format(f.publications()), f.reach() < 0 ? "–" : n.format(f.reach()),
            n.format(f.reactions()), n.format(f.visitors()), n.format(f.conversions()), rate(f.conversionRate())};
    }

    static String rate(Rate r) {
        if (r.trials() == 0) {
            return "–";
        }
        NumberFormat p = NumberFormat.getPercentInstance(CliText.locale());
        p.setMaximumFractionDigits(1);
        p.setMinimumFractionDigits(1);
        return CliText.get(r.tooFew() ? "results.show.tooFew" : "results.show.rate", p.format(r.value()),
                p.format(r.low()), p.format(r.high()));
    }
}
