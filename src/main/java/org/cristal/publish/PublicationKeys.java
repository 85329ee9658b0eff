package org.cristal.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The idempotency keys of outbox entries: {@code prefix} and the first 16 bytes of the SHA-256 of what makes
 * the publication itself, in hex. The same text gives the same key on every machine and every attempt, which
 * is what keeps a publication from going twice. The texts are the callers' (an ordinary send, an A/B send, a
 * scenario's step): a key already in an outbox must never change, so they stay exactly as they were written.
 */
public final class PublicationKeys {
    private PublicationKeys() {
    }

    public static String of(String prefix, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
