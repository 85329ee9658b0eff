package org.cristal.publish.bluesky;

import com.twitter.twittertext.Extractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rich-text facets of a Bluesky post ({@code app.bsky.richtext.facet}): which ranges of the text are
 * links and hashtags. Bluesky shows a link as plain text unless a facet says it is one. Ranges count
 * bytes of the UTF-8 text, not Java chars: an "é" is two bytes, an emoji four.
 */
final class Facets {
    /** A web address as the social renderer writes it, up to the next space. */
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    /** Punctuation that ends a sentence after a link rather than belonging to it. */
    private static final String TRAILING = ".,;:!?)»\"'’”";
    private static final Extractor EXTRACTOR = new Extractor();

    private Facets() {
    }

    static List<Map<String, Object>> of(String text) {
        List<Map<String, Object>> facets = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String uri = text.substring(m.start(), end);
            facets.add(facet(text, m.start(), end, Map.of("$type", "app.bsky.richtext.facet#link", "uri", uri)));
        }
        // twitter-text knows hashtags in every script, and that "#2026" alone is not one.
        for (Extractor.Entity tag : EXTRACTOR.extractHashtagsWithIndices(text)) {
            facets.add(facet(text, tag.getStart(), tag.getEnd(),
                    Map.of("$type", "app.bsky.richtext.facet#tag", "tag", tag.getValue())));
        }
        return facets;
    }

    private static Map<String, Object> facet(String text, int start, int end, Map<String, Object> feature) {
        return Map.of("index", Map.of("byteStart", utf8Length(text.substring(0, start)),
                "byteEnd", utf8Length(text.substring(0, end))), "features", List.of(feature));
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
