package org.cristal.cli;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.cristal.library.Workspace;
import org.cristal.publish.ChannelPlugin;
import org.cristal.publish.LocalText;
import org.cristal.publish.PluginSource;
import org.cristal.publish.Publisher;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;

/**
 * Where the command line gets its plugins and secrets. Temporary, and kept in this one class: until the
 * plugin registry and the secret stores of issue 6's infra part are on main, plugins are the built-in ones
 * on the class path, and secrets are read from environment variables ({@code CRISTAL_SECRET_<ACCOUNT>_<KEY>},
 * upper case, other characters as {@code _}), which is also how a cron job is usually given them. Tests set
 * {@link #secrets} to a store of their own.
 */
final class CliPublishing {
    /** Set by tests; null means the environment. */
    static volatile SecretStore secrets;
    static volatile Map<String, String> env = System.getenv();

    private CliPublishing() {
    }

    static PluginSource plugins() {
        List<ChannelPlugin> found = ServiceLoader.load(ChannelPlugin.class).stream().flatMap(p -> {
            try {
                return java.util.stream.Stream.of(p.get());
            } catch (java.util.ServiceConfigurationError e) {
                return java.util.stream.Stream.empty();
            }
        }).toList();
        return () -> found;
    }

    static SecretStore secrets() {
        SecretStore s = secrets;
        return s != null ? s : new EnvSecrets(env);
    }

    static Publisher publisher(Workspace ws) {
        return new Publisher(ws, plugins(), secrets(), Clock.systemUTC());
    }

    /** The environment variable that holds an account's secret. */
    static String variable(String account, String key) {
        return ("CRISTAL_SECRET_" + account + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Secrets from environment variables: readable, never written (a command line cannot set them). */
    private record EnvSecrets(Map<String, String> env) implements SecretStore {
        @Override
        public Optional<String> get(String account, String key) {
            return Optional.ofNullable(env.get(variable(account, key))).filter(v -> !v.isBlank());
        }

        @Override
        public void put(String account, String key, String value) throws SecretStoreException {
            throw new SecretStoreException(LocalText.of(CliText.get("channels.secretEnvOnly", variable(account, key))),
                    null);
        }

        @Override
        public void remove(String account, String key) {
        }

        @Override
        public LocalText describe() {
            return LocalText.of("environment variables");
        }
    }
}
