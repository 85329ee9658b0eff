package org.cristal.ui.editor;

/**
 * Counts the words a reader reads: runs of non-space characters that hold a letter or a digit.
 * Markdown syntax ({@code ##}, {@code **}, {@code -}) has neither and does not count; link targets and
 * front matter are skipped through the highlighter's masks, because nobody reads a URL aloud.
 */
final class WordCounter {
    /** Reading speed used for the reading-time estimate. */
    static final int WORDS_PER_MINUTE = 200;

    private WordCounter() {
    }

    static int count(String text, int[] masks, int skippedBits) {
        int words = 0;
        boolean inRun = false;
        boolean runHasLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F'
                    || (masks[i] & skippedBits) != 0;
            if (separator) {
                if (inRun && runHasLetter) {
                    words++;
                }
                inRun = false;
                runHasLetter = false;
            } else {
                inRun = true;
                runHasLetter |= Character.isLetterOrDigit(c);
            }
        }
        return inRun && runHasLetter ? words + 1 : words;
    }

    /** Minutes to read {@code words} at 200 words a minute, rounded up, never less than one. */
    static int readingMinutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
