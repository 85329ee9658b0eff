package org.cristal.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.cristal.library.WorkspaceLocations;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * Secrets in one file of the user's data folder, encrypted with AES-256-GCM under a key derived from a
 * passphrase (PBKDF2-HMAC-SHA256 with a random salt; the iteration count is kept in the file, and new files
 * get {@value #ITERATIONS}). The passphrase is asked once per session, when a secret is first needed; only
 * the derived key stays in memory.
 *
 * <p>A file is always read and rewritten with its own salt and iteration count: stamping another count on
 * it would make the next unlock derive another key ("wrong passphrase") and lose every secret. A file made
 * with fewer iterations than today's default is sealed again with the default, under a new salt, right
 * after a successful unlock, while the passphrase is at hand.
 *
 * <p>File layout: {@code CRSEC} and a version byte, the iteration count (int), the 16-byte salt, the
 * 12-byte nonce, then the sealed JSON of every secret; the header is authenticated with it, so any change
 * is refused rather than read wrong. Every write seals the whole set again under a fresh nonce into a
 * temporary file moved over the old one, so a crash or a wrong passphrase never leaves a damaged file.
 */
public final class FileSecretStore implements SecretStore {
    /**
     * PBKDF2 iterations for new files: OWASP's figure for PBKDF2-HMAC-SHA256 (its 210,000 is the one for
     * HMAC-SHA512). Its cost (of the order of a second with the JDK's PBKDF2) is paid once per session.
     */
    public static final int ITERATIONS = 600_000;
    /** The file's name in Cristal's data folder. */
    public static final String FILE_NAME = "secrets.bin";
    private static final byte[] MAGIC = {'C', 'R', 'S', 'E', 'C', 1};
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int HEADER = MAGIC.length + 4 + SALT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final PassphraseSource passphrase;
    private final int newIterations;
    private SecretKey key;
    private byte[] salt;
    /** The iteration count {@link #key} was derived with, written back with it. */
    private int iterations;

    /**
     * @param file       where the secrets are (created at the first {@link #put})
     * @param passphrase asked when the store must be unlocked or its passphrase chosen; empty when the user
     *                   declines. The array is wiped after use.
     */
    public FileSecretStore(Path file, PassphraseSource passphrase) {
        this(file, passphrase, ITERATIONS);
    }

    /** As above, with a prompt that does not tell choosing from unlocking (tests). */
    public FileSecretStore(Path file, Supplier<Optional<char[]>> passphrase) {
        this(file, PassphraseSource.of(passphrase));
    }

    /** With another iteration count for new files: lets tests make a file as another version did. */
    FileSecretStore(Path file, PassphraseSource passphrase, int newIterations) {
        this.file = file.toAbsolutePath();
        this.passphrase = Objects.requireNonNull(passphrase);
        this.newIterations = newIterations;
    }

    /** {@value #FILE_NAME} in the folder that holds the default workspace. */
    public static Path defaultFile() {
        return WorkspaceLocations.defaultPath().getParent().resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> get(String account, String key) throws SecretStoreException {
        try (FileLock lock = lock()) {
            return Optional.ofNullable(read(false).get(name(account, key)));
        } catch (IOException e) {
            throw failure("secrets.error.io", e);
        }
    }

    @Override
    public synchronized void put(String account, String key, String value) throws SecretStoreException {
        Objects.requireNonNull(value);
        try (FileLock lock = lock()) {
            Map<String, String> all = read(true);
            all.put(name(account, key), value);
            write(all);
        } catch (IOException e) {
            throw failure("secrets.error.io", e);
        }
    }

    @Override
    public synchronized void remove(String account, String key) throws SecretStoreException {
        try (FileLock lock = lock()) {
            Map<String, String> all = read(false);
            if (all.remove(name(account, key)) != null) {
                write(all);
            }
        } catch (IOException e) {
            throw failure("secrets.error.io", e);
        }
    }

    @Override
    public LocalText describe() {
        return LocalText.fromBundle(PublishException.BUNDLE, "secrets.store.file", file.toString());
    }

    /** Forgets the key: the passphrase is asked again at the next use. */
    public synchronized void forget() {
        key = null;
        salt = null;
        iterations = 0;
    }

    private static String name(String account, String key) {
        // U+001F cannot be typed in an account id or a setting key, so names never collide.
        return account + '\u001f' + key;
    }

    /** Whether the file exists yet: the studio asks to choose a passphrase, or to enter it. */
    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Every secret, unlocking the file on first use; an empty set while the file does not exist, for which
     * only a write asks for the passphrase that will protect it.
     */
    private Map<String, String> read(boolean forWrite) throws IOException, SecretStoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (forWrite && key == null) {
                byte[] fresh = newSalt();
                key = derive(ask(true), fresh, newIterations);
                salt = fresh;
                iterations = newIterations;
            }
            return new TreeMap<>();
        }
        if (bytes.length < HEADER + NONCE + 16 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw failure("secrets.error.damaged", null);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int fileIterations = in.getInt();
        byte[] fileSalt = new byte[SALT];
        in.get(fileSalt);
        if (fileIterations < 1 || fileIterations > 10_000_000) {
            throw failure("secrets.error.damaged", null);
        }
        boolean known = key != null && Arrays.equals(salt, fileSalt) && iterations == fileIterations;
        char[] given = known ? null : ask(false);
        SecretKey k;
        try {
            k = known ? key : derive(given.clone(), fileSalt, fileIterations);
            Map<String, String> all = open(bytes, k);
            key = k;
            salt = fileSalt;
            iterations = fileIterations;
            if (given != null && fileIterations < newIterations) {
                // The default rose since this file was made: seal it again now, the passphrase is at hand.
                byte[] fresh = newSalt();
                key = derive(given.clone(), fresh, newIterations);
                salt = fresh;
                iterations = newIterations;
                try {
                    write(all);
                } catch (IOException e) {
                    // A read-only folder: keep using the file as it is, and try again at the next unlock.
                    key = k;
                    salt = fileSalt;
                    iterations = fileIterations;
                }
            }
            return all;
        } finally {
            if (given != null) {
                Arrays.fill(given, '\0');
            }
        }
    }

    private Map<String, String> open(byte[] bytes, SecretKey k) throws IOException, SecretStoreException {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, bytes, HEADER, NONCE));
            cipher.updateAAD(bytes, 0, HEADER);
            plain = cipher.doFinal(bytes, HEADER + NONCE, bytes.length - HEADER - NONCE);
        } catch (AEADBadTagException e) {
            // A wrong passphrase and a tampered file look the same to GCM; the first is far likelier.
            if (k == key) {
                key = null;
            }
            throw failure("secrets.error.wrongPassphrase", null);
        } catch (GeneralSecurityException e) {
            throw failure("secrets.error.damaged", e);
        }
        try {
            return new TreeMap<>(JSON.readValue(plain, new TypeReference<Map<String, String>>() { }));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void write(Map<String, String> all) throws IOException, SecretStoreException {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.write(MAGIC);
            out.writeInt(iterations);
            out.write(salt);
        }
        byte[] head = header.toByteArray();
        byte[] plain = JSON.writeValueAsBytes(all);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(head);
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw failure("secrets.error.io", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            restrict(temp);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(head));
                out.write(ByteBuffer.wrap(nonce));
                out.write(ByteBuffer.wrap(sealed));
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] newSalt() {
        byte[] fresh = new byte[SALT];
        RANDOM.nextBytes(fresh);
        return fresh;
    }

    private char[] ask(boolean choosing) throws SecretStoreException {
        Optional<char[]> given = passphrase.ask(choosing);
        if (given == null || given.isEmpty() || given.get().length == 0) {
            throw new SecretStoreException.Locked(
                    LocalText.fromBundle(PublishException.BUNDLE, "secrets.error.locked", file.toString()));
        }
        return given.get();
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws SecretStoreException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException(LocalText.fromBundle(PublishException.BUNDLE, "secrets.error.io"), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Serialises writers across processes (the studio and a cron job) on a lock file beside the store. */
    private FileLock lock() throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        return new FileLock(channel, 0, Long.MAX_VALUE, false) {
            @Override
            public boolean isValid() {
                return lock.isValid();
            }

            @Override
            public void release() throws IOException {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            }
        };
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the file inherits the per-user ACL of %APPDATA%.
        }
    }

    private SecretStoreException failure(String messageKey, Throwable cause) {
        return new SecretStoreException(LocalText.fromBundle(PublishException.BUNDLE, messageKey, file.toString()),
                cause);
    }
}
