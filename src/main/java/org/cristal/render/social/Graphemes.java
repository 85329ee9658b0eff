package org.cristal.render.social;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extended grapheme clusters: what a reader sees as one character, such as 👨‍👩‍👧‍👦, 🇫🇷, 👍🏽 or an
 * {@code e} with a combining accent.
 */
final class Graphemes {
    // On JDK 17, java.util.regex's \X follows the extended grapheme cluster rules, ZWJ sequences, flags
    // and skin tones included, while java.text.BreakIterator splits 👨‍👩‍👧‍👦 into 7 and 🇫🇷 into 2
    // (fixed only in JDK 20). So \X, and no ICU4J.
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    static int count(CharSequence text) {
        if (isSimple(text, 0, text.length())) {
            return text.length();
        }
        Matcher m = CLUSTER.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * End offsets of the clusters of {@code text[from, to)}, at most {@code max} of them. A cluster
     * cut by {@code to} ends at {@code to}.
     */
    static int[] ends(CharSequence text, int from, int to, int max) {
        int size = Math.min(max, to - from);
        int[] ends = new int[size];
        int n = 0;
        if (isSimple(text, from, to)) {
            for (; n < size; n++) {
                ends[n] = from + n + 1;
            }
            return ends;
        }
        Matcher m = CLUSTER.matcher(text).region(from, to);
        while (n < size && m.find()) {
            ends[n++] = m.end();
        }
        return n == size ? ends : java.util.Arrays.copyOf(ends, n);
    }

    // Below U+0300 every char is a cluster of its own, except CR LF: the common case needs no regex.
    private static boolean isSimple(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x300 || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
