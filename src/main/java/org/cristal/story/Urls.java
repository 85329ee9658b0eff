package org.cristal.story;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Which links may appear in an output: web and mail links only, never {@code javascript:}, {@code data:} or {@code file:}. */
public final class Urls {
    private Urls() {
    }

    /** The URL if it is an absolute http(s), mailto or tel link, trimmed. */
    public static Optional<String> safeLink(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.strip();
        // Control characters and whitespace inside a scheme are a classic filter bypass ("java\tscript:").
        for (int i = 0; i < u.length(); i++) {
            if (Character.isISOControl(u.charAt(i))) {
                return Optional.empty();
            }
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                || lower.startsWith("tel:"))) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(u.replace(" ", "%20"));
            // "https://" alone (typed half-way, or cut by a length guard) is not a link anywhere.
            if (lower.startsWith("http") && (uri.getRawAuthority() == null || uri.getRawAuthority().isBlank())) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(u);
    }

    public static boolean isRemote(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }

    /** Adds query parameters to a link, keeping any fragment at the end. Values must already be URL-safe. */
    public static String withQuery(String url, String query) {
        if (query == null || query.isEmpty()) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + query + fragment;
    }

    /**
     * Decodes %XX sequences (as UTF-8) in a relative path: Markdown renderers percent-encode what the
     * author wrote ({@code <Photo été.jpg>}), while files have real names. Anything malformed is
     * returned as it was.
     */
    public static String decodePath(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return s;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return s;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            return utf8.decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s;
        }
    }
}
