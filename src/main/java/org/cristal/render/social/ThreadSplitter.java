package org.cristal.render.social;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a text too long for one post into a numbered thread ({@code "… 1/3"}), the marker counted in the
 * limit. Cuts go at the end of a sentence or paragraph when that keeps a post at least half full, else
 * between words, and only inside a word (at a grapheme boundary) when one word alone is over the limit.
 * Links, hashtags, mentions and emoji contain no spaces, so they are never cut unless they are that word.
 */
final class ThreadSplitter {
    /** X's composer stops at 25 posts, and a longer thread is a mistake on any network. */
    static final int MAX_POSTS = 25;

    // Punctuation that must not start a post (French puts a space before ? ! : ; »), and openers that
    // must not end one.
    private static final String NO_START = "?!:;»›)]}%…”’";
    private static final String NO_END = "«‹([{¿¡“‘";
    private static final String CLOSERS = "\"'»”’)]";
    private static final String CJK_STOPS = "。！？";

    /**
     * @param posts     the posts, with their markers when there is more than one
     * @param truncated true when the text did not fit in {@link #MAX_POSTS} posts and the rest was left out
     * @param oversized  true when a link, hashtag or mention alone was over the limit and was kept whole in
     *                   a post of its own (which is then over the limit)
     */
    record Split(List<String> posts, boolean truncated, boolean oversized) {
    }

    private ThreadSplitter() {
    }

    /** More characters than the longest thread can ever show, whatever the text: a source is cut here first. */
    static int longestSource(int limit) {
        return (int) Math.min(Integer.MAX_VALUE, (long) MAX_POSTS * window(limit));
    }

    static Split split(String text, ToIntFunction<String> counter, int limit) {
        if (text.length() <= window(limit) && counter.applyAsInt(text) <= limit) {
            return new Split(List.of(text), false, false);
        }
        int digits = 1;
        int extra = 0;
        for (int attempt = 0; ; attempt++) {
            int reserve = 2 + 2 * digits + extra;
            Chunks chunks = chunks(text, counter, Math.max(1, limit - reserve));
            int n = chunks.list.size();
            if (String.valueOf(n).length() > digits) {
                digits = String.valueOf(n).length();
                continue;
            }
            List<String> posts = new ArrayList<>(n);
            int excess = 0;
            for (int i = 0; i < n; i++) {
                String post = chunks.list.get(i) + " " + (i + 1) + "/" + n;
                excess = Math.max(excess, counter.applyAsInt(post) - limit);
                posts.add(post);
            }
            // Counts are not quite additive (X normalises text and weighs emoji sequences): make more room.
            if (excess > 0 && attempt < 3 && limit - reserve - excess > 0) {
                extra += excess;
                continue;
            }
            return new Split(List.copyOf(posts), chunks.truncated, chunks.oversized);
        }
    }

    private record Chunks(List<String> list, boolean truncated, boolean oversized) {
    }

    // How far one post may reach in the text: a link counts 23 on X and Mastodon whatever its length
    // (twitter-text stops at 4,096), so a post can span more characters than its limit, but not this many.
    private static int window(int room) {
        return (int) Math.min(Integer.MAX_VALUE, 4L * room + 4096);
    }

    private static Chunks chunks(String text, ToIntFunction<String> counter, int room) {
        List<String> out = new ArrayList<>();
        boolean oversized = false;
        int pos = skipSpace(text, 0);
        while (pos < text.length()) {
            if (out.size() == MAX_POSTS) {
                return new Chunks(out, true, oversized);
            }
            int windowEnd = (int) Math.min(text.length(), (long) pos + window(room));
            Breaks breaks = breaks(text, pos, windowEnd);
            int best = longestFitting(text, pos, breaks, counter, room);
            int end;
            int next;
            if (best >= 0) {
                int chosen = preferSentence(breaks, best, pos);
                end = breaks.ends[chosen];
                next = breaks.nexts[chosen];
            } else {
                int wordEnd = wordEnd(text, pos, windowEnd);
                if (unbreakable(text, pos, wordEnd)) {
                    // A cut link no longer leads anywhere, a cut hashtag or mention names something else:
                    // better one post over the limit, which the author sees and can fix, than a broken one.
                    end = wordEnd;
                    oversized = true;
                } else {
                    end = hardSplit(text, pos, wordEnd, counter, room);
                }
                next = end;
            }
            out.add(text.substring(pos, end));
            pos = skipSpace(text, next);
        }
        return new Chunks(out, false, oversized);
    }

    /** The places a post may end, in order: between words, and at the end of the text. */
    private static final class Breaks {
        int[] ends = new int[32];
        int[] nexts = new int[32];
        boolean[] sentence = new boolean[32];
        int size;

        void add(int end, int next, boolean isSentence) {
            if (size == ends.length) {
                ends = java.util.Arrays.copyOf(ends, size * 2);
                nexts = java.util.Arrays.copyOf(nexts, size * 2);
                sentence = java.util.Arrays.copyOf(sentence, size * 2);
            }
            ends[size] = end;
            nexts[size] = next;
            sentence[size] = isSentence;
            size++;
        }
    }

