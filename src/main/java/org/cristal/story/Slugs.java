package org.cristal.story;

import java.text.Normalizer;
import java.util.Locale;

/** URL- and file-safe identifiers from titles: {@code "Réparer plutôt que jeter"} → {@code reparer-plutot-que-jeter}. */
public final class Slugs {
    private Slugs() {
    }

    public static String slug(String text) {
        String folded = foldAccents(text == null ? "" : text).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < folded.length() && out.length() < 60; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "story" : out.toString();
    }

    /** Removes diacritics and expands ligatures French uses: é → e, œ → oe, æ → ae. */
    public static String foldAccents(String text) {
        String expanded = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        return Normalizer.normalize(expanded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
