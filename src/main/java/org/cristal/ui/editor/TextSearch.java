package org.cristal.ui.editor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Case- and accent-insensitive search: "ete" finds "Été". Each UTF-16 unit folds to exactly one
 * unit, so an offset in the folded text is the same offset in the original and a match can be
 * selected and replaced where it stands.
 */
final class TextSearch {
    /** Folded forms of Latin-1 and Latin Extended-A/B, where nearly all accented letters live. */
    private static final char[] TABLE = new char[0x250];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            TABLE[c] = Character.toLowerCase(d.charAt(0));
        }
    }

    private TextSearch() {
    }

    static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
    }

    static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** Start offsets of the non-overlapping matches of {@code query} in {@code text}, at most {@code limit}. */
    static List<Integer> find(String text, String query, int limit) {
        List<Integer> starts = new ArrayList<>();
        if (query.isEmpty()) {
            return starts;
        }
        String haystack = fold(text);
        String needle = fold(query);
        int from = 0;
        while (starts.size() < limit) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                break;
            }
            starts.add(at);
            from = at + needle.length();
        }
        return starts;
    }
}
