package org.cristal.check;

import java.util.Locale;

/**
 * Syllable counts for the readability formulas. Both are rules of thumb, not dictionaries: they count
 * groups of vowels and correct the common exceptions of each language.
 */
final class Syllables {
    private static final String FR_VOWELS = "aeiouyàâäéèêëîïôöûùüœæ";
    private static final String EN_VOWELS = "aeiouy";

    private static final java.util.Set<String> ELIDED = java.util.Set.of("l", "d", "j", "m", "n", "s", "t", "c",
            "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    private Syllables() {
    }

    static int count(String word, String lang) {
        return "fr".equals(lang) ? french(word) : english(word);
    }

    /**
     * French syllables as they are spoken in prose: vowel groups ("oi", "ou", "eau", "ai", "eu", "ion"
     * are one), the mute e at the end of a word not counted ("table" 1, "pommes" 1, but "le" 1), a vowel
     * after é or a vowel with a diaeresis starting a new syllable ("ré-us-sir", "na-ïf"), u after q (and
     * after g before e/i) being part of the consonant ("quel", "guerre"), and a vowel after a y that
     * follows a vowel starting a new one ("cray-on"). A mute e inside a word ("samedi") and the silent
     * "-ent" of verbs ("parlent") are counted, as they are when the text is read slowly.
     */
    static int french(String word) {
        String w = word.toLowerCase(Locale.FRENCH).replace('’', '\'');
        int apostrophe = w.lastIndexOf('\'');
        if (apostrophe >= 0 && ELIDED.contains(w.substring(0, apostrophe))) {
            w = w.substring(apostrophe + 1); // "l'eau" → "eau", "qu'il" → "il"; "aujourd'hui" stays whole
        }
        int groups = 0;
        int lastGroupStart = -1;
        int lastGroupLength = 0;
        boolean inGroup = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean vowel = FR_VOWELS.indexOf(c) >= 0;
            if (c == 'u' && i > 0 && (w.charAt(i - 1) == 'q'
                    || w.charAt(i - 1) == 'g' && i + 1 < w.length() && "eiéèêy".indexOf(w.charAt(i + 1)) >= 0)) {
                vowel = false;
            }
            if (!vowel) {
                inGroup = false;
                continue;
            }
            boolean split = inGroup && (c == 'ï' || c == 'ü' || c == 'ë' || w.charAt(i - 1) == 'é'
                    || c == 'è' && w.charAt(i - 1) == 'o' || c == 'é' && "ao".indexOf(w.charAt(i - 1)) >= 0
                    || w.charAt(i - 1) == 'y' && i >= 2 && FR_VOWELS.indexOf(w.charAt(i - 2)) >= 0);
            if (!inGroup || split) {
                groups++;
                lastGroupStart = i;
                lastGroupLength = 1;
                inGroup = true;
            } else {
                lastGroupLength++;
            }
        }
        if (groups > 1 && lastGroupLength == 1 && w.charAt(lastGroupStart) == 'e') {
            String tail = w.substring(lastGroupStart);
            if (tail.equals("e") || tail.equals("es")) {
                groups--;
            }
        }
        return Math.max(1, groups);
    }

    /** English syllables: vowel groups, less a silent final e and a silent "-ed", at least one. */
    static int english(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() <= 3) {
            return 1;
        }
        int groups = 0;
        boolean in = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = EN_VOWELS.indexOf(w.charAt(i)) >= 0 && !(w.charAt(i) == 'y' && i == 0);
            if (vowel && !in) {
                groups++;
            }
            in = vowel;
        }
        int n = w.length();
        if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && EN_VOWELS.indexOf(w.charAt(n - 2)) < 0) {
            groups--; // "make", "home"; but "table", "free"
        } else if (w.endsWith("le") && n > 2 && EN_VOWELS.indexOf(w.charAt(n - 3)) >= 0) {
            groups--; // "whale", "mile"
        } else if (w.endsWith("es") && n > 3 && "sxzh".indexOf(w.charAt(n - 3)) < 0
                && EN_VOWELS.indexOf(w.charAt(n - 3)) < 0) {
            groups--; // "makes", "homes"; but "boxes", "wishes"
        } else if (w.endsWith("ed") && n > 3 && w.charAt(n - 3) != 't' && w.charAt(n - 3) != 'd'
                && EN_VOWELS.indexOf(w.charAt(n - 3)) < 0) {
            groups--; // "roasted" keeps it, "picked" does not
        }
        return Math.max(1, groups);
    }
}
