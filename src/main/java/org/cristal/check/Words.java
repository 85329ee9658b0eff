package org.cristal.check;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word and sentence cutting shared by the checks, and the accent- and case-blind form of a text. */
final class Words {
    private Words() {
    }

    /** Lower case, accents removed, typographic apostrophes made plain: "Élégante’s" → "elegante's". */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('\u02BC', '\'');
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        if (ascii) {
            return lower;
        }
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c == 'œ' ? "oe" : c == 'æ' ? "ae" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** A word of a text and where it starts and ends in that text. */
    record Token(String text, int start, int end) {
    }

    /**
     * The words of a text: runs of letters and digits, with inner apostrophes and hyphens kept when
     * {@code keepJoiners} ("aujourd’hui", "well-known" as one word).
     */
    static List<Token> tokens(String text, boolean keepJoiners) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                    i++;
                } else if (keepJoiners && (c == '\'' || c == '’' || c == '-') && i + 1 < n
                        && Character.isLetter(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            out.add(new Token(text.substring(start, i), start, i));
        }
        return out;
    }

    static int count(String text) {
        return tokens(text, true).size();
    }

    /**
     * Sentences of a block of text: cut after . ! ? … (and their runs) followed by a space and not
     * after a one-letter abbreviation ("J. Martin") or a common title. A block is at least one sentence.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int j = i;
            while (j + 1 < n && ".!?…»\"”)’'".indexOf(text.charAt(j + 1)) >= 0) {
                j++;
            }
            boolean end = j + 1 >= n || Character.isWhitespace(text.charAt(j + 1));
            if (!end || (c == '.' && abbreviation(text, i))) {
                continue;
            }
            add(out, text.substring(start, j + 1));
            start = j + 1;
            i = j;
        }
        add(out, text.substring(start));
        return out;
    }

    private static final List<String> TITLES = List.of("mr", "mrs", "ms", "dr", "st", "m", "mme", "mlle", "etc",
            "e.g", "i.e", "a.m", "p.m", "vs", "p", "cf", "no", "n°");

    private static boolean abbreviation(String text, int dot) {
        int k = dot;
        while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
            k--;
        }
        String word = text.substring(k, dot).toLowerCase(Locale.ROOT);
        return word.length() == 1 && Character.isUpperCase(text.charAt(k)) || TITLES.contains(word);
    }

    private static void add(List<String> out, String sentence) {
        if (!tokens(sentence, true).isEmpty()) {
            out.add(sentence.strip());
        }
    }
}
