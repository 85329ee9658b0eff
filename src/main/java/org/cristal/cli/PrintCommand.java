package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cristal.library.audience.Sql;
import org.cristal.publish.PrintException;
import org.cristal.publish.PrintJob;
import org.cristal.publish.PrintPlan;
import org.cristal.render.PaperSize;
import org.cristal.render.brochure.MailWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal print STORY --segment NAME --out DIR [--merged] [--labels] [--paper a4|a5|tri-fold]
 * [--window left|right]}: one personalised brochure per contact of a segment with postal consent and an
 * address (docs/one-to-one.md). Progress on stderr; the summary on stdout. Exit 2 for bad input or a folder
 * that cannot be written.
 */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print one personalised brochure per contact of a segment (postal consent and an address).")
final class PrintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "STORY-ID")
    String storyId;
    @Option(names = "--segment", required = true, paramLabel = "NAME", description = "The saved segment to print for.")
    String segment;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the copies into.")
    Path out;
    @Option(names = "--merged", description = "Also write print-file.pdf: every copy, sorted by postcode, for the print shop.")
    boolean merged;
    @Option(names = "--labels", description = "Also write labels.pdf: address labels, A4 sheets of 3 × 7 (Avery L7160).")
    boolean labels;
    @Option(names = "--paper", paramLabel = "a4|a5|tri-fold", defaultValue = "a4",
            description = "The paper (default: ${DEFAULT-VALUE}); a brand in North America gets Letter.")
    String paper;
    @Option(names = "--window", paramLabel = "left|right",
            description = "The envelope's window: left (DIN 5008) or right (La Poste). Default: right for a brand in France, else left.")
    String window;

    @Override
    public Integer call() {
        PaperSize size = PaperSize.parse(paper).orElseThrow(() -> new UserError(CliText.get("print.badPaper",
                CliText.plain(paper))));
        MailWindow side = window == null ? null : MailWindow.parse(window).orElseThrow(
                () -> new UserError(CliText.get("print.badWindow", CliText.plain(window))));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        return WorkspaceCommand.with(workspace, ws -> {
            Sql contacts = CliSegments.resolve(ws, segment);
            PrintJob job = new PrintJob(ws);
            try {
                PrintPlan plan = job.plan(storyId, segment, contacts, out);
                String reach = plan.summary().get(CliText.locale());
                if (plan.copies().isEmpty()) {
                    throw new UserError(CliText.get("print.nobody", reach));
                }
                stderr.println(reach);
                int total = plan.copies().size();
                PrintJob.Result r = job.run(plan, out, new PrintJob.Options(size, side, merged, labels), n -> {
                    if (n == total || n % 25 == 0) {
                        stderr.print("\r" + CliText.get("print.progress", n, total));
                        stderr.flush();
                    }
                }, () -> false);
                stderr.println();
                stdout.println(CliText.get("print.done", r.copies(), out.toAbsolutePath().normalize().toString(),
                        String.join(", ", r.files().stream().map(f -> out.relativize(f).toString()).toList()),
                        plan.leftOutTotal(), r.recorded()));
                stdout.println(reach);
                return CristalCli.OK;
            } catch (PrintException e) {
                throw new UserError(e.text().get(CliText.locale()), e);
            }
        });
    }
}
