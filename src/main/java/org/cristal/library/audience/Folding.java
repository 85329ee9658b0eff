package org.cristal.library.audience;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as the contacts search compares it: lower case, without accents ("Hélène" → "helene", "Œuf" → "oeuf"). */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (ascii) {
            return lower;
        }
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace('ø', 'o').replace('ł', 'l');
    }
}
