package org.cristal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code cristal print STORY --segment NAME --out DIR [--merged] [--labels]}: one personalised brochure per
 * contact with postal consent (docs/one-to-one.md). Placeholder of the shared contract: the print part fills it in.
 */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print one personalised brochure per contact of a segment.")
final class PrintCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 2;
    }
}
