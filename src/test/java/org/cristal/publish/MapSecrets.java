package org.cristal.publish;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.publish.spi.LocalText;

/** A secret store in a map, as a keychain would hold it: for tests. */
public final class MapSecrets implements SecretStore {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String account, String key) {
        return Optional.ofNullable(values.get(account + "/" + key));
    }

    @Override
    public void put(String account, String key, String value) {
        values.put(account + "/" + key, value);
    }

    @Override
    public void remove(String account, String key) {
        values.remove(account + "/" + key);
    }

    @Override
    public LocalText describe() {
        return LocalText.of("memory");
    }
}