    private static Breaks breaks(String text, int pos, int windowEnd) {
        Breaks b = new Breaks();
        int i = pos;
        while (i < windowEnd) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                int ws = i;
                boolean newline = false;
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    newline |= text.charAt(i) == '\n';
                    i++;
                }
                if (i >= text.length()) {
                    break;
                }
                if (allowed(text, pos, ws, i)) {
                    b.add(ws, i, newline || endsSentence(text, pos, ws, i));
                }
            } else {
                i++;
                // Chinese and Japanese put no space after a sentence.
                if (CJK_STOPS.indexOf(c) >= 0 && i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    b.add(i, i, true);
                }
            }
        }
        if (windowEnd == text.length()) {
            int end = text.length();
            while (end > pos && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            b.add(end, text.length(), true);
        }
        return b;
    }

    private static boolean allowed(String text, int pos, int ws, int next) {
        int wordStart = ws;
        while (wordStart > pos && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (onlyOf(text, wordStart, ws, NO_END)) {
            return false;
        }
        int wordEnd = next;
        while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))
                && NO_START.indexOf(text.charAt(wordEnd)) >= 0) {
            wordEnd++;
        }
        boolean punctuationOnly = wordEnd == text.length() || Character.isWhitespace(text.charAt(wordEnd));
        return !punctuationOnly;
    }

    private static boolean onlyOf(String text, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return from < to;
    }

    private static boolean endsSentence(String text, int pos, int ws, int next) {
        int i = ws - 1;
        while (i > pos && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        char last = text.charAt(i);
        if (last != '.' && last != '!' && last != '?' && last != '…' && CJK_STOPS.indexOf(last) < 0) {
            return false;
        }
        // "2 a.m. panic": an abbreviation, not the end of a sentence.
        return !Character.isLowerCase(text.codePointAt(next));
    }

    /**
     * Index of the longest break whose text fits, or -1. Every network counts word by word (links and
     * emoji hold no whitespace), so the pieces between breaks are weighed once each and added up; the
     * sum is then checked with one count of the whole piece, in case a network's count is not additive
     * somewhere (a combining mark after a space).
     */
    private static int longestFitting(String text, int pos, Breaks breaks, ToIntFunction<String> counter, int room) {
        int best = -1;
        long sum = 0;
        int from = pos;
        for (int i = 0; i < breaks.size; i++) {
            sum += counter.applyAsInt(text.substring(from, breaks.ends[i]));
            if (sum > room) {
                break;
            }
            best = i;
            from = breaks.ends[i];
        }
        while (best >= 0 && counter.applyAsInt(text.substring(pos, breaks.ends[best])) > room) {
            best--;
        }
        return best;
    }

    /** Index of the longest break whose text fits, or -1. Galloping, then bisecting: few counts, on short texts. */
    private static int largestFitting(String text, int pos, int[] ends, int size, ToIntFunction<String> counter,
            int room) {
        int fits = -1;
        int fails = size;
        int i = 0;
        while (i < size) {
            if (counter.applyAsInt(text.substring(pos, ends[i])) <= room) {
                fits = i;
                if (i == size - 1) {
                    return i;
                }
                i = Math.min(size - 1, 2 * i + 1);
            } else {
                fails = i;
                break;
            }
        }
        while (fails - fits > 1) {
            int mid = (fits + fails) >>> 1;
            if (counter.applyAsInt(text.substring(pos, ends[mid])) <= room) {
                fits = mid;
            } else {
                fails = mid;
            }
        }
        return fits;
    }

    private static int preferSentence(Breaks b, int best, int pos) {
        int bestLength = b.ends[best] - pos;
        for (int j = best; j >= 0 && 2 * (b.ends[j] - pos) >= bestLength; j--) {
            if (b.sentence[j]) {
                return j;
            }
        }
        return best;
    }

    private static int wordEnd(String text, int pos, int windowEnd) {
        int wordEnd = pos;
        while (wordEnd < windowEnd && !Character.isWhitespace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return wordEnd;
    }

    /** A link ({@code scheme://…} or {@code www.…}), a hashtag or a mention: never cut. */
    static boolean unbreakable(String text, int from, int to) {
        String word = text.substring(from, to);
        return word.contains("://") || word.regionMatches(true, 0, "www.", 0, 4)
                || (word.length() > 1 && (word.charAt(0) == '#' || word.charAt(0) == '@'));
    }

    /** Cuts a word too long for a post at the last grapheme boundary that fits (at least one grapheme). */
    private static int hardSplit(String text, int pos, int wordEnd, ToIntFunction<String> counter, int room) {
        int[] ends = Graphemes.ends(text, pos, wordEnd, window(room));
        int best = largestFitting(text, pos, ends, ends.length, counter, room);
        return ends[Math.max(0, best)];
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
