package org.cristal.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cristal.publish.PassphraseSource;

/**
 * The secrets file's passphrase, read from the terminal without echo. A new passphrase is typed twice and
 * asked again while the two differ (three rounds, then the user is taken to have given up). Without a
 * terminal (cron, a pipe) it answers nothing, and the command says to set {@code CRISTAL_SECRETS_PASSPHRASE}.
 */
final class ConsolePassphrase implements PassphraseSource {
    private static final int ROUNDS = 3;
    private final Function<String, char[]> read;
    private final Consumer<String> say;

    /** @param read shows a prompt and reads a line without echo; null at the end of input */
    ConsolePassphrase(Function<String, char[]> read, Consumer<String> say) {
        this.read = read;
        this.say = say;
    }

    /** The process's terminal, or a source that answers nothing when there is none. */
    static PassphraseSource system() {
        return choosing -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            return new ConsolePassphrase(p -> console.readPassword("%s", p), line -> console.printf("%s%n", line))
                    .ask(choosing);
        };
    }

    @Override
    public Optional<char[]> ask(boolean choosing) {
        if (!choosing) {
            return Optional.ofNullable(read.apply(CliText.get("secrets.passphrase")));
        }
        for (int round = 0; round < ROUNDS; round++) {
            char[] first = read.apply(CliText.get("secrets.passphraseNew"));
            if (first == null || first.length == 0) {
                return Optional.empty();
            }
            char[] second = read.apply(CliText.get("secrets.passphraseAgain"));
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (same) {
                return Optional.of(first);
            }
            Arrays.fill(first, '\0');
            say.accept(CliText.get("secrets.passphraseMismatch"));
        }
        return Optional.empty();
    }
}
