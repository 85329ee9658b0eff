package org.cristal.publish.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets out of text a service sent back, in the forms services echo them: as typed,
 * URL-encoded ({@code +} or {@code %20} for a space, either case of hex digits), base64 (standard or
 * URL-safe, with or without padding), hex, and inside a longer encoded run such as a Basic-auth
 * {@code user:secret} or a base64 JSON document. Blanking too much is harmless; one leak is not.
 */
public final class SecretForms {
    /** What a blanked secret becomes. */
    public static final String MASK = "•••";
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");
    private static final Pattern HEX_RUN = Pattern.compile("\\b(?:[0-9A-Fa-f]{2}){4,}\\b");
    private static final Pattern PERCENT_RUN = Pattern.compile("[^\\s%]*(?:%[0-9A-Fa-f]{2}[^\\s%]*)+");

    private SecretForms() {
    }

    /** {@code text} with every form of every non-blank secret replaced by {@link #MASK}. */
    public static String blank(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> wanted = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (wanted.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : wanted) {
            for (String form : forms(secret)) {
                out = replaceIgnoringCase(out, form);
            }
        }
        // What a fixed list of forms misses: a secret inside a longer encoded value.
        out = blankRuns(out, PERCENT_RUN, wanted, SecretForms::percentDecoded);
        out = blankRuns(out, BASE64_RUN, wanted, SecretForms::base64Decoded);
        out = blankRuns(out, HEX_RUN, wanted, SecretForms::hexDecoded);
        return out;
    }

    /** The secret as typed and encoded, longest first so a form never leaves part of a longer one. */
    static Set<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String plus = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        Set<String> out = new LinkedHashSet<>();
        for (String f : List.of(plus.replace("+", "%20"), plus, Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes), HexFormat.of().formatHex(bytes), secret)) {
            out.add(f);
            out.add(stripPadding(f));
        }
        return out;
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Case matters in base64, but a case-insensitive match only ever blanks more: for a random token the
     * chance that another word matches it in every letter but case is nil.
     */
    private static String replaceIgnoringCase(String text, String form) {
        if (form.length() < 3) {
            return form.isEmpty() ? text : text.replace(form, MASK);
        }
        return Pattern.compile(Pattern.quote(form), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(MASK));
    }

    private interface Decoder {
        List<String> decode(String run);
    }

    private static String blankRuns(String text, Pattern run, List<String> secrets, Decoder decoder) {
        Matcher m = run.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean hides = decoder.decode(m.group()).stream().anyMatch(d -> secrets.stream().anyMatch(d::contains));
            m.appendReplacement(out, Matcher.quoteReplacement(hides ? MASK : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> percentDecoded(String run) {
        try {
            // URLDecoder reads "+" as a space; a service that encodes with %20 leaves "+" meaning itself.
            return List.of(URLDecoder.decode(run, StandardCharsets.UTF_8),
                    URLDecoder.decode(run.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<String> base64Decoded(String run) {
        String normal = stripPadding(run).replace('-', '+').replace('_', '/');
        List<String> out = new java.util.ArrayList<>();
        // The run may start with a word glued to the value ("token_…"): try each of the four alignments.
        for (int skip = 0; skip < 4 && normal.length() - skip >= 4; skip++) {
            String part = normal.substring(skip);
            // An unpadded run of 4n+1 characters is not base64; its first 4n may be.
            if (part.length() % 4 == 1) {
                part = part.substring(0, part.length() - 1);
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(part + "==".substring(0, (4 - part.length() % 4) % 4));
                out.add(new String(bytes, StandardCharsets.UTF_8));
                out.add(new String(bytes, StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException e) {
                // Not base64 at this alignment.
            }
        }
        return out;
    }

    private static List<String> hexDecoded(String run) {
        try {
            byte[] bytes = HexFormat.of().parseHex(run.toLowerCase(Locale.ROOT));
            return List.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
