package org.cristal.publish;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks the user for the passphrase of the secrets file ({@link FileSecretStore}): the studio shows a
 * dialog, the command line reads the console. The array is wiped after use.
 */
@FunctionalInterface
public interface PassphraseSource {
    /**
     * @param choosing true when the file does not exist yet and the user chooses the passphrase that will
     *                 protect it: the prompt asks for it twice, and again while the two differ (a typo here
     *                 would lock every secret away); false to unlock an existing file
     * @return the passphrase, or empty when the user declines
     */
    Optional<char[]> ask(boolean choosing);

    /** A prompt that asks the same way in both cases (tests, {@code CRISTAL_SECRETS_PASSPHRASE}). */
    static PassphraseSource of(Supplier<Optional<char[]>> prompt) {
        return choosing -> prompt.get();
    }
}
