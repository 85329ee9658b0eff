package org.cristal.render.common;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email merge tags such as {@code {{first_name|there}}}: the newsletter fills them per recipient; a
 * web page, a post or a printed brochure has no recipient, so there the fallback is the text.
 */
public final class MergeTags {
    private static final Pattern TAG = Pattern.compile("\\{\\{([^{}|]*)(?:\\|([^{}]*))?}}");

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
            String fallback = m.group(2) == null ? "" : m.group(2).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(fallback));
        }
        m.appendTail(out);
        return out.toString().replace(" ,", ",");
    }

    /**
     * Fills each tag with one recipient's value for its name ({@code first_name}, matched without regard to
     * case), passed through {@code escape} (HTML-escaping for an HTML part, URL-encoding for a link), or
     * with its fallback, as written, when the value is blank or unknown. A tag that becomes empty before a
     * comma takes the space before it along ("Hi {{first_name}}, …" reads "Hi, …").
     *
     * @param values lower-case name → value
     */
    public static String fill(String text, Map<String, String> values, UnaryOperator<String> escape) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher m = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String value = values.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            String filled = value == null || value.isBlank()
                    ? (m.group(2) == null ? "" : m.group(2).strip())
                    : escape.apply(value.strip());
            if (filled.isEmpty() && m.end() < text.length() && text.charAt(m.end()) == ','
                    && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append(filled);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
