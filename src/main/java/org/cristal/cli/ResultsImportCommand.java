package org.cristal.cli;

import picocli.CommandLine.Command;

/** CONTRACT placeholder: {@code cristal results import}, built by its own work. */
@Command(name = "import", mixinStandardHelpOptions = true, hidden = true)
final class ResultsImportCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not built yet");
    }
}
