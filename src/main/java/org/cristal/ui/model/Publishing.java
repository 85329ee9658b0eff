package org.cristal.ui.model;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.library.Workspace;
import org.cristal.publish.ChannelPlugin;
import org.cristal.publish.LocalText;
import org.cristal.publish.PluginSource;
import org.cristal.publish.Publisher;
import org.cristal.publish.SecretStore;

/**
 * Where the studio's publishing screens get their plugins, secrets and time: the seam tests replace with
 * an in-test plugin and a map-backed secret store.
 */
public record Publishing(PluginSource plugins, SecretStore secrets, Clock clock) {

    /** A publisher over {@code ws} with these plugins and secrets. */
    public Publisher publisher(Workspace ws) {
        return new Publisher(ws, plugins, secrets, clock);
    }

    /**
     * The built-in plugins found by ServiceLoader and secrets kept for this session only. The plugin
     * registry (plugins folders) and the OS keychain store replace these once they are on main.
     */
    public static Publishing defaults() {
        List<ChannelPlugin> found = ServiceLoader.load(ChannelPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return new Publishing(() -> found, new MemorySecrets(), Clock.systemUTC());
    }

    /** Secrets in memory: never written anywhere, gone when the studio closes. */
    public static final class MemorySecrets implements SecretStore {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String account, String key) {
            return Optional.ofNullable(values.get(account + "\u0000" + key));
        }

        @Override
        public void put(String account, String key, String value) {
            values.put(account + "\u0000" + key, value);
        }

        @Override
        public void remove(String account, String key) {
            values.remove(account + "\u0000" + key);
        }

        @Override
        public LocalText describe() {
            return LocalText.of("memory (this session only)", "mémoire (cette session seulement)");
        }
    }
}
