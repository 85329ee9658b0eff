package org.cristal.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.cristal.story.Finding;

/** Prints findings compiler-style, {@code story.md:12: warning [web] …}, so editors can jump to the line. */
final class FindingsPrinter {
    private FindingsPrinter() {
    }

    static void print(PrintWriter out, String file, List<Finding> findings) {
        findings.stream()
                .sorted(Comparator.comparing((Finding f) -> -f.severity().ordinal()).thenComparingInt(Finding::line))
                .forEach(f -> out.println(CliText.get("finding.line", file, f.line(),
                        CliText.get("severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)),
                        f.channel() == null ? "story" : f.channel().id(), f.message(CliText.locale()),
                        f.hasLine() ? 1 : 0)));
        long errors = findings.stream().filter(f -> f.severity() == org.cristal.story.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == org.cristal.story.Severity.WARNING).count();
        out.println(CliText.get("findings.summary", errors, warnings, findings.size() - errors - warnings));
    }
}
