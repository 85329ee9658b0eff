package org.cristal.publish.ghost;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived token Ghost's Admin API takes ({@code Authorization: Ghost <token>}): a JSON Web Token
 * signed HS256 with the secret half of the Admin API key ({@code id:secret}, both hex), the id as
 * {@code kid}, audience {@code /admin/}, valid five minutes. Three small JSON objects and one HMAC do
 * not justify a JWT library.
 */
final class GhostToken {
    static final Pattern KEY = Pattern.compile("([0-9a-fA-F]{1,64}):((?:[0-9a-fA-F]{2}){16,64})");
    static final long LIFETIME_SECONDS = 300;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private GhostToken() {
    }

    static boolean isKey(String key) {
        return KEY.matcher(key.strip()).matches();
    }

    /** A token for {@code key} issued at {@code now}; the key must pass {@link #isKey}. */
    static String create(String key, Instant now) {
        var m = KEY.matcher(key.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Admin API key");
        }
        long iat = now.getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"kid\":\"" + m.group(1) + "\",\"typ\":\"JWT\"}";
        String payload = "{\"iat\":" + iat + ",\"exp\":" + (iat + LIFETIME_SECONDS) + ",\"aud\":\"/admin/\"}";
        String signed = b64(header) + "." + b64(payload);
        return signed + "." + B64.encodeToString(hmac(HexFormat.of().parseHex(m.group(2)), signed));
    }

    static byte[] hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
