package org.cristal.render.brochure;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic letters in their joined forms. PDFBox draws one glyph per character and cannot apply a font's
 * substitution rules (see {@link BrochureFonts#withoutGlyphSubstitution}), so every Arabic letter is
 * replaced by the presentation form (initial, medial, final or isolated, U+FB50–U+FEFF) its neighbours
 * call for, and lam followed by alef by their ligature, before layout.
 *
 * <p>The tables come from the JDK's own Unicode data (each presentation form's name and its compatibility
 * decomposition), so there is no hand-typed table to get wrong; letters without presentation forms
 * (rare, recent additions) are left as they are.
 */
final class ArabicForms {
    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final String[] SUFFIXES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};
    private static final char LAM = '\u0644';
    private static final char TATWEEL = '\u0640';
    private static final char ZWJ = '\u200D';
    private static final char ZWNJ = '\u200C';

    /** Base letter → its forms by {@link #ISOLATED} … {@link #MEDIAL}, 0 where the form does not exist. */
    private static final Map<Character, char[]> FORMS = new HashMap<>();
    /** Alef variant → lam-alef ligature, isolated and final. */
    private static final Map<Character, char[]> LAM_ALEF = new HashMap<>();
    /** Presentation form → the letters it stands for. */
    private static final Map<Character, String> BASE = new HashMap<>();

    static {
        for (int[] range : new int[][] {{0xFE70, 0xFEFF}, {0xFB50, 0xFDFF}}) {
            for (int cp = range[0]; cp < range[1]; cp++) {
                String name = Character.getName(cp);
                int form = name == null ? -1 : formOf(name);
                if (form < 0) {
                    continue;
                }
                String base = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFKC);
                if (base.length() == 1 && isArabicLetter(base.charAt(0))) {
                    char[] forms = FORMS.computeIfAbsent(base.charAt(0), k -> new char[4]);
                    if (forms[form] == 0) {
                        forms[form] = (char) cp;
                        BASE.putIfAbsent((char) cp, base);
                    }
                } else if (base.length() == 2 && base.charAt(0) == LAM && name.contains("LIGATURE LAM WITH ALEF")
                        && (form == ISOLATED || form == FINAL)) {
                    LAM_ALEF.computeIfAbsent(base.charAt(1), k -> new char[2])[form] = (char) cp;
                    BASE.putIfAbsent((char) cp, base);
                }
            }
        }
    }

    private ArabicForms() {
    }

    private static int formOf(String name) {
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (name.endsWith(SUFFIXES[i]) && !name.contains(" WITH TATWEEL")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isArabicLetter(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c);
    }

    private static boolean transparent(char c) {
        int type = Character.getType(c);
        return c != ZWJ && c != ZWNJ && (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT);
    }

    /** Whether the letter joins the one after it (in reading order). */
    private static boolean joinsForward(char c) {
        char[] f = FORMS.get(c);
        return c == TATWEEL || c == ZWJ || (f != null && (f[INITIAL] != 0 || f[MEDIAL] != 0));
    }

    /** Whether the letter joins the one before it. */
    private static boolean joinsBackward(char c) {
        char[] f = FORMS.get(c);
        return c == TATWEEL || c == ZWJ || (f != null && f[FINAL] != 0);
    }

    /** Text in logical order with its Arabic letters in their joined forms; other text unchanged. */
    static String shape(String text) {
        if (!hasArabic(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!FORMS.containsKey(c)) {
                out.append(c);
                continue;
            }
            int prev = neighbour(text, i, -1);
            int next = neighbour(text, i, +1);
            boolean joinsPrev = prev >= 0 && joinsForward(text.charAt(prev)) && joinsBackward(c);
            if (c == LAM && next == i + 1 && LAM_ALEF.containsKey(text.charAt(next))) {
                char ligature = LAM_ALEF.get(text.charAt(next))[joinsPrev ? FINAL : ISOLATED];
                if (ligature != 0) {
                    out.append(ligature);
                    i++;
                    continue;
                }
            }
            boolean joinsNext = next >= 0 && joinsForward(c) && joinsBackward(text.charAt(next));
            out.append(form(c, joinsPrev ? (joinsNext ? MEDIAL : FINAL) : (joinsNext ? INITIAL : ISOLATED)));
        }
        return out.toString();
    }

    private static char form(char c, int wanted) {
        char[] f = FORMS.get(c);
        int[] order = switch (wanted) {
            case MEDIAL -> new int[] {MEDIAL, FINAL, ISOLATED};
            case INITIAL -> new int[] {INITIAL, ISOLATED};
            case FINAL -> new int[] {FINAL, ISOLATED};
            default -> new int[] {ISOLATED};
        };
        for (int form : order) {
            if (f[form] != 0) {
                return f[form];
            }
        }
        return c;
    }

    // The nearest letter before or after, skipping marks (harakat sit on a letter and do not break the join).
    private static int neighbour(String text, int i, int step) {
        for (int j = i + step; j >= 0 && j < text.length(); j += step) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    /** Presentation forms back to the letters they stand for: for fonts that lack a form. */
    static String unshape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String base = BASE.get(text.charAt(i));
            if (base != null && out == null) {
                out = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (out != null) {
                out.append(base != null ? base : String.valueOf(text.charAt(i)));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean hasArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (FORMS.containsKey(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
