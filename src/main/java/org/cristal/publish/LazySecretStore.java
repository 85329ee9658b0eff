package org.cristal.publish;

import java.util.Optional;
import java.util.function.Supplier;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * The user's secret store, opened only when a secret is first read or written: probing the keychain takes
 * a second or two, which neither start-up nor a command that needs no secret should pay. Never call it on
 * the UI thread.
 */
final class LazySecretStore implements SecretStore {
    private final Supplier<SecretStore> opener;
    private SecretStore store;

    LazySecretStore(Supplier<SecretStore> opener) {
        this.opener = opener;
    }

    private synchronized SecretStore store() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    @Override
    public Optional<String> get(String account, String key) throws SecretStoreException {
        return store().get(account, key);
    }

    @Override
    public void put(String account, String key, String value) throws SecretStoreException {
        store().put(account, key, value);
    }

    @Override
    public void remove(String account, String key) throws SecretStoreException {
        store().remove(account, key);
    }

    /** Says where secrets go without opening the store when it is not open yet. */
    @Override
    public synchronized LocalText describe() {
        return store != null ? store.describe() : LocalText.fromBundle(PublishException.BUNDLE, "secrets.lazy");
    }
}
