package org.cristal.cli;

import picocli.CommandLine.Command;

/** CONTRACT placeholder: {@code cristal results fetch}, built by its own work. */
@Command(name = "fetch", mixinStandardHelpOptions = true, hidden = true)
final class ResultsFetchCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not built yet");
    }
}
