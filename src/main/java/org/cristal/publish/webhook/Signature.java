package org.cristal.publish.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook's signature: HMAC-SHA256 over {@code timestamp + "." + body}, as Stripe signs its events. */
public final class Signature {
    private Signature() {
    }

    /** The hex signature a sender puts after {@code sha256=}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver checks: the header matches, in constant time, and the timestamp is within five minutes. */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body,
            long nowEpochSecond) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowEpochSecond - ts) > 300) {
            return false;
        }
        byte[] expected = sign(secret, timestampHeader.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.substring("sha256=".length()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
