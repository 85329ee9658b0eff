package org.cristal.story;

import com.vladsch.flexmark.ast.Heading;
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

    /** The text of the first heading of a Markdown body, if any (used as title when there is no front matter). */
    public static Optional<String> firstHeading(String body) {
        String limited = limitNesting(body).text();
        for (Node n = parse(limited).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String t = text(h).strip();
                if (!t.isEmpty()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    record Limited(String text, boolean changed) {
    }

    /**
     * Caps block-quote depth and indentation. Hostile input (10,000 nested quotes, 2,000 nested
     * lists) would otherwise overflow the stack of any recursive AST walk; real stories never come close.
     */
    static Limited limitNesting(String body) {
        StringBuilder out = null;
        int lineStart = 0;
        int n = body.length();
        while (lineStart <= n) {
            int eol = body.indexOf('\n', lineStart);
            int end = eol < 0 ? n : eol;
            int depth = 0;
            int indent = 0;
            int i = lineStart;
            while (i < end) {
                char c = body.charAt(i);
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
            boolean tooDeep = depth > MAX_QUOTE_DEPTH || indent > MAX_INDENT + depth;
            if (tooDeep && out == null) {
                out = new StringBuilder(body.length());
                out.append(body, 0, lineStart);
            }
            if (out != null) {
                if (tooDeep) {
                    int quotes = Math.min(depth, MAX_QUOTE_DEPTH);
                    out.append(">".repeat(quotes)).append(quotes > 0 ? " " : "");
                    out.append(" ".repeat(Math.min(indent, MAX_INDENT)));
                    out.append(body, i, end);
                } else {
                    out.append(body, lineStart, end);
                }
                if (eol >= 0) {
                    out.append('\n');
                }
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        return out == null ? new Limited(body, false) : new Limited(out.toString(), true);
    }
}
