package org.cristal.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the marks' words stand in the editor's text now. A finding knows its paragraph's first line
 * and its words, not their column, and the text may have moved since it was checked: each mark is
 * looked for from the start of its line to the end of that paragraph, exactly first, then ignoring
 * case and accents, as a whole word. Two marks of the same words in one paragraph take successive
 * occurrences. A mark whose words are no longer there gets no range.
 */
final class MarkRanges {
    /** How far past its line a mark is looked for when the paragraph does not end sooner. */
    static final int MAX_REACH = 4_000;

    record Range(int from, int to, Mark mark) {
        boolean contains(int position) {
            return position >= from && position < to;
        }
    }

    private MarkRanges() {
    }

    static List<Range> locate(String text, List<Mark> marks) {
        if (marks.isEmpty()) {
            return List.of();
        }
        int[] starts = lineStarts(text);
        String folded = null;
        List<Range> out = new ArrayList<>();
        for (Mark m : marks) {
            if (m.line() < 1 || m.line() > starts.length) {
                continue;
            }
            int from = starts[m.line() - 1];
            int paragraphEnd = text.indexOf("\n\n", from);
            int end = Math.min(paragraphEnd < 0 ? text.length() : paragraphEnd, from + MAX_REACH);
            end = Math.min(end, text.length());
            int at = find(text, m.word(), from, end, out);
            if (at < 0) {
                if (folded == null) {
                    folded = TextSearch.fold(text);
                }
                at = find(folded, TextSearch.fold(m.word()), from, end, out);
            }
            if (at >= 0) {
                out.add(new Range(at, at + m.word().length(), m));
            }
        }
        out.sort(Comparator.comparingInt(Range::from));
        return out;
    }

    private static int find(String haystack, String word, int from, int end, List<Range> taken) {
        int at = haystack.indexOf(word, from);
        while (at >= 0 && at + word.length() <= end) {
            if (wholeWord(haystack, at, at + word.length()) && !overlaps(taken, at, at + word.length())) {
                return at;
            }
            at = haystack.indexOf(word, at + 1);
        }
        return -1;
    }

    private static boolean wholeWord(String s, int from, int to) {
        boolean startOk = from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1))
                || !Character.isLetterOrDigit(s.charAt(from));
        boolean endOk = to >= s.length() || !Character.isLetterOrDigit(s.charAt(to))
                || !Character.isLetterOrDigit(s.charAt(to - 1));
        return startOk && endOk;
    }

    private static boolean overlaps(List<Range> taken, int from, int to) {
        for (Range r : taken) {
            if (from < r.to() && to > r.from()) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }
}
