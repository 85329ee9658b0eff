package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets file is read and written with its own salt and iteration count, never another. */
class SecretFileParametersTest {
    private static final String PASSPHRASE = "pain au levain";
    private static final String TOKEN = "mastodon-token-Zq81xV7u";

    @TempDir
    Path dir;

    /** A secrets file as another Cristal wrote it (the documented layout), sealed here independently. */
    private static void writeFile(Path file, int iterations, Map<String, String> secrets) throws Exception {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(nonce);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(head)) {
            out.write(new byte[] {'C', 'R', 'S', 'E', 'C', 1});
            out.writeInt(iterations);
            out.write(salt);
        }
        byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSPHRASE.toCharArray(), salt, iterations, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(head.toByteArray());
        byte[] sealed = cipher.doFinal(new ObjectMapper().writeValueAsBytes(secrets));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head.toByteArray());
        all.write(nonce);
        all.write(sealed);
        Files.write(file, all.toByteArray());
    }

    private static int iterationsIn(Path file) throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(file), 6, 4).getInt();
    }

    @Test
    void aFileWrittenWithAnotherIterationCountOpensAndKeepsItsSecretsAfterAWrite() throws Exception {
        Path file = dir.resolve("secrets.bin");
        writeFile(file, 100_000, Map.of("mastodon\u001ftoken", TOKEN));
        FileSecretStore store = new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray()));
        assertEquals(Optional.of(TOKEN), store.get("mastodon", "token"));
        store.put("newsletter", "password", "smtp-password-Kd02pLm9");

        FileSecretStore nextSession = new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray()));
        assertEquals(Optional.of(TOKEN), nextSession.get("mastodon", "token"));
        assertEquals(Optional.of("smtp-password-Kd02pLm9"), nextSession.get("newsletter", "password"));
    }

    @Test
    void aFileWithFewerIterationsThanTheDefaultIsSealedAgainWithTheDefaultAtUnlock() throws Exception {
        Path file = dir.resolve("secrets.bin");
        writeFile(file, 100_000, Map.of("mastodon\u001ftoken", TOKEN));
        new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray())).get("mastodon", "token");
        assertEquals(600_000, iterationsIn(file));
        assertEquals(Optional.of(TOKEN),
                new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray())).get("mastodon", "token"));
    }

    @Test
    void aFileWithMoreIterationsThanTheDefaultKeepsItsOwnCount() throws Exception {
        Path file = dir.resolve("secrets.bin");
        writeFile(file, 700_000, Map.of("mastodon\u001ftoken", TOKEN));
        FileSecretStore store = new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray()));
        store.put("x", "token", "x-token-Pq");
        assertEquals(700_000, iterationsIn(file));
        assertEquals(Optional.of(TOKEN),
                new FileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray())).get("mastodon", "token"));
    }

    @Test
    void aNewFileUsesSixHundredThousandIterationsAndItsPassphraseIsAskedAsBeingChosen() throws Exception {
        Path file = dir.resolve("secrets.bin");
        List<Boolean> asked = new ArrayList<>();
        PassphraseSource prompt = choosing -> {
            asked.add(choosing);
            return Optional.of(PASSPHRASE.toCharArray());
        };
        new FileSecretStore(file, prompt).put("mastodon", "token", TOKEN);
        assertEquals(600_000, iterationsIn(file));
        assertEquals(Optional.of(TOKEN), new FileSecretStore(file, prompt).get("mastodon", "token"));
        assertEquals(List.of(true, false), asked, "chosen once (asked twice by the prompt), then unlocked");
    }
}
