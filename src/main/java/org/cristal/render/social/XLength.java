package org.cristal.render.social;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;

/**
 * X's weighted length, exactly as {@link TwitterTextParser#parseTweet(String)} computes it with the v3
 * configuration, but fast enough to run on every keystroke.
 *
 * <p>parseTweet tries its emoji pattern (thousands of alternatives) at every position of the text:
 * about 0.6 ms for 270 characters, several times per post while hashtags are fitted and threads cut.
 * Links and emoji never contain whitespace, so the text is weighed word by word, with twitter-text's
 * own URL extractor and emoji pattern run only on the words that can hold a link (a dot followed by a
 * letter or digit) or an emoji (a character outside the plain letter, CJK and Hangul blocks). The
 * test suite checks the result against parseTweet on the corpus and on thousands of generated texts.
 */
final class XLength {
    private static final TwitterTextConfiguration CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
    private static final int SCALE = CONFIG.getScale();
    private static final int DEFAULT_WEIGHT = CONFIG.getDefaultWeight();
    private static final int URL_WEIGHT = CONFIG.getTransformedURLLength() * SCALE;
    private static final List<TwitterTextConfiguration.TwitterTextWeightedRange> RANGES = CONFIG.getRanges();
    // Shared and never reconfigured: extraction keeps no state between calls.
    private static final Extractor URLS = new Extractor();
    // The same link is weighed again for every hashtag tried and every cut of a thread, on every
    // keystroke; the weight depends on the word and its context only.
    private static final WordCache CACHE = new WordCache();

    private XLength() {
    }

    static int of(String text) {
        if (text == null || text.trim().isEmpty()) {
            return 0;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        long weighted = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                weighted += weight(s.charAt(i));
                i++;
                continue;
            }
            int end = i;
            boolean mayHaveUrl = false;
            boolean mayHaveEmoji = false;
            while (end < n && !Character.isWhitespace(s.charAt(end))) {
                char c = s.charAt(end);
                mayHaveUrl |= c == '.' && end + 1 < n && Character.isLetterOrDigit(s.charAt(end + 1));
                mayHaveEmoji |= !plain(c);
                end++;
            }
            weighted += mayHaveUrl || mayHaveEmoji
                    ? weighWord(s, i, end, mayHaveUrl, mayHaveEmoji)
                    : weighPlain(s, i, end);
            i = end;
        }
        return (int) (weighted / SCALE);
    }

    /**
     * Characters that take no part in any emoji sequence of twitter-text's pattern: below U+20D0 but ‼
     * and ⁉ (keycap digits and © ® are emoji only with U+FE0F or U+20E3, which are not plain), the
     * scripts and CJK blocks from U+2C00 to U+D7FF but 〰 〽 ㊗ ㊙, and full-width forms.
     */
    static boolean plain(char c) {
        if (c < 0x20D0) {
            return c != 0x203C && c != 0x2049;
        }
        if (c >= 0x2C00 && c <= 0xD7FF) {
            return c != 0x3030 && c != 0x303D && c != 0x3297 && c != 0x3299;
        }
        return c >= 0xFF00 && c <= 0xFFEF;
    }

    private static long weighPlain(String s, int from, int to) {
        long w = 0;
        for (int i = from; i < to; i++) {
            w += weight(s.charAt(i));
        }
        return w;
    }

    // The same walk as parseTweet: a link counts 23, an emoji sequence the default weight, any other
    // code point the weight of its range. The extractor sees the whitespace around the word too: whether
    // "éx.com" is a link depends on what precedes it.
    private static long weighWord(String s, int from, int to, boolean mayHaveUrl, boolean mayHaveEmoji) {
        int contextStart = from > 0 ? from - 1 : 0;
        String word = s.substring(contextStart, to < s.length() ? to + 1 : to);
        // The key says where the word starts and ends inside its context.
        String key = (from - contextStart) + "" + (to < s.length() ? 1 : 0) + word;
        return CACHE.get(key, k -> weighInContext(word, from - contextStart, to - contextStart, mayHaveUrl,
                mayHaveEmoji));
    }

    private static long weighInContext(String word, int start, int end, boolean mayHaveUrl, boolean mayHaveEmoji) {
        List<Extractor.Entity> urls = mayHaveUrl ? URLS.extractURLsWithIndices(word) : List.of();
        int[] emojiLength = null;
        if (mayHaveEmoji) {
            Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(word);
            while (m.find()) {
                if (emojiLength == null) {
                    emojiLength = new int[word.length()];
                }
                emojiLength[m.start()] = m.end() - m.start();
            }
        }
        long w = 0;
        int offset = start;
        int n = end;
        while (offset < n) {
            for (Extractor.Entity url : urls) {
                if (url.getStart() == offset) {
                    w += URL_WEIGHT;
                    offset = url.getEnd();
                    break;
                }
            }
            if (offset >= n) {
                break;
            }
            int cp = word.codePointAt(offset);
            if (emojiLength != null && emojiLength[offset] > 0) {
                w += DEFAULT_WEIGHT;
                offset += emojiLength[offset];
            } else {
                w += weight(cp);
                offset += Character.charCount(cp);
            }
        }
        return w;
    }

    private static int weight(int codePoint) {
        for (TwitterTextConfiguration.TwitterTextWeightedRange r : RANGES) {
            if (r.getRange().isInRange(codePoint)) {
                return r.getWeight();
            }
        }
        return DEFAULT_WEIGHT;
    }
}
