package org.cristal.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses where secrets go: the operating system's keychain when one answers, else the encrypted file
 * ({@link FileSecretStore}). {@link SecretStore#describe()} says which, for the settings screen and
 * {@code cristal channels list}.
 *
 * <p>Environment: {@value #STORE_ENV}{@code =file} skips the keychain (a server, a user who prefers the
 * file); {@value #PASSPHRASE_ENV} unlocks the file without asking, for {@code cristal publish due} run by
 * cron. That variable is as good as the passphrase itself: whoever can read the crontab, the unit file or
 * the process's environment (the same user, root) can read every secret. Keep it in a file only the user
 * can read, or run scheduled publishing where a keychain is unlocked.
 */
public final class SecretStores {
    /** {@code file} to use the encrypted file even where a keychain exists. */
    public static final String STORE_ENV = "CRISTAL_SECRETS";
    /** The file's passphrase, for unattended runs. */
    public static final String PASSPHRASE_ENV = "CRISTAL_SECRETS_PASSPHRASE";
    private static final Duration PROBE = Duration.ofSeconds(3);

    private SecretStores() {
    }

    /**
     * The store for this user, asking {@code prompt} for the file's passphrase when it is first needed
     * (the studio shows a dialog, the command line reads the console; empty when the user declines).
     */
    public static SecretStore open(Supplier<Optional<char[]>> prompt) {
        return open(PassphraseSource.of(prompt));
    }

    /** As {@link #open(Supplier)}, with a prompt that asks twice when the passphrase is being chosen. */
    public static SecretStore open(PassphraseSource prompt) {
        return open(System.getenv(), System.getProperty("os.name", ""), FileSecretStore.defaultFile(), prompt, PROBE);
    }

    /** As {@link #open(Supplier)}, but opened only when a secret is first needed. */
    public static SecretStore lazy(Supplier<Optional<char[]>> prompt) {
        return lazy(PassphraseSource.of(prompt));
    }

    /** As {@link #open(PassphraseSource)}, but opened only when a secret is first needed. */
    public static SecretStore lazy(PassphraseSource prompt) {
        return new LazySecretStore(() -> open(prompt));
    }

    /** As {@link #open(Supplier)}, with everything it reads from the machine given. */
    public static SecretStore open(Map<String, String> env, String osName, Path file,
            Supplier<Optional<char[]>> prompt, Duration probeTimeout) {
        return open(env, osName, file, PassphraseSource.of(prompt), probeTimeout);
    }

    /** As {@link #open(PassphraseSource)}, with everything it reads from the machine given. */
    public static SecretStore open(Map<String, String> env, String osName, Path file,
            PassphraseSource prompt, Duration probeTimeout) {
        if (!"file".equalsIgnoreCase(env.getOrDefault(STORE_ENV, ""))) {
            Optional<KeychainSecretStore> keychain = KeychainSecretStore.probe(env, osName, probeTimeout);
            if (keychain.isPresent()) {
                return keychain.get();
            }
        }
        return new FileSecretStore(file, passphrase(env, prompt));
    }

    /** The passphrase from {@value #PASSPHRASE_ENV} when set, else from {@code prompt}. */
    static PassphraseSource passphrase(Map<String, String> env, PassphraseSource prompt) {
        return choosing -> {
            String fromEnv = env.get(PASSPHRASE_ENV);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return Optional.of(fromEnv.toCharArray());
            }
            return prompt.ask(choosing);
        };
    }
}
