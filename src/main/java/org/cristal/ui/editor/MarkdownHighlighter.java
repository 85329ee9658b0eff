package org.cristal.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Computes the Markdown style classes of a text for the editor, line by line. Pure and thread-safe,
 * so a big story is highlighted on a background thread. Each character gets a set of classes (a bit
 * mask), so a link inside a heading is both; runs of equal masks become the style spans.
 *
 * <p>Every inline pattern is bounded ({@code {1,1000}}), because a 5 MB single line full of
 * asterisks must not send a lazy regex into quadratic time.
 */
final class MarkdownHighlighter {
    /** Style classes, in bit order; the names are the CSS classes of markdown.css. */
    static final List<String> CLASSES = List.of("heading", "heading-1", "heading-2", "heading-3", "emphasis",
            "strong", "link", "url", "image", "code", "code-block", "quote", "list-marker", "hr", "front-matter",
            "markup", "merge-tag", "strikethrough", "table-rule");

    private static final int HEADING = bit("heading");
    private static final int EMPHASIS = bit("emphasis");
    private static final int STRONG = bit("strong");
    private static final int LINK = bit("link");
    private static final int URL = bit("url");
    private static final int IMAGE = bit("image");
    private static final int CODE = bit("code");
    private static final int CODE_BLOCK = bit("code-block");
    private static final int QUOTE = bit("quote");
    private static final int LIST_MARKER = bit("list-marker");
    private static final int HR = bit("hr");
    private static final int FRONT_MATTER = bit("front-matter");
    private static final int MARKUP = bit("markup");
    private static final int MERGE_TAG = bit("merge-tag");
    private static final int STRIKE = bit("strikethrough");
    private static final int TABLE = bit("table-rule");

    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})");
    private static final Pattern HEADING_LINE = Pattern.compile(" {0,3}(#{1,6})(?=[ \\t]|$)");
    private static final Pattern HR_LINE = Pattern.compile(" {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern QUOTE_LINE = Pattern.compile(" {0,3}>[> \\t]*");
    private static final Pattern LIST_LINE = Pattern.compile("[ \\t]*(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]+\\[[ xX]\\])?(?=[ \\t]|$)");
    private static final Pattern TABLE_LINE = Pattern.compile("[ \\t]*\\|.*");

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)([^`\\n]{1,1000}?)\\1");
    private static final Pattern IMAGE_SPAN = Pattern.compile("!\\[([^\\]\\n]{0,500})\\]\\(([^)\\n]{0,1000})\\)");
    private static final Pattern LINK_SPAN = Pattern.compile("\\[([^\\]\\n]{1,500})\\]\\(([^)\\n]{0,1000})\\)");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^[^\\]\\s]{1,100}\\]");
    private static final Pattern BARE_URL = Pattern.compile("(?:https?://|mailto:)[^\\s<>()\\[\\]]{1,2000}");
    private static final Pattern STRONG_SPAN = Pattern.compile("(\\*\\*|__)(?=\\S)([^\\n]{1,1000}?)(?<=\\S)\\1");
    private static final Pattern STAR_EMPHASIS =
            Pattern.compile("(?<![*\\\\])\\*(?=[^\\s*])([^*\\n]{1,1000}?)(?<=[^\\s*\\\\])\\*(?!\\*)");
    // An underscore inside a word (snake_case, l_été) is not emphasis in CommonMark.
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile(
            "(?<![_\\w])_(?=[^\\s_])([^_\\n]{1,1000}?)(?<=[^\\s_])_(?![_\\w])", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern STRIKE_SPAN = Pattern.compile("~~(?=\\S)([^~\\n]{1,1000}?)(?<=\\S)~~");
    private static final Pattern MERGE = Pattern.compile("\\{\\{[^{}\\n]{1,200}\\}\\}");

    /**
     * Lines longer than this get no inline styles: RichTextFX draws one text node per styled run, and
     * a pasted 5 MB line of asterisks would otherwise become a million nodes in one paragraph.
     */
    static final int LONG_LINE = 10_000;

    private MarkdownHighlighter() {
    }

    private static int bit(String name) {
        return 1 << CLASSES.indexOf(name);
    }

    /** The highlighting of a whole text, its word count and its longest line (computed in the same pass). */
    record Result(StyleSpans<Collection<String>> spans, int words, int longestLine) {
    }

    static Result highlight(String text) {
        int[] masks = masks(text);
        return new Result(spans(masks), WordCounter.count(text, masks, URL | FRONT_MATTER | HR), longestLine(text));
    }

    static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            longest = Math.max(longest, end - start);
            start = end + 1;
        }
        return longest;
    }

    /** One mask of style bits per character. */
    static int[] masks(String text) {
        int[] m = new int[text.length()];
        int pos = frontMatter(text, m);
        String fence = null;
        while (pos < text.length() || pos == 0 && text.isEmpty()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            fence = line(text, pos, end, m, fence);
            if (end >= text.length()) {
                break;
            }
            pos = end + 1;
        }
        return m;
    }

    /** Marks a leading YAML block (a story file pasted whole) and returns where the body starts. */
    private static int frontMatter(String text, int[] m) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int pos = 4;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(pos, lineEnd).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                mark(m, 0, lineEnd, FRONT_MATTER);
                return Math.min(text.length(), lineEnd + 1);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return 0;
    }

    /** Styles one line [start, end); returns the open code fence after it, or null. */
    private static String line(String text, int start, int end, int[] m, String fence) {
        if (fence != null) {
            mark(m, start, end, CODE_BLOCK);
            String t = text.substring(start, end).strip();
            return t.startsWith(fence) && t.chars().allMatch(c -> c == fence.charAt(0)) ? null : fence;
        }
        Matcher f = FENCE.matcher(text).region(start, end);
        if (f.lookingAt()) {
            mark(m, start, end, CODE_BLOCK);
            return f.group(1);
        }
        Matcher h = HEADING_LINE.matcher(text).region(start, end);
        if (h.lookingAt()) {
            int level = h.group(1).length();
            int levelBit = level <= 3 ? bit("heading-" + level) : 0;
            mark(m, start, end, HEADING | levelBit);
            mark(m, h.start(1), h.end(1), MARKUP);
            inline(text, h.end(), end, m);
            return null;
        }
        if (HR_LINE.matcher(text).region(start, end).lookingAt()) {
            mark(m, start, end, HR | MARKUP);
            return null;
        }
        int from = start;
        Matcher q = QUOTE_LINE.matcher(text).region(start, end);
        if (q.lookingAt()) {
            mark(m, start, end, QUOTE);
            mark(m, start, q.end(), MARKUP);
            from = q.end();
        }
        Matcher l = LIST_LINE.matcher(text).region(from, end);
        if (l.lookingAt()) {
            mark(m, from, l.end(), LIST_MARKER);
            from = l.end();
        }
        if (TABLE_LINE.matcher(text).region(from, end).matches()) {
            for (int i = from; i < end; i++) {
                char c = text.charAt(i);
                if (c == '|' || (c == '-' || c == ':') && isDelimiterRow(text, from, end)) {
                    m[i] |= TABLE;
                }
            }
        }
        inline(text, from, end, m);
        return null;
    }

    private static boolean isDelimiterRow(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void inline(String text, int start, int end, int[] m) {
        if (start >= end || end - start > LONG_LINE) {
            return;
        }
        // Code first: nothing inside a code span is Markdown.
        Matcher c = CODE_SPAN.matcher(text).region(start, end);
        while (c.find()) {
            mark(m, c.start(), c.end(), CODE);
            mark(m, c.start(1), c.end(1), MARKUP);
            mark(m, c.end(2), c.end(), MARKUP);
        }
        Matcher img = IMAGE_SPAN.matcher(text).region(start, end);
        while (img.find()) {
            if (free(m, img.start())) {
                mark(m, img.start(), img.end(), IMAGE);
                mark(m, img.start(), img.start(1), MARKUP);
                mark(m, img.end(1), img.start(2), MARKUP);
                mark(m, img.start(2), img.end(2), URL);
                mark(m, img.end(2), img.end(), MARKUP);
            }
        }
        Matcher link = LINK_SPAN.matcher(text).region(start, end);
        while (link.find()) {
            if (free(m, link.start()) && (m[link.start()] & IMAGE) == 0) {
                mark(m, link.start(1), link.end(1), LINK);
                mark(m, link.start(), link.start(1), MARKUP);
                mark(m, link.end(1), link.start(2), MARKUP);
                mark(m, link.start(2), link.end(2), URL);
                mark(m, link.end(2), link.end(), MARKUP);
            }
        }
        span(text, FOOTNOTE, start, end, m, LINK);
        Matcher u = BARE_URL.matcher(text).region(start, end);
        while (u.find()) {
            if (free(m, u.start()) && (m[u.start()] & URL) == 0) {
                int stop = u.end();
                // A sentence's full stop or comma after a link is not part of it.
                while (stop > u.start() && ".,;:!?".indexOf(text.charAt(stop - 1)) >= 0) {
                    stop--;
                }
                mark(m, u.start(), stop, URL);
            }
        }
        delimited(text, STRONG_SPAN, start, end, m, STRONG, 2);
        delimited(text, STAR_EMPHASIS, start, end, m, EMPHASIS, 1);
        delimited(text, UNDERSCORE_EMPHASIS, start, end, m, EMPHASIS, 1);
        delimited(text, STRIKE_SPAN, start, end, m, STRIKE, 2);
        span(text, MERGE, start, end, m, MERGE_TAG);
    }

    /** Emphasis-like spans: the whole match gets {@code style}, its delimiters are markup. */
    private static void delimited(String text, Pattern p, int start, int end, int[] m, int style, int delim) {
        Matcher x = p.matcher(text).region(start, end);
        while (x.find()) {
            if (free(m, x.start()) && (m[x.start()] & URL) == 0) {
                mark(m, x.start(), x.end(), style);
                mark(m, x.start(), x.start() + delim, MARKUP);
                mark(m, x.end() - delim, x.end(), MARKUP);
            }
        }
    }

    private static void span(String text, Pattern p, int start, int end, int[] m, int style) {
        Matcher x = p.matcher(text).region(start, end);
        while (x.find()) {
            if (free(m, x.start())) {
                mark(m, x.start(), x.end(), style);
            }
        }
    }

    /** Whether a match may start here: not inside a code span. */
    private static boolean free(int[] m, int at) {
        return (m[at] & CODE) == 0;
    }

    private static void mark(int[] m, int start, int end, int bits) {
        for (int i = start; i < end; i++) {
            m[i] |= bits;
        }
    }

    /** Runs of equal masks as style spans; each distinct mask's class list is built once. */
    static StyleSpans<Collection<String>> spans(int[] masks) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Map<Integer, List<String>> names = new HashMap<>();
        if (masks.length == 0) {
            b.add(List.of(), 0);
            return b.create();
        }
        int runStart = 0;
        for (int i = 1; i <= masks.length; i++) {
            if (i == masks.length || masks[i] != masks[runStart]) {
                b.add(names.computeIfAbsent(masks[runStart], MarkdownHighlighter::classes), i - runStart);
                runStart = i;
            }
        }
        return b.create();
    }

    static List<String> classes(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CLASSES.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(CLASSES.get(i));
            }
        }
        return List.copyOf(out);
    }
}
