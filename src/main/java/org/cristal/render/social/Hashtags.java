package org.cristal.render.social;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cristal.story.Network;
import org.cristal.story.Slugs;

/**
 * Story tags as hashtags: CamelCase, so that screen readers read {@code #DirectTrade} as two words,
 * with accents folded where a network's tag links stop at them.
 */
final class Hashtags {
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");
    /** Bluesky refuses longer tags; nobody reads them anyway. */
    private static final int MAX_LENGTH = 64;

    private Hashtags() {
    }

    /** How many tags a social media manager would put on a post: few where room is short. */
    static int budget(Network network) {
        return switch (network) {
            case X -> 2;
            case BLUESKY -> 3;
            case MASTODON, LINKEDIN, INSTAGRAM -> 5;
            case FACEBOOK -> 3;
            // A Business Profile post is read on a map listing: hashtags link nowhere there.
            case GOOGLE -> 0;
        };
    }

    static boolean foldsAccents(Network network) {
        return network == Network.X || network == Network.BLUESKY;
    }

    /** The distinct hashtags of these tags, in order, leaving out those already in the text. */
    static List<String> of(List<String> tags, Network network, String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            Optional<String> h = hashtag(tag, foldsAccents(network));
            if (h.isEmpty()) {
                continue;
            }
            String key = h.get().toLowerCase(Locale.ROOT);
            if (seen.add(key) && !containsTag(text, h.get())) {
                out.add(h.get());
            }
        }
        return out;
    }

    /** {@code "direct-trade"} → {@code #DirectTrade}; empty when nothing usable is left (or only digits). */
    static Optional<String> hashtag(String tag, boolean foldAccents) {
        String s = MARKUP.matcher(tag == null ? "" : tag).replaceAll(" ");
        if (foldAccents) {
            s = Slugs.foldAccents(s);
        }
        StringBuilder out = new StringBuilder("#");
        boolean wordStart = true;
        boolean letter = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(wordStart ? Character.toTitleCase(cp) : cp);
                letter |= Character.isLetter(cp);
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        int length = out.codePointCount(1, out.length());
        if (!letter || length > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private static boolean containsTag(String text, String tag) {
        for (int at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
            int end = at + tag.length();
            if (text.regionMatches(true, at, tag, 0, tag.length())
                    && (end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
