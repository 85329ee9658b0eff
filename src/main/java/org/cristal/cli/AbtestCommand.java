package org.cristal.cli;

import picocli.CommandLine.Command;

/** CONTRACT placeholder: {@code cristal abtest plan|evaluate}, built by the statistics work. */
@Command(name = "abtest", mixinStandardHelpOptions = true, hidden = true)
final class AbtestCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not built yet");
    }
}
