package org.cristal.render.brochure;

import io.github.nianna.api.HyphenatedToken;
import io.github.nianna.api.Hyphenator;
import io.github.nianna.api.HyphenatorProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Soft hyphens (U+00AD) where French or English words may break, from the TeX patterns shipped in
 * {@code assets/hyphen} (Liang's algorithm, by the nianna hyphenator). openhtmltopdf breaks a line at a
 * soft hyphen only when it must, and draws the hyphen only there. Only plain words are touched:
 * anything with a digit, a slash, an at sign, a dot or a colon inside (addresses, e-mails, prices,
 * code) is left whole, as are short words and words in capitals (acronyms, brand names).
 */
final class Hyphenation {
    static final char SOFT_HYPHEN = '\u00AD';
    /** "levain" may break, "pain" stays whole: a hyphen saves too little on a short word and reads badly. */
    private static final int MIN_WORD = 6;
    private static final String ROOT = "/cristal-assets/hyphen/";
    private static final Map<String, Optional<Hyphenation>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Hyphenator hyphenator;

    private Hyphenation(Hyphenator hyphenator) {
        this.hyphenator = hyphenator;
    }

    /** The hyphenation of a language tag ("fr", "fr-CA", "en-GB" …), if Cristal ships its patterns. */
    static Optional<Hyphenation> of(String languageTag) {
        String primary = languageTag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        String file = switch (primary) {
            case "fr" -> "hyph_fr.dic";
            case "en" -> "hyph_en_US.dic";
            default -> "";
        };
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return BY_LANGUAGE.computeIfAbsent(file, f -> Optional.of(new Hyphenation(load(f))));
    }

    /** The text with soft hyphens in its long plain words; spaces and everything else unchanged. */
    String hyphenate(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            word(text.substring(start, i), out);
            int spaces = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            out.append(text, spaces, i);
        }
        return out.toString();
    }

    // A run of non-space characters: leading and trailing punctuation kept aside, hyphenated compounds
    // ("peut-être", "well-known") and elisions ("l’atelier") split into their parts.
    private void word(String token, StringBuilder out) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetter(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(token.charAt(to - 1))) {
            to--;
        }
        String core = token.substring(from, to);
        if (!plain(core)) {
            out.append(token);
            return;
        }
        out.append(token, 0, from);
        int part = 0;
        for (int k = 0; k <= core.length(); k++) {
            if (k == core.length() || isJoiner(core.charAt(k))) {
                out.append(part(core.substring(part, k)));
                if (k < core.length()) {
                    out.append(core.charAt(k));
                }
                part = k + 1;
            }
        }
        out.append(token, to, token.length());
    }

    private String part(String letters) {
        if (letters.length() < MIN_WORD || letters.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return letters;
        }
        HyphenatedToken token = hyphenator.hyphenateToken(letters);
        return token.hyphenIndexes().isEmpty() ? letters : token.read(String.valueOf(SOFT_HYPHEN));
    }

    private static boolean plain(String core) {
        if (core.isEmpty()) {
            return false;
        }
        for (int k = 0; k < core.length(); k++) {
            char c = core.charAt(k);
            if (!Character.isLetter(c) && !isJoiner(c) && c != SOFT_HYPHEN) {
                return false;
            }
        }
        return core.indexOf(SOFT_HYPHEN) < 0;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '\u2019';
    }

    // Two patterns for the same letters ("ar3dent", "ar8dent"): as Liang's algorithm would, the higher
    // value wins at each position.
    private static String merge(String a, String b) {
        int[] values = new int[a.replaceAll("\\d", "").length() + 1];
        for (String p : List.of(a, b)) {
            int at = 0;
            for (char c : p.toCharArray()) {
                if (Character.isDigit(c)) {
                    values[at] = Math.max(values[at], c - '0');
                } else {
                    at++;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        String letters = a.replaceAll("\\d", "");
        for (int k = 0; k <= letters.length(); k++) {
            if (values[k] > 0) {
                out.append(values[k]);
            }
            if (k < letters.length()) {
                out.append(letters.charAt(k));
            }
        }
        return out.toString();
    }

    // libhyphen's format: the encoding, then LEFTHYPHENMIN/RIGHTHYPHENMIN and patterns. French has two
    // levels (NEXTLEVEL): the first only breaks after apostrophes, which we never hyphenate, so only the
    // second is kept. Non-standard patterns (with '/') change spelling at the break; none are used.
    private static Hyphenator load(String file) {
        try (InputStream in = Hyphenation.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("hyphenation patterns missing from the classpath: " + file);
            }
            Map<String, String> patterns = new java.util.LinkedHashMap<>();
            int left = 2;
            int right = 2;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String l = line.strip();
                if (l.startsWith("LEFTHYPHENMIN")) {
                    left = Integer.parseInt(l.substring(13).strip());
                } else if (l.startsWith("RIGHTHYPHENMIN")) {
                    right = Integer.parseInt(l.substring(14).strip());
                } else if (l.equals("NEXTLEVEL")) {
                    patterns.clear();
                } else if (!l.isEmpty() && !l.startsWith("%") && !l.contains("/") && !l.startsWith("COMPOUND")) {
                    patterns.merge(l.replaceAll("\\d", ""), l, Hyphenation::merge);
                }
            }
            return new Hyphenator(new ArrayList<>(patterns.values()), new HyphenatorProperties(left, right));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
