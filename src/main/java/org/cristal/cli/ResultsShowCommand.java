package org.cristal.cli;

import picocli.CommandLine.Command;

/** CONTRACT placeholder: {@code cristal results show}, built by its own work. */
@Command(name = "show", mixinStandardHelpOptions = true, hidden = true)
final class ResultsShowCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not built yet");
    }
}
