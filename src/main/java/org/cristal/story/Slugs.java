package org.cristal.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL- and file-safe identifiers from titles: {@code "Réparer plutôt que jeter"} → {@code reparer-plutot-que-jeter}. */
public final class Slugs {
    /** What a made slug is cut to: long enough for a real title, short enough for a shared link. */
    public static final int MAX = 60;
    /** What a slug written by hand may reach (WordPress allows 200; links longer than this are unreadable). */
    public static final int MAX_WRITTEN = 100;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /**
     * Lower case ASCII letters and digits, runs of anything else as one hyphen, at most 60 characters;
     * "story" when nothing is left. Story and brand ids are made with it: it must stay as it is, or a file
     * imported again would land under another id.
     */
    public static String slug(String text) {
        String folded = foldAccents(text == null ? "" : text).toLowerCase(Locale.ROOT);
        return trimmed(hyphenated(folded, MAX));
    }

    /** Letters and digits kept, every run of anything else as one hyphen, until {@code length} is reached. */
    private static StringBuilder hyphenated(String folded, int length) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < folded.length() && out.length() < length; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        return out;
    }

    /**
     * A story's web address made from its title: like {@link #slug} but cut after the last whole word
     * that fits, and with the Latin letters that have no accent to strip spelled in ASCII (ø → o, ł → l).
     */
    public static String fromTitle(String title) {
        String folded = foldLetters(foldAccents(title == null ? "" : title)).toLowerCase(Locale.ROOT);
        // One character past the limit tells whether the cut falls inside a word.
        StringBuilder out = hyphenated(folded, MAX + 1);
        if (out.length() > MAX) {
            int cut = out.lastIndexOf("-", MAX);
            out.setLength(cut >= MAX / 2 ? cut : MAX);
        }
        return trimmed(out);
    }

    private static String trimmed(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "story" : out.toString();
    }

    /** True for what {@link #slug} makes: lower case letters, digits, single hyphens between them. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_WRITTEN && VALID.matcher(slug).matches();
    }

    /** {@code base} if it is free, else {@code base-2}, {@code base-3}… (the base shortened so the suffix fits). */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String head = base.length() + suffix.length() > MAX_WRITTEN
                    ? base.substring(0, MAX_WRITTEN - suffix.length()).replaceAll("-+$", "") : base;
            String candidate = head + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** Removes diacritics and expands ligatures French uses: é → e, œ → oe, æ → ae. */
    public static String foldAccents(String text) {
        String expanded = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        return Normalizer.normalize(expanded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * Latin letters that have no accent to remove but a usual ASCII spelling in addresses. Kept out of
     * {@link #foldAccents}, which the search index also uses: changing it would need a reindex.
     */
    private static String foldLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ø', 'Ø' -> out.append('o');
                case 'ł', 'Ł' -> out.append('l');
                case 'đ', 'Đ', 'ð', 'Ð' -> out.append('d');
                case 'þ', 'Þ' -> out.append("th");
                case 'ẞ' -> out.append("ss");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
