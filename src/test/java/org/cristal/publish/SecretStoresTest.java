package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    private static final String TOKEN = "mastodon-token-Zq81xV7u";
    private static final String PASSWORD = "smtp-password-Kd02pLm9";

    @TempDir
    Path dir;

    private static Supplier<Optional<char[]>> passphrase(String p) {
        return () -> Optional.of(p.toCharArray());
    }

    @Test
    void secretsSurviveASessionAndCanBeRemoved() throws Exception {
        Path file = dir.resolve("secrets.bin");
        FileSecretStore store = new FileSecretStore(file, passphrase("pain au levain"));
        assertEquals(Optional.empty(), store.get("mastodon", "token"));
        store.put("mastodon", "token", TOKEN);
        store.put("newsletter", "password", PASSWORD);

        FileSecretStore next = new FileSecretStore(file, passphrase("pain au levain"));
        assertEquals(Optional.of(TOKEN), next.get("mastodon", "token"));
        assertEquals(Optional.of(PASSWORD), next.get("newsletter", "password"));
        assertEquals(Optional.empty(), next.get("mastodon", "password"));
        next.remove("mastodon", "token");
        assertEquals(Optional.empty(), new FileSecretStore(file, passphrase("pain au levain")).get("mastodon",
                "token"));
        assertTrue(next.describe().get(Locale.FRENCH).startsWith("un fichier chiffré"));
    }

    @Test
    void theFileNeverHoldsASecretInClearAndUsesTheSlowKeyDerivation() throws Exception {
        Path file = dir.resolve("secrets.bin");
        FileSecretStore store = new FileSecretStore(file, passphrase("pain au levain"));
        store.put("mastodon", "token", TOKEN);
        store.put("newsletter", "password", PASSWORD);
        byte[] bytes = Files.readAllBytes(file);
        for (String secret : List.of(TOKEN, PASSWORD, "pain au levain")) {
            for (String form : encodings(secret)) {
                assertFalse(contains(bytes, form.getBytes(StandardCharsets.UTF_8)), "found " + form + " in the file");
            }
            assertFalse(contains(bytes, secret.getBytes(StandardCharsets.UTF_16LE)));
        }
        assertTrue(ByteBuffer.wrap(bytes, 6, 4).getInt() >= 210_000, "PBKDF2 iterations in the header");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("secrets.bin", "secrets.bin.lock"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        }
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheFileStaysAsItWas() throws Exception {
        Path file = dir.resolve("secrets.bin");
        new FileSecretStore(file, passphrase("pain au levain")).put("mastodon", "token", TOKEN);
        byte[] before = Files.readAllBytes(file);

        FileSecretStore wrong = new FileSecretStore(file, passphrase("pain de mie"));
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> wrong.get("mastodon", "token"));
        assertEquals("Wrong passphrase: the secrets file stays locked and unchanged.", e.text().get(Locale.ENGLISH));
        assertTrue(e.text().get(Locale.FRENCH).startsWith("Phrase secrète incorrecte"));
        assertThrows(SecretStoreException.class, () -> wrong.put("mastodon", "token", "overwritten"));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Optional.of(TOKEN), new FileSecretStore(file, passphrase("pain au levain")).get("mastodon",
                "token"));
    }

    @Test
    void aLockedStoreSaysSoAndADamagedFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("secrets.bin");
        assertEquals(Optional.empty(), new FileSecretStore(file, () -> {
            throw new AssertionError("nothing stored yet: no passphrase to ask");
        }).get("mastodon", "token"));
        SecretStoreException locked = assertThrows(SecretStoreException.class,
                () -> new FileSecretStore(file, Optional::empty).put("mastodon", "token", TOKEN));
        assertTrue(locked.text().get(Locale.ENGLISH).contains("locked"));
        assertFalse(Files.exists(file));

        Files.writeString(file, "{\"mastodon\u001ftoken\": \"typed by hand\"}");
        byte[] before = Files.readAllBytes(file);
        FileSecretStore store = new FileSecretStore(file, passphrase("pain au levain"));
        SecretStoreException damaged = assertThrows(SecretStoreException.class, () -> store.put("a", "b", "c"));
        assertTrue(damaged.text().get(Locale.ENGLISH).contains("damaged"));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void thePassphraseIsAskedOnceAndTheEnvironmentCanGiveIt() throws Exception {
        Path file = dir.resolve("secrets.bin");
        AtomicInteger asked = new AtomicInteger();
        SecretStore store = SecretStores.open(Map.of(SecretStores.STORE_ENV, "file"), "Linux", file, () -> {
            asked.incrementAndGet();
            return Optional.of("pain au levain".toCharArray());
        }, Duration.ofSeconds(1));
        assertInstanceOf(FileSecretStore.class, store);
        store.put("mastodon", "token", TOKEN);
        store.get("mastodon", "token");
        store.put("newsletter", "password", PASSWORD);
        assertEquals(1, asked.get(), "once per session");

        SecretStore unattended = SecretStores.open(Map.of(SecretStores.STORE_ENV, "file",
                SecretStores.PASSPHRASE_ENV, "pain au levain"), "Linux", file, () -> {
                    throw new AssertionError("cron cannot answer a prompt");
                }, Duration.ofSeconds(1));
        assertEquals(Optional.of(PASSWORD), unattended.get("newsletter", "password"));
    }

    @Test
    void withoutADesktopSessionTheKeychainIsSkippedAtOnce() {
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(Map.of("HOME", dir.toString()), "Linux", dir.resolve("secrets.bin"),
                Optional::empty, Duration.ofSeconds(10));
        assertInstanceOf(FileSecretStore.class, store);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "no wait for a missing D-Bus");
    }

    @Test
    void aKeychainThatHangsIsGivenUpAfterTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        assertEquals(Optional.empty(), KeychainSecretStore.probe(() -> {
            never.await();
            return null;
        }, Duration.ofMillis(300)));
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(waited >= 300 && waited < 5000, "waited " + waited + " ms");
    }

    @Test
    void anAccountsSecretsStayOutOfTheWorkspaceFile() throws Exception {
        Path workspaceFile = dir.resolve("levain.cristal");
        ChannelPlugin plugin = new SpecsOnly();
        SecretStore secrets = new FileSecretStore(dir.resolve("secrets.bin"), passphrase("pain au levain"));
        try (Workspace workspace = Workspace.open(workspaceFile)) {
            Accounts accounts = new Accounts(workspace.channelAccounts(), secrets);
            accounts.save(ChannelAccount.of("mastodon", "mastodon", "Boulangerie",
                    Map.of("instance", "https://piaille.fr", "token", TOKEN)), plugin);

            ChannelAccount stored = workspace.channelAccounts().get("mastodon").orElseThrow();
            assertEquals(Map.of("instance", "https://piaille.fr"), stored.settings());
            ChannelSettings settings = accounts.settings(stored, plugin);
            assertEquals(TOKEN, settings.get("token").orElseThrow());
            assertTrue(settings.isSecret("token"));
            assertFalse(settings.toString().contains(TOKEN));

            // Saving the form again without touching the masked field keeps the secret.
            accounts.save(ChannelAccount.of("mastodon", "mastodon", "Boulangerie Martin",
                    Map.of("instance", "https://piaille.fr")), plugin);
            assertEquals(Optional.of(TOKEN), secrets.get("mastodon", "token"));

            List<Path> files = workspaceFiles(workspaceFile);
            assertTrue(files.contains(Path.of(workspaceFile + "-wal")), "the write-ahead log is scanned too: " + files);
            for (Path f : files) {
                assertFalse(contains(Files.readAllBytes(f), TOKEN.getBytes(StandardCharsets.UTF_8)),
                        "the token is in " + f.getFileName());
            }
            assertTrue(accounts.delete("mastodon", plugin));
            assertEquals(Optional.empty(), secrets.get("mastodon", "token"));
        }
        for (Path f : workspaceFiles(workspaceFile)) {
            assertFalse(contains(Files.readAllBytes(f), TOKEN.getBytes(StandardCharsets.UTF_8)), f.toString());
        }
    }

    private List<Path> workspaceFiles(Path workspaceFile) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith(workspaceFile.getFileName()
                    .toString())).toList();
            assertTrue(files.contains(workspaceFile));
            return files;
        }
    }

    private static List<String> encodings(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, Base64.getEncoder().encodeToString(raw),
                Base64.getEncoder().withoutPadding().encodeToString(raw).substring(0, raw.length),
                HexFormat.of().formatHex(raw));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A plugin that only declares settings: an instance URL and a secret token. */
    private static final class SpecsOnly implements ChannelPlugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("mastodon", LocalText.of("Mastodon"),
                    java.util.Set.of(org.cristal.story.Channel.SOCIAL));
        }

        @Override
        public List<SettingSpec> settings() {
            return List.of(SettingSpec.required("instance", SettingSpec.Type.URL, LocalText.of("Server"), null),
                    SettingSpec.secret("token", LocalText.of("Token"), null));
        }

        @Override
        public LocalText testConnection(ChannelSettings s, PublishContext c) {
            return LocalText.of("ok");
        }

        @Override
        public PublishResult publish(PublishRequest r, PublishContext c) {
            throw new UnsupportedOperationException();
        }
    }
}
