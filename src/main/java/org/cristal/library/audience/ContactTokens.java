package org.cristal.library.audience;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each contact's own link token: the {@code utm_content} of a personalised brochure's QR code or of a
 * scenario's e-mail links, so imported analytics can say that this contact visited, without their
 * name or address ever leaving in a link. A keyed hash of the contact's id with the workspace's own
 * salt: stable, lower-case letters and digits, meaningless outside the workspace, and not reversible
 * without it (reading a token back means computing every contact's).
 */
public final class ContactTokens {
    /** Ten characters of base 32: 50 bits, no collision to fear among a small business's contacts. */
    private static final int LENGTH = 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final byte[] key;

    /** Tokens keyed by {@code salt} (the workspace's {@link Audience#salt()}). */
    public ContactTokens(String salt) {
        this.key = ("cristal-token:" + salt).getBytes(StandardCharsets.UTF_8);
    }

    /** The contact's token, for example {@code k3v9q2mzta}. */
    public String token(long contactId) {
        return token(mac(), contactId);
    }

    private static String token(Mac mac, long contactId) {
        byte[] h = mac.doFinal(Long.toString(contactId).getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(LENGTH);
        long bits = 0;
        int have = 0;
        for (int i = 0; out.length() < LENGTH; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
            have += 8;
            while (have >= 5 && out.length() < LENGTH) {
                out.append(ALPHABET[(int) ((bits >>> (have - 5)) & 31)]);
                have -= 5;
            }
        }
        return out.toString();
    }

    /** Which of {@code contactIds} each token belongs to (token → contact id); tokens of nobody are absent. */
    public Map<String, Long> owners(Iterable<Long> contactIds, Set<String> tokens) {
        Map<String, Long> out = new HashMap<>();
        // One keyed hash for all: setting up a Mac costs more than hashing (100,000 contacts: about 3 times faster).
        Mac mac = mac();
        for (long id : contactIds) {
            String t = token(mac, id);
            if (tokens.contains(t)) {
                out.put(t, id);
            }
        }
        return out;
    }

    /** Whether {@code text} has the shape of a token (a quick filter before {@link #owners}). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() == LENGTH && text.toLowerCase(Locale.ROOT).equals(text)
                && text.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '2' && ch <= '7'));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
