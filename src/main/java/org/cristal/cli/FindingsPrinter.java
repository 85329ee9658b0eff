package org.cristal.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cristal.story.Finding;

/** Prints findings compiler-style, {@code story.md:12: warning [web] …}, so editors can jump to the line. */
final class FindingsPrinter {
    private FindingsPrinter() {
    }

    static void print(PrintWriter out, String file, List<Finding> findings) {
        findings.stream()
                .sorted(Comparator.comparing((Finding f) -> -f.severity().ordinal()).thenComparingInt(Finding::line))
                .forEach(f -> {
                    String severity = CliText.get("severity." + f.severity().name().toLowerCase(Locale.ROOT));
                    String channel = f.channel() == null ? "story" : f.channel().id();
                    String message = CliText.plain(f.message(CliText.locale()));
                    // The line as plain digits: "1,234" would break editors that jump to file:line.
                    out.println(f.hasLine()
                            ? CliText.get("finding.line", file, String.valueOf(f.line()), severity, channel, message)
                            : CliText.get("finding.noLine", file, severity, channel, message));
                });
        long errors = findings.stream().filter(f -> f.severity() == org.cristal.story.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == org.cristal.story.Severity.WARNING).count();
        out.println(CliText.get("findings.summary", errors, warnings, findings.size() - errors - warnings));
    }
}
