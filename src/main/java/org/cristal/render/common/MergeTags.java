package org.cristal.render.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email merge tags such as {@code {{first_name|there}}}: the newsletter fills them per recipient; a
 * web page, a post or a printed brochure has no recipient, so there the fallback is the text.
 */
public final class MergeTags {
    private static final Pattern TAG = Pattern.compile("\\{\\{[^{}|]*(?:\\|([^{}]*))?}}");

    private MergeTags() {
    }

    public static boolean present(String text) {
        return text.contains("{{") && TAG.matcher(text).find();
    }

    /** Replaces each tag by its fallback, or by nothing when it has none. */
    public static String fill(String text) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher m = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String fallback = m.group(1) == null ? "" : m.group(1).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(fallback));
        }
        m.appendTail(out);
        return out.toString().replace(" ,", ",");
    }
}
