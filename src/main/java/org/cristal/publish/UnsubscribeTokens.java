package org.cristal.publish;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;

/**
 * The per-recipient tokens of unsubscribe links and {@code mailto:} requests: {@code 1234.email-marketing.
 * k3j5…}, the contact's id, the list (channel and purpose) and an HMAC-SHA256 of both under a secret of the
 * workspace kept in the {@link SecretStore} (never in the workspace file). A token cannot be guessed or
 * made for another contact, and carries nothing personal. Verifying one only tells who asked: what a
 * request does is decided elsewhere (a GET alone never unsubscribes, see docs/audience.md).
 */
public final class UnsubscribeTokens {
    /** The secret store's "account" for the workspace's own secrets, followed by the workspace's salt. */
    static final String ACCOUNT_PREFIX = "workspace:";
    static final String KEY = "unsubscribe-hmac";
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.([a-z]+)-([a-z]+)\\.([a-z2-7]{26})");
    /** A double opt-in confirmation: {@code 1234.ok-email-marketing.k3j5…}, signed apart from unsubscribes. */
    private static final Pattern CONFIRM = Pattern.compile("(\\d{1,18})\\.ok-([a-z]+)-([a-z]+)\\.([a-z2-7]{26})");
    private static final String CONFIRM_SIGNED = "confirm:";

    /** Who a valid token names. */
    public record Request(long contactId, ContactChannel channel, Purpose purpose) {
    }

    private final byte[] secret;

    UnsubscribeTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * The tokens of the workspace whose address-hash salt is {@code workspaceSalt}, making its secret on
     * first use.
     */
    public static UnsubscribeTokens of(SecretStore store, String workspaceSalt) throws SecretStoreException {
        String account = ACCOUNT_PREFIX + workspaceSalt;
        Optional<String> found = store.get(account, KEY);
        if (found.isPresent()) {
            return new UnsubscribeTokens(Base64.getDecoder().decode(found.get()));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        store.put(account, KEY, Base64.getEncoder().encodeToString(fresh));
        return new UnsubscribeTokens(fresh);
    }

    public String token(long contactId, ContactChannel channel, Purpose purpose) {
        String list = channel.id() + "-" + purpose.id();
        return contactId + "." + list + "." + mac(contactId + "." + list);
    }

    /**
     * The token of a double opt-in confirmation message for the contact and list: it confirms, never
     * unsubscribes, and an unsubscribe token never confirms (they are signed differently).
     */
    public String confirmToken(long contactId, ContactChannel channel, Purpose purpose) {
        String list = channel.id() + "-" + purpose.id();
        return contactId + ".ok-" + list + "." + mac(CONFIRM_SIGNED + contactId + "." + list);
    }

    /** The request {@code text} carries (a subject line, a URL, a form field), if it holds a valid token. */
    public Optional<Request> verify(String text) {
        return find(TOKEN, "", text);
    }

    /** The confirmation {@code text} carries, if it holds a valid {@link #confirmToken}. */
    public Optional<Request> verifyConfirm(String text) {
        return find(CONFIRM, CONFIRM_SIGNED, text);
    }

    private Optional<Request> find(Pattern pattern, String prefix, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = pattern.matcher(lower);
        // Each start tried in turn: in "subject=unsubscribe%2012.email-…" the first match is "2012.", whose
        // check fails, and the real token starts inside it.
        for (int from = 0; from < lower.length() && m.find(from); from = m.start() + 1) {
            String signed = prefix + m.group(1) + "." + m.group(2) + "-" + m.group(3);
            byte[] expected = mac(signed).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
                Optional<ContactChannel> channel = ContactChannel.of(m.group(2));
                Optional<Purpose> purpose = Purpose.of(m.group(3));
                if (channel.isPresent() && purpose.isPresent()) {
                    return Optional.of(new Request(Long.parseLong(m.group(1)), channel.get(), purpose.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** 128 bits of the HMAC, in lower-case base32 (26 letters): survives subject lines and URLs untouched. */
    private String mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            return base32(java.util.Arrays.copyOf(full, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
