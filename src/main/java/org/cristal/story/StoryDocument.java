package org.cristal.story;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A story parsed once for all renderers: the sanitised body HTML, its text blocks, images and links
 * with their file lines. Immutable and safe to share between threads.
 *
 * <p>If the body starts with a heading that repeats the title, that heading is left out of
 * {@link #bodyHtml()}: every channel shows the title its own way.
 *
 * <p>The document's text is in Unicode normalisation form C ({@link #of}).
 */
public final class StoryDocument {
    private final Story story;
    private final String bodyHtml;
    private final String bodyHtmlNoRemoteImages;
    private final List<TextBlock> blocks;
    private final List<ImageRef> images;
    private final List<LinkRef> links;
    private final List<Finding> findings;
    private final int wordCount;

    private StoryDocument(Story story, String bodyHtml, String bodyHtmlNoRemoteImages, List<TextBlock> blocks,
            List<ImageRef> images, List<LinkRef> links, List<Finding> findings, int wordCount) {
        this.story = story;
        this.bodyHtml = bodyHtml;
        this.bodyHtmlNoRemoteImages = bodyHtmlNoRemoteImages;
        this.blocks = List.copyOf(blocks);
        this.images = List.copyOf(images);
        this.links = List.copyOf(links);
        this.findings = List.copyOf(findings);
        this.wordCount = wordCount;
    }

    /** Parses a story file's text into a document. */
    public static StoryDocument parse(String id, String source) throws StoryFormatException {
        return of(StoryParser.parse(id, source));
    }

    /**
     * @param story as written; the document works on its text in Unicode normalisation form C, so an accent
     *              typed as a separate combining mark (macOS, some web forms) is one character for every
     *              channel, count and check. {@link #story()} returns that form; the stored text is not changed.
     */
    public static StoryDocument of(Story story) {
        story = Nfc.of(story);
        List<Finding> findings = new ArrayList<>();
        Markdown.Limited limited = Markdown.tame(story.body());
        if (limited.nestingLimited()) {
            findings.add(Finding.of(Severity.WARNING, null, "story.nestingLimited", story.bodyLine()));
        }
        if (limited.truncated()) {
            findings.add(Finding.of(Severity.WARNING, null, "story.truncated", story.bodyLine(),
                    Markdown.MAX_RENDERED_CHARS / 1000));
        }
        Document ast;
        String html;
        try {
            ast = Markdown.parse(limited.text());
            dropTitleHeading(ast, story.title());
            html = Markdown.toHtml(ast);
        } catch (StackOverflowError e) {
            // Last line of defence against pathological input: show the text, unformatted.
            findings.add(Finding.of(Severity.WARNING, null, "story.tooComplex", story.bodyLine()));
            ast = Markdown.parse("");
            html = "<p>" + HtmlSanitizer.escape(story.body()).replace("\n", "<br>") + "</p>";
        }
        org.jsoup.nodes.Document clean = HtmlSanitizer.clean(html);
        String withRemote = clean.body().html();
        for (Element img : clean.select("img[src]")) {
            if (Urls.isRemote(img.attr("src"))) {
                img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt")));
            }
        }
        String noRemote = clean.body().html();

        List<TextBlock> blocks = new ArrayList<>();
        List<ImageRef> images = new ArrayList<>();
        List<LinkRef> links = new ArrayList<>();
        dropFootnotes(ast);
        collect(ast, new LineIndex(limited.text(), story.bodyLine()), blocks, images, links);
        int words = 0;
        for (TextBlock b : blocks) {
            words += countWords(b.text());
        }
        return new StoryDocument(story, withRemote, noRemote, blocks, images, links, findings, words);
    }

    /**
     * Footnote markers and notes are part of the HTML but not of the text blocks: "$75.1" in a social
     * post or a word count is not what the author wrote. Runs after the HTML is rendered.
     */
    private static void dropFootnotes(Document ast) {
        List<Node> drop = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(ast);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Footnote || n instanceof FootnoteBlock) {
                drop.add(n);
                continue;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                stack.push(c);
            }
        }
        drop.forEach(Node::unlink);
    }

    private static void dropTitleHeading(Document ast, String title) {
        Node first = ast.getFirstChild();
        if (first instanceof Heading h && Markdown.text(h).strip().equalsIgnoreCase(title.strip())) {
            h.unlink();
        }
    }

    // Iterative walk: the AST of hostile input can be deep, and renderers run on ordinary stacks.
    private static void collect(Document ast, LineIndex lines, List<TextBlock> blocks, List<ImageRef> images,
            List<LinkRef> links) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(ast);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            int line = lines.lineAt(n.getStartOffset());
            boolean descend = true;
            if (n instanceof Heading h) {
                blocks.add(new TextBlock(TextBlock.Kind.HEADING, Markdown.text(h).strip(), line, h.getLevel()));
            } else if (n instanceof Paragraph p) {
                blocks.add(new TextBlock(kindOf(p), Markdown.text(p).strip(), line, 0));
            } else if (n instanceof TableCell c) {
                blocks.add(new TextBlock(TextBlock.Kind.TABLE_CELL, Markdown.text(c).strip(), line, 0));
            } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
                blocks.add(new TextBlock(TextBlock.Kind.CODE, n.getChildChars().toString(), line, 0));
                descend = false;
            } else if (n instanceof Image img) {
                images.add(new ImageRef(img.getUrl().toString(), img.getText().toString(), line));
            } else if (n instanceof Link link) {
                links.add(new LinkRef(link.getUrl().toString(), Markdown.text(link).strip(), line));
            } else if (n instanceof AutoLink link) {
                links.add(new LinkRef(link.getUrl().toString(), link.getText().toString(), line));
            }
            if (descend) {
                List<Node> children = new ArrayList<>();
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    children.add(c);
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
        }
    }

    /**
     * File lines of body offsets. flexmark's own getStartLineNumber() counts from the start of the
     * text on every call, which made a 2,000-row table take seconds.
     */
    private static final class LineIndex {
        private final int[] starts;
        private final int firstLine;

        LineIndex(String text, int firstLine) {
            this.firstLine = firstLine;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[k++] = i + 1;
                }
            }
        }

        int lineAt(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return firstLine + (i >= 0 ? i : -i - 2);
        }
    }

    private static TextBlock.Kind kindOf(Paragraph p) {
        for (Node a = p.getParent(); a != null; a = a.getParent()) {
            if (a instanceof ListItem) {
                return TextBlock.Kind.LIST_ITEM;
            }
            if (a instanceof BlockQuote) {
                return TextBlock.Kind.QUOTE;
            }
        }
        return TextBlock.Kind.PARAGRAPH;
    }

    static int countWords(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter || (in && (text.charAt(i) == '\'' || text.charAt(i) == '’' || text.charAt(i) == '-'));
        }
        return words;
    }

    public Story story() {
        return story;
    }

    /** Sanitised body HTML; remote images kept (use only when the user allowed remote content). */
    public String bodyHtmlWithRemoteImages() {
        return bodyHtml;
    }

    /** Sanitised body HTML with remote images replaced by their alt text: the default everywhere. */
    public String bodyHtml() {
        return bodyHtmlNoRemoteImages;
    }

    public List<TextBlock> blocks() {
        return blocks;
    }

    public List<ImageRef> images() {
        return images;
    }

    public List<LinkRef> links() {
        return links;
    }

    /** Problems met while parsing the body (nesting flattened, too complex), channel-independent. */
    public List<Finding> findings() {
        return findings;
    }

    public int wordCount() {
        return wordCount;
    }

    /**
     * The story's description for meta tags and link previews: the summary, or else the first
     * paragraph's text.
     */
    public String description() {
        if (!story.summary().isBlank()) {
            return story.summary();
        }
        for (TextBlock b : blocks) {
            if (b.kind() == TextBlock.Kind.PARAGRAPH && !b.text().isBlank()) {
                return b.text();
            }
        }
        return "";
    }
}
