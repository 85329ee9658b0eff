package org.cristal.publish.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The record key of each post of a publication, the same on every attempt, so a retry writes to the key
 * the first attempt used and the PDS refuses a second copy. Posts take TID keys (timestamp identifiers:
 * 13 characters of base32-sortable, microseconds since 1970 then a 10-bit clock id); here the seconds
 * are those of the scheduled time, and the microseconds and clock id come from the idempotency key.
 */
final class RecordKeys {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private RecordKeys() {
    }

    /** The key of post {@code index} (from 0) of the publication {@code idempotencyKey}. */
    static String of(String idempotencyKey, Instant scheduledAt, int index) {
        byte[] h = sha256(idempotencyKey);
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = hash << 8 | (h[i] & 0xff);
        }
        long micros = Math.max(0, scheduledAt.getEpochSecond()) * 1_000_000L
                + Math.floorMod(hash, 900_000L) + index;
        long clockId = (hash >>> 40) & 0x3ff;
        return encode((micros << 10 | clockId) & Long.MAX_VALUE);
    }

    static String encode(long value) {
        char[] out = new char[13];
        long v = value;
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
