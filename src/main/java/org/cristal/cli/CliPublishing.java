package org.cristal.cli;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.publish.PluginRegistry;
import org.cristal.publish.Publisher;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.SecretStores;
import org.cristal.publish.spi.LocalText;

/**
 * Where the command line gets its plugins and secrets: the workspace's plugin registry (built-in plugins
 * plus the jars the user enabled), and the user's secret store (the keychain, else the encrypted file,
 * unlocked from the console or {@code CRISTAL_SECRETS_PASSPHRASE} under cron). An environment variable
 * {@code CRISTAL_SECRET_<ACCOUNT>_<KEY>} overrides a stored secret, the usual way to hand a CI job a token.
 * Tests set {@link #secrets} to a store of their own.
 */
final class CliPublishing {
    /** Set by tests; null means the user's store. */
    static volatile SecretStore secrets;
    static volatile Map<String, String> env = System.getenv();

    private CliPublishing() {
    }

    /** The plugins for this workspace. The registry holds its jars open until the command's JVM exits. */
    static PluginRegistry plugins(Workspace ws) {
        return PluginRegistry.open(ws);
    }

    static SecretStore secrets() {
        SecretStore s = secrets;
        return s != null ? s : new EnvFirst(env, SecretStores.lazy(ConsolePassphrase.system()));
    }

    static Publisher publisher(Workspace ws) {
        return new Publisher(ws, plugins(ws), secrets(), Clock.systemUTC());
    }

    /** The environment variable that overrides an account's secret. */
    static String variable(String account, String key) {
        return ("CRISTAL_SECRET_" + account + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * What to tell the user about a store that refused: with no terminal to ask for the passphrase, how to
     * give it ({@value SecretStores#PASSPHRASE_ENV}) rather than "enter its passphrase".
     */
    static String explain(SecretStoreException e) {
        if (e instanceof SecretStoreException.Locked && System.console() == null) {
            return CliText.get("secrets.noConsole", SecretStores.PASSPHRASE_ENV);
        }
        return e.text().get(CliText.locale());
    }

    /** A secret from the environment wins; everything else goes to the store. */
    private record EnvFirst(Map<String, String> env, SecretStore store) implements SecretStore {
        @Override
        public Optional<String> get(String account, String key) throws SecretStoreException {
            Optional<String> fromEnv = Optional.ofNullable(env.get(variable(account, key))).filter(v -> !v.isBlank());
            return fromEnv.isPresent() ? fromEnv : store.get(account, key);
        }

        @Override
        public void put(String account, String key, String value) throws SecretStoreException {
            store.put(account, key, value);
        }

        @Override
        public void remove(String account, String key) throws SecretStoreException {
            store.remove(account, key);
        }

        @Override
        public LocalText describe() {
            return store.describe();
        }
    }
}
