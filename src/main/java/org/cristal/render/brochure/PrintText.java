package org.cristal.render.brochure;

import org.cristal.render.common.MergeTags;

/** Text clean-up for print: merge tags, invisible characters, words too long to lay out. */
final class PrintText {
    private PrintText() {
    }

    static String fillMergeTags(String text) {
        return MergeTags.fill(text);
    }

    /**
     * Drops characters that print nothing and trip PDF text or XML: C0/C1 controls (tab and newlines
     * kept), variation selectors (no emoji-presentation in a monochrome font), BOMs and non-characters.
     */
    static String dropInvisible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean drop = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0)
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0xFEFF
                    || cp == 0xFFFE || cp == 0xFFFF || (Character.isSurrogate(text.charAt(i)) && n == 1);
            if (drop && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (!drop && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** Counts of what {@link #capWords} did. */
    record Capped(String text, int longestWord) {
    }

    /** Cuts every run of non-space characters longer than {@code max} and marks the cut with an ellipsis. */
    static Capped capWords(String text, int max) {
        StringBuilder out = null;
        int longest = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            longest = Math.max(longest, length);
            if (length > max) {
                if (out == null) {
                    out = new StringBuilder(n);
                    out.append(text, 0, start);
                }
                out.append(text, start, safeEnd(text, start + max)).append('…');
            } else if (out != null) {
                out.append(text, start, i);
            }
            int spaces = i;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (out != null) {
                out.append(text, spaces, i);
            }
        }
        return new Capped(out == null ? text : out.toString(), longest);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** An index at most {@code end} that does not split a surrogate pair. */
    static int safeEnd(String text, int end) {
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            return end - 1;
        }
        return Math.min(end, text.length());
    }
}
