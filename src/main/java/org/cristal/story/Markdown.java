package org.cristal.story;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Optional;

/**
 * The one Markdown dialect of Cristal: CommonMark plus tables, strikethrough, task lists, footnotes
 * and autolinks. Parser and renderer are built once; flexmark documents them as reusable across
 * threads.
 */
public final class Markdown {
    /** Deeper nesting than this is flattened before parsing: no story needs it, and it overflows stacks. */
    static final int MAX_QUOTE_DEPTH = 12;
    static final int MAX_INDENT = 40;
    /** Bodies beyond this are cut for rendering (the stored text is untouched): about 15,000 words. */
    static final int MAX_RENDERED_CHARS = 100_000;
    /**
     * flexmark's inline parsing grows faster than linearly with the length of one paragraph (50,000
     * links in one line take minutes), so longer runs of text are split into paragraphs of about
     * this size. No real paragraph comes near it.
     */
    static final int MAX_PARAGRAPH_CHARS = 4_000;

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    TaskListExtension.create(), FootnoteExtension.create(), AutolinkExtension.create()))
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            // Task items as characters, not <input> elements: outputs carry no form controls.
            .set(TaskListExtension.ITEM_DONE_MARKER, "<span class=\"task-done\">☑</span> ")
            .set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<span class=\"task-open\">☐</span> ")
            .toImmutable();

    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private Markdown() {
    }

    static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    static String toHtml(Node node) {
        return RENDERER.render(node);
    }

    static String text(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node);
    }

    /**
     * The text of the first ATX heading ({@code # Title}) of a Markdown body, if any: the title of a
     * story with no front matter. Scans lines rather than parsing the whole body, which may be huge.
     */
    public static Optional<String> firstHeading(String body) {
        boolean inFence = false;
        int scanned = 0;
        for (String line : body.split("\n", 2_000)) {
            if (++scanned >= 2_000) {
                break;
            }
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && t.startsWith("#") && line.indexOf('#') < 4) {
                int level = 0;
                while (level < t.length() && t.charAt(level) == '#') {
                    level++;
                }
                if (level <= 6 && (level == t.length() || t.charAt(level) == ' ')) {
                    String inline = t.substring(level).replaceAll("\\s#+$", "").strip();
                    String text = inline.length() > 300 ? inline.substring(0, 300) : inline;
                    String plain = text(parse(text)).strip();
                    if (!plain.isEmpty()) {
                        return Optional.of(plain);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The body as it will be parsed, and what had to be changed to make it safe to parse. */
    record Limited(String text, boolean nestingLimited, boolean truncated) {
    }

    /**
     * Makes hostile input cheap to parse: cuts bodies over {@link #MAX_RENDERED_CHARS}, caps block-quote
     * depth and indentation (10,000 nested quotes or 2,000 nested lists would overflow the stack of any
     * recursive AST walk) and splits runs of text longer than {@link #MAX_PARAGRAPH_CHARS}. Real stories
     * come through unchanged.
     */
    static Limited tame(String body) {
        boolean truncated = body.length() > MAX_RENDERED_CHARS;
        String text = body;
        if (truncated) {
            int cut = body.lastIndexOf('\n', MAX_RENDERED_CHARS);
            text = body.substring(0, cut > MAX_RENDERED_CHARS / 2 ? cut : MAX_RENDERED_CHARS);
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean nesting = false;
        boolean inFence = false;
        int paragraph = 0;
        int lineStart = 0;
        int n = text.length();
        while (lineStart <= n) {
            int eol = text.indexOf('\n', lineStart);
            int end = eol < 0 ? n : eol;
            int depth = 0;
            int indent = 0;
            int i = lineStart;
            while (i < end) {
                char c = text.charAt(i);
                if (c == '>') {
                    depth++;
                } else if (c == ' ') {
                    indent++;
                } else if (c == '\t') {
                    indent += 4;
                } else {
                    break;
                }
                i++;
            }
            String rest = text.substring(i, end);
            if (rest.startsWith("```") || rest.startsWith("~~~")) {
                inFence = !inFence;
            }
            String prefix = text.substring(lineStart, i);
            if (depth > MAX_QUOTE_DEPTH || indent > MAX_INDENT + depth) {
                nesting = true;
                int quotes = Math.min(depth, MAX_QUOTE_DEPTH);
                prefix = ">".repeat(quotes) + (quotes > 0 ? " " : "") + " ".repeat(Math.min(indent, MAX_INDENT));
            }
            boolean prose = !inFence && depth == 0 && !rest.startsWith("|");
            if (rest.isBlank()) {
                paragraph = 0;
                out.append(prefix).append(rest);
            } else if (prose && paragraph + rest.length() > MAX_PARAGRAPH_CHARS) {
                if (paragraph > 0) {
                    out.append('\n');
                }
                out.append(prefix);
                paragraph = appendInChunks(out, rest);
            } else {
                out.append(prefix).append(rest);
                paragraph += rest.length();
            }
            if (eol >= 0) {
                out.append('\n');
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        String result = out.toString();
        return new Limited(result.equals(body) ? body : result, nesting, truncated);
    }

    /** Appends text as paragraphs of at most MAX_PARAGRAPH_CHARS, cut at spaces when there are any; returns the last one's length. */
    private static int appendInChunks(StringBuilder out, String text) {
        int start = 0;
        while (text.length() - start > MAX_PARAGRAPH_CHARS) {
            int cut = text.lastIndexOf(' ', start + MAX_PARAGRAPH_CHARS);
            if (cut <= start) {
                cut = start + MAX_PARAGRAPH_CHARS;
                if (Character.isLowSurrogate(text.charAt(cut))) {
                    cut--;
                }
            }
            out.append(text, start, cut).append("\n\n");
            start = text.charAt(cut) == ' ' ? cut + 1 : cut;
        }
        out.append(text, start, text.length());
        return text.length() - start;
    }
}
