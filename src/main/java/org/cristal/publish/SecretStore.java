package org.cristal.publish;

import java.util.Optional;
import org.cristal.publish.spi.LocalText;

/**
 * Where passwords and tokens live: the operating system's keychain, or else a file encrypted with a key
 * the user unlocks. Never the workspace file. Keys are an account id plus a setting key.
 */
public interface SecretStore {
    Optional<String> get(String account, String key) throws SecretStoreException;

    void put(String account, String key, String value) throws SecretStoreException;

    void remove(String account, String key) throws SecretStoreException;

    /** Where secrets go, for the settings screen ("GNOME Keyring", "encrypted file …"). */
    LocalText describe();
}
