package org.cristal.library;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Slugs;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * A stored story's web address ({@code Story.webSlug()}) read cheaply: the whole workspace is scanned
 * for it, so the {@code slug:} line is looked for in the front matter before anything is parsed.
 */
final class WebSlugs {
    private static final Pattern PLAIN = Pattern.compile("slug:[ \\t]*([\"']?)([a-z0-9-]+)\\1[ \\t]*\\r?");

    private WebSlugs() {
    }

    static String of(String id, String source) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        if (!text.startsWith("---") || !text.contains("slug")) {
            return Slugs.slug(id);
        }
        int pos = text.indexOf('\n') + 1;
        while (pos > 0 && pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            String line = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
            String t = line.stripTrailing();
            if (t.equals("---") || t.equals("...")) {
                break;
            }
            if (line.startsWith("slug")) {
                Matcher m = PLAIN.matcher(line);
                // Anything but the plain form the writer makes: let the real parser say what it means.
                return m.matches() ? m.group(2) : fallback(id, source);
            }
            pos = eol + 1;
        }
        return Slugs.slug(id);
    }

    private static String fallback(String id, String source) {
        try {
            return StoryParser.parse(id, source).withId(id).webSlug();
        } catch (StoryFormatException e) {
            return Slugs.slug(id);
        }
    }
}
