package org.cristal.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Run by {@link KeychainSecretStoreTest} in a child JVM inside its own D-Bus session: opens the secret
 * store as Cristal does and reports on standard output which it chose and whether a secret came back.
 */
public final class KeychainRoundTrip {
    private KeychainRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(System.getenv(), System.getProperty("os.name"), Path.of(args[0]),
                () -> Optional.of("pain au levain".toCharArray()), Duration.ofSeconds(5));
        long ms = (System.nanoTime() - start) / 1_000_000;
        store.put("mastodon", "token", "tok-keychain-4e1f");
        String back = store.get("mastodon", "token").orElse("");
        store.remove("mastodon", "token");
        System.out.println("store=" + store.getClass().getSimpleName() + " ms=" + ms + " back=" + back
                + " removed=" + store.get("mastodon", "token").isEmpty());
        // No System.exit: the JVM ends on its own only if no connection to the keychain is left open.
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
