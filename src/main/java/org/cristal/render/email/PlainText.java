package org.cristal.render.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a sanitised body into plain text that reads well on its own: headings underlined, paragraphs
 * wrapped at {@value #WIDTH} characters, lists with {@code - } or numbers, quotes with {@code > },
 * links spelled out as {@code text (url)}. URLs and long words are never broken. Not thread-safe; one per
 * message.
 */
final class PlainText {
    static final int WIDTH = 72;
    // Deeper markup than this (only hostile input has it) is flattened to its text.
    private static final int MAX_DEPTH = 64;
    private static final Pattern SCHEME = Pattern.compile("^(?i)https?://");

    private final StringBuilder out = new StringBuilder();
    private String marker;
    private boolean tight;
    // True right after a separation, so that a block opening inside another (a quote's first paragraph)
    // does not add a second blank line.
    private boolean separated;

    String result() {
        return out.toString();
    }

    /** A title underlined with {@code =} (level 1) or {@code -}. */
    void heading(String text, int level, String prefix) {
        separate(prefix);
        String wrapped = wrap(text, WIDTH - prefix.length());
        int longest = 0;
        for (String line : wrapped.split("\n", -1)) {
            out.append(prefix).append(line).append('\n');
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        out.append(prefix).append(String.valueOf(level <= 1 ? '=' : '-').repeat(Math.max(3, longest))).append('\n');
        separated = false;
    }

    /** A paragraph of plain text (may hold hard line breaks). */
    void paragraph(String text, String prefix) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        separate(prefix);
        String first = marker == null ? prefix : marker;
        String rest = marker == null ? prefix : prefix + " ".repeat(marker.length() - prefix.length());
        marker = null;
        String[] lines = wrap(t, WIDTH - rest.length()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? first : rest).append(lines[i]).append('\n');
        }
        separated = false;
    }

    /** The blocks of a sanitised body element. */
    void body(Element body) {
        blocks(body, "", 0);
    }

    private void blocks(Element parent, String prefix, int depth) {
        StringBuilder inline = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(inline, prefix);
                block(e, prefix, depth + 1);
            } else {
                inline(child, inline, depth + 1);
            }
        }
        flush(inline, prefix);
    }

    private void flush(StringBuilder inline, String prefix) {
        if (inline.length() == 0) {
            return;
        }
        String text = collapse(inline);
        inline.setLength(0);
        // White space between blocks is not a paragraph, and must not use up a pending list marker.
        if (!text.isEmpty()) {
            paragraph(text, prefix);
        }
    }

    private void block(Element e, String prefix, int depth) {
        if (depth > MAX_DEPTH) {
            paragraph(e.text(), prefix);
            return;
        }
        switch (e.normalName()) {
            case "h1" -> heading(inlineText(e, depth), 1, prefix);
            case "h2", "h3", "h4", "h5", "h6" -> heading(inlineText(e, depth), 2, prefix);
            case "ul", "ol" -> list(e, prefix, depth);
            case "li" -> item(e, "- ", prefix, depth);
            case "blockquote" -> {
                separate(prefix);
                blocks(e, prefix + "> ", depth);
            }
            case "pre" -> preformatted(e, prefix);
            case "table" -> table(e, prefix, depth);
            case "hr" -> paragraph("----", prefix);
            default -> blocks(e, prefix, depth);
        }
    }

    private void list(Element list, String prefix, int depth) {
        boolean ordered = list.nameIs("ol");
        int n = 1;
        try {
            n = Integer.parseInt(list.attr("start").strip());
        } catch (NumberFormatException e) {
            // no start attribute: count from 1
        }
        boolean wasTight = tight;
        separate(prefix);
        tight = true;
        for (Element li : list.children()) {
            String m = ordered ? (n++) + ". " : "- ";
            item(li, m, prefix, depth);
        }
        tight = wasTight;
    }

    private void item(Element li, String bullet, String prefix, int depth) {
        boolean wasTight = tight;
        tight = true;
        marker = prefix + bullet;
        blocks(li, prefix + " ".repeat(bullet.length()), depth);
        marker = null;
        tight = wasTight;
    }

    private void preformatted(Element pre, String prefix) {
        separate(prefix);
        String code = pre.wholeText().replace("\r", "").stripTrailing();
        for (String line : code.split("\n", -1)) {
            out.append(prefix).append("    ").append(line).append('\n');
        }
        separated = false;
    }

    private void table(Element table, String prefix, int depth) {
        separate(prefix);
        for (Element row : table.select("tr")) {
            StringBuilder line = new StringBuilder();
            boolean header = true;
            for (Element cell : row.children()) {
                if (line.length() > 0) {
                    line.append(" | ");
                }
                line.append(inlineText(cell, depth).replace('\n', ' '));
                header &= cell.nameIs("th");
            }
            String text = line.toString().strip();
            out.append(prefix).append(text).append('\n');
            if (header && !text.isEmpty()) {
                int width = Math.min(WIDTH - prefix.length(), text.codePointCount(0, text.length()));
                out.append(prefix).append("-".repeat(Math.max(3, width))).append('\n');
            }
            separated = false;
        }
    }

    private String inlineText(Element e, int depth) {
        StringBuilder b = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, b, depth + 1);
        }
        return collapse(b);
    }

    private void inline(Node node, StringBuilder b, int depth) {
        if (node instanceof TextNode t) {
            // A newline in the source is a soft break, a space; only <br> breaks the line.
            b.append(t.getWholeText().replace('\n', ' '));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            b.append(e.text());
            return;
        }
        switch (e.normalName()) {
            case "br" -> b.append('\n');
            case "img" -> {
                String alt = e.attr("alt").strip();
                if (!alt.isEmpty()) {
                    b.append('[').append(alt).append(']');
                }
            }
            case "a" -> link(e, b, depth);
            case "sup" -> {
                String inner = inlineText(e, depth);
                boolean footnote = e.selectFirst("a.footnote-ref") != null;
                b.append(footnote ? "[" + inner + "]" : "^" + inner);
            }
            default -> {
                for (Node child : e.childNodes()) {
                    inline(child, b, depth + 1);
                }
            }
        }
    }

    private void link(Element a, StringBuilder b, int depth) {
        if (a.hasClass("footnote-backref")) {
            return;
        }
        String text = inlineText(a, depth);
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.startsWith("#")) {
            b.append(text);
            return;
        }
        String shown = href.toLowerCase(Locale.ROOT).startsWith("mailto:") ? href.substring(7) : href;
        String bare = SCHEME.matcher(shown).replaceFirst("");
        if (text.isEmpty() || text.equals(shown) || text.equals(bare) || text.equals(href)) {
            b.append(shown);
        } else {
            b.append(text).append(" (").append(shown).append(')');
        }
    }

    private void separate(String prefix) {
        if (out.length() == 0 || separated) {
            return;
        }
        separated = true;
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (!tight) {
            out.append(prefix.stripTrailing()).append('\n');
        }
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                    "table", "hr", "dl", "dt", "dd", "figure", "figcaption", "caption" -> true;
            default -> false;
        };
    }

    /** Runs of white space become one space, except hard breaks, which stay. */
    private static String collapse(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                trimEnd(b);
                b.append('\n');
                space = false;
            } else if (Character.isWhitespace(c)) {
                space = b.length() > 0 && b.charAt(b.length() - 1) != '\n';
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        boolean glueNext = false;
        for (String word : line.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean closing = word.length() <= 2 && ":;!?»".indexOf(word.charAt(0)) >= 0;
            if ((closing || glueNext) && !words.isEmpty()) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + word);
            } else {
                words.add(word);
            }
            glueNext = word.equals("«");
        }
        return words;
    }

    private static void trimEnd(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
    }

    /** Lines written as they are (the footer): no wrapping, no blank line between them. */
    void lines(String... lines) {
        separate("");
        for (String line : lines) {
            out.append(line).append('\n');
        }
        separated = false;
    }

    /**
     * Greedy word wrap; a word longer than the width (a URL) gets a line of its own, unbroken. French
     * spaced punctuation ({@code « mot »}, {@code ici :}) stays on the line of its word.
     */
    static String wrap(String text, int width) {
        int w = Math.max(20, width);
        StringBuilder b = new StringBuilder(text.length() + 16);
        String[] hardLines = text.split("\n", -1);
        for (int l = 0; l < hardLines.length; l++) {
            if (l > 0) {
                b.append('\n');
            }
            int lineLength = 0;
            for (String word : words(hardLines[l])) {
                int len = word.codePointCount(0, word.length());
                if (lineLength > 0 && lineLength + 1 + len > w) {
                    b.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    b.append(' ');
                    lineLength++;
                }
                b.append(word);
                lineLength += len;
            }
        }
        return b.toString();
    }
}
