package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cristal.library.WorkspaceException;
import org.cristal.library.results.AnalyticsFiles;
import org.cristal.library.results.AnalyticsFormat;
import org.cristal.library.results.ImportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cristal results import FILE [--format …]}: keeps a web analytics report's visits and conversions,
 * joined to stories by their UTM campaign, and says which campaigns matched no story (docs/results.md).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a web analytics report: Plausible's ZIP export, a Matomo campaign report, a GA4 CSV "
                + "download or a plain CSV (date, campaign, source, medium, content, visitors, conversions).")
final class ResultsImportCommand implements Callable<Integer> {
    /** Campaigns listed by name; the rest are counted. */
    static final int UNMATCHED_SHOWN = 10;

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(paramLabel = "FILE")
    Path file;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, plausible, matomo, ga4 or csv (default: ${DEFAULT-VALUE}: a ZIP is Plausible's, "
                    + "a CSV is recognised by its column names).")
    String format;

    @Override
    public Integer call() {
        AnalyticsFormat f = parse(format);
        AnalyticsFiles.Read read;
        try {
            read = AnalyticsFiles.read(file, f);
        } catch (WorkspaceException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        }
        String name = CliText.plain(String.valueOf(file.getFileName()));
        PrintWriter out = spec.commandLine().getOut();
        return WorkspaceCommand.with(workspace, ws -> {
            ImportSummary s = ws.results().importRead(name, read);
            out.println(CliText.get("results.import.read", name, read.format().id(), read.rows().size(),
                    read.withoutCampaign()));
            out.println(CliText.get("results.import.summary", s.rows(), s.matched()));
            List<ImportSummary.Unmatched> unmatched = s.unmatchedCampaigns();
            if (unmatched.isEmpty()) {
                out.println(CliText.get("results.import.allMatched"));
                return CristalCli.OK;
            }
            out.println(CliText.get("results.import.unmatchedHeading"));
            for (ImportSummary.Unmatched u : unmatched.subList(0, Math.min(UNMATCHED_SHOWN, unmatched.size()))) {
                out.println("  " + CliText.get("results.import.unmatched", CliText.plain(u.campaign()), u.rows(),
                        u.visitors()));
            }
            if (unmatched.size() > UNMATCHED_SHOWN) {
                out.println("  " + CliText.get("results.import.more", unmatched.size() - UNMATCHED_SHOWN));
            }
            return CristalCli.OK;
        });
    }

    private static AnalyticsFormat parse(String name) {
        for (AnalyticsFormat f : AnalyticsFormat.values()) {
            if (f.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UserError(CliText.get("results.import.badFormat", CliText.plain(name)));
    }
}
