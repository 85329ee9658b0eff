package org.cristal.library;

import java.util.regex.Pattern;

/**
 * A cheap Markdown-to-text pass for the search index: keeps the words a reader sees, drops the
 * syntax, so snippets read like prose ("une croûte plus épaisse") rather than markup. Regular
 * expressions only, no parser: it runs on every save and on bulk imports of 100,000 stories.
 */
final class PlainText {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)]\\([^)\\n]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\([^)\\n]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]*)>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>\\n]*>");
    private static final Pattern LINE_MARKS = Pattern.compile(
            "(?m)^[ \\t]*(?:#{1,6}[ \\t]+|>+[ \\t]?|[-*+][ \\t]+(?:\\[[ xX]][ \\t]+)?|\\d+[.)][ \\t]+)");
    private static final Pattern RULES = Pattern.compile("(?m)^[ \\t]*(?:[-*_][ \\t]*){3,}$|^[ \\t]*(?:```|~~~).*$");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{1,3}|_{2,3}|~~|`+|\\|");
    private static final Pattern SPACES = Pattern.compile("[ \\t]*\\n[ \\t\\n]*|[ \\t]{2,}");

    private PlainText() {
    }

    static String fromMarkdown(String markdown) {
        String t = IMAGE.matcher(markdown).replaceAll("$1");
        t = LINK.matcher(t).replaceAll("$1");
        t = AUTOLINK.matcher(t).replaceAll("$1");
        t = TAG.matcher(t).replaceAll(" ");
        t = RULES.matcher(t).replaceAll("");
        t = LINE_MARKS.matcher(t).replaceAll("");
        t = EMPHASIS.matcher(t).replaceAll("");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }
}
