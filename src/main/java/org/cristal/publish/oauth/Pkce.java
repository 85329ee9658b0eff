package org.cristal.publish.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636): the verifier stays in Cristal, only its S256 challenge goes
 * through the browser, so a code caught by another program on the machine is useless without it.
 */
public record Pkce(String verifier, String challenge) {
    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    /** 64 characters of 66 possible: 384 bits, well above the RFC's 256. */
    private static final int LENGTH = 64;

    public Pkce {
        if (verifier.length() < 43 || verifier.length() > 128
                || !verifier.chars().allMatch(c -> UNRESERVED.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a PKCE verifier has 43 to 128 unreserved characters");
        }
    }

    /** A fresh verifier and its challenge. */
    public static Pkce create(SecureRandom random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
        }
        String verifier = b.toString();
        return new Pkce(verifier, challenge(verifier));
    }

    /** BASE64URL(SHA256(ASCII(verifier))) without padding, the "S256" method. */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A random {@code state} value, to tie the redirect to this attempt. */
    public static String state(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}
