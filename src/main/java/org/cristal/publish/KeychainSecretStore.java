package org.cristal.publish;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * Secrets in the operating system's keychain through java-keyring: the macOS Keychain, the Windows
 * Credential Manager, or the Secret Service (GNOME Keyring, KeePassXC …) over D-Bus on Linux. Entries are
 * filed under the service {@value #SERVICE}, named {@code account/key}.
 */
public final class KeychainSecretStore implements SecretStore, AutoCloseable {
    /** The service name the entries are filed under. */
    public static final String SERVICE = "Cristal";
    private static final String PROBE_ENTRY = "cristal-probe";
    private static final System.Logger LOG = System.getLogger(KeychainSecretStore.class.getName());
    /**
     * The D-Bus and Secret Service libraries log every signal at INFO; the user needs their warnings only.
     * Held here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger DBUS_LOG = quiet("org.freedesktop");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private final Keyring keyring;

    KeychainSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The keychain, if one answers within {@code timeout}. On Linux without a D-Bus session (a server, a
     * CI machine, cron) it says no at once; elsewhere the probe runs on its own thread, so a keychain that
     * hangs costs {@code timeout}, not the session.
     */
    public static Optional<KeychainSecretStore> probe(Map<String, String> env, String osName, Duration timeout) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.startsWith("windows") && !os.startsWith("mac") && !hasSessionBus(env)) {
            return Optional.empty();
        }
        AtomicReference<Keyring> opened = new AtomicReference<>();
        Optional<Keyring> keyring = probe(() -> {
            Keyring k = Keyring.create();
            opened.set(k);
            // A round trip, not just a connection: a keyring that is locked and cannot prompt (no display,
            // an SSH session) answers the bus but never stores anything.
            String value = "probe-" + System.nanoTime();
            k.setPassword(SERVICE, PROBE_ENTRY, value);
            String back = k.getPassword(SERVICE, PROBE_ENTRY);
            k.deletePassword(SERVICE, PROBE_ENTRY);
            if (!value.equals(back)) {
                throw new IllegalStateException("the keychain did not return what it stored");
            }
            return k;
        }, timeout);
        if (keyring.isEmpty() && opened.get() != null) {
            // Closing the bus connection also frees the probe thread if it is still waiting on it.
            closeQuietly(opened.get());
        }
        return keyring.map(KeychainSecretStore::new);
    }

    /** Opens a keyring with {@code opener} on a daemon thread, giving up after {@code timeout}. */
    static Optional<Keyring> probe(Callable<Keyring> opener, Duration timeout) {
        FutureTask<Keyring> task = new FutureTask<>(opener);
        Thread thread = new Thread(task, "keychain probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.ofNullable(task.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.log(System.Logger.Level.INFO, "the keychain did not answer within " + timeout + ", using the file");
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.INFO, "no usable keychain, using the file: " + e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean hasSessionBus(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
    }

    @Override
    public Optional<String> get(String account, String key) throws SecretStoreException {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account + "/" + key));
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry this way too; a refusal shows as a missing secret.
            LOG.log(System.Logger.Level.DEBUG, "no keychain entry for " + account + "/" + key);
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void put(String account, String key, String value) throws SecretStoreException {
        try {
            keyring.setPassword(SERVICE, account + "/" + key, value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void remove(String account, String key) throws SecretStoreException {
        try {
            keyring.deletePassword(SERVICE, account + "/" + key);
        } catch (PasswordAccessException e) {
            LOG.log(System.Logger.Level.DEBUG, "nothing to remove for " + account + "/" + key);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public LocalText describe() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        String which = switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "secrets.store.macos";
            case WINDOWS_CREDENTIAL_STORE -> "secrets.store.windows";
            case KWALLET -> "secrets.store.kwallet";
            default -> "secrets.store.secretService";
        };
        return LocalText.fromBundle(PublishException.BUNDLE, which);
    }

    private static SecretStoreException failure(Exception e) {
        // The library's message may quote the entry; the user gets a sentence, the log the cause.
        LOG.log(System.Logger.Level.WARNING, "keychain refused an operation", e);
        return new SecretStoreException(LocalText.fromBundle(PublishException.BUNDLE, "secrets.error.keychain"), e);
    }

    /** Closes the connection to the keychain (on Linux, a D-Bus connection and its threads). */
    @Override
    public void close() {
        closeQuietly(keyring);
    }

    private static void closeQuietly(Keyring keyring) {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the keychain", e);
        }
    }
}
