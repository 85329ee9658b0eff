package org.cristal.render.social;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Network;

/**
 * The length of a post as each network counts it, for the renderer and for a live counter in the editor.
 *
 * <ul>
 * <li>X: twitter-text's weighted length (v3 configuration): text NFC-normalised, every URL 23, CJK and
 * emoji 2, Latin 1.</li>
 * <li>Mastodon: code points, every http(s) URL 23, {@code @user@domain} counted as {@code @user}. The
 * server counts grapheme clusters, never more than code points, so this errs on the safe side.</li>
 * <li>Bluesky: grapheme clusters; URLs count in full, as the text shows them.</li>
 * <li>LinkedIn: UTF-16 code units ({@link String#length()}), the most cautious reading of "3,000
 * characters": an emoji counts 2.</li>
 * <li>Instagram: UTF-16 code units too, against 2,200. A link in a caption is plain text (not clickable,
 * not shortened), so it counts in full.</li>
 * </ul>
 * Thread-safe.
 */
public final class PostLength {
    /** What Mastodon and X count for any link, whatever its length. */
    public static final int URL_LENGTH = 23;

    // Mastodon finds links with the twitter-text URL pattern, but only with a scheme.
    private static final Extractor MASTODON_URLS = new Extractor();

    static {
        MASTODON_URLS.setExtractURLWithoutProtocol(false);
    }

    private static final WordCache MASTODON_CACHE = new WordCache();

    // Mastodon's own mention pattern: only the username counts, not the instance domain.
    private static final Pattern REMOTE_MENTION = Pattern.compile(
            "(?<![/\\p{L}\\p{N}_])@[A-Za-z0-9_]+(@[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])");

    private PostLength() {
    }

    public static int of(Network network, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return switch (network) {
            case X -> XLength.of(text);
            case MASTODON -> mastodon(text);
            case BLUESKY -> Graphemes.count(text);
            case LINKEDIN, INSTAGRAM, FACEBOOK, GOOGLE -> text.length();
        };
    }

    // Word by word, as for X: the URL pattern is slow on a whole post, and links contain no whitespace.
    static int mastodon(String text) {
        int count = text.codePointCount(0, text.length());
        List<int[]> urls = new ArrayList<>();
        int from = text.indexOf("://");
        while (from >= 0) {
            int start = from;
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            int end = from;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // One character of context on each side: the pattern looks at what precedes a link.
            int contextStart = Math.max(0, start - 1);
            String word = text.substring(contextStart, Math.min(text.length(), end + 1));
            String key = (start - contextStart) + "" + (end < text.length() ? 1 : 0) + word;
            int wordStart = start - contextStart;
            int wordEnd = end - contextStart;
            long links = MASTODON_CACHE.get(key, k -> links(word, wordStart, wordEnd));
            count -= (int) (links >> 1);
            if ((links & 1) != 0) {
                // A mention inside a link is no mention.
                urls.add(new int[] {start, end});
            }
            from = text.indexOf("://", end);
        }
        if (text.indexOf('@') >= 0) {
            Matcher m = REMOTE_MENTION.matcher(text);
            while (m.find()) {
                if (!insideAny(urls, m.start())) {
                    count -= text.codePointCount(m.start(1), m.end(1));
                }
            }
        }
        return count;
    }

    /**
     * How many code points the links of this word save by counting 23 each (negative for short links),
     * times two, plus one when the word holds a link.
     */
    private static long links(String word, int start, int end) {
        long saving = 0;
        boolean any = false;
        for (Extractor.Entity url : MASTODON_URLS.extractURLsWithIndices(word)) {
            if (url.getStart() >= start && url.getEnd() <= end) {
                saving += word.codePointCount(url.getStart(), url.getEnd()) - URL_LENGTH;
                any = true;
            }
        }
        return any ? saving * 2 + 1 : 0;
    }

    private static boolean insideAny(List<int[]> urls, int index) {
        for (int[] url : urls) {
            if (index >= url[0] && index < url[1]) {
                return true;
            }
        }
        return false;
    }
}
