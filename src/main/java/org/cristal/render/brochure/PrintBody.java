package org.cristal.render.brochure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cristal.render.common.Texts;
import org.cristal.story.ImageRef;
import org.cristal.story.Severity;
import org.cristal.story.Urls;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;

/**
 * Turns the story's sanitised body into what goes on paper: footnote back-links dropped, link
 * targets printed after their text, images resolved and checked, and hostile sizes capped. Layout
 * time grows with the text, and some shapes (a 5 MB word, a 200-column table) would take
 * openhtmltopdf minutes, so the body is cut at limits no real story reaches, with a finding.
 */
final class PrintBody {
    /** About 10,000 words, 20 pages: six times a long story, and still laid out in about a second. */
    static final int MAX_TEXT_CHARS = 60_000;
    /** Longer than any real word or URL; a longer run of letters is cut. */
    static final int MAX_WORD_CHARS = 400;
    /** Elements of the body; a long story has a few hundred. */
    static final int MAX_ELEMENTS = 4_000;
    /** Lists nested deeper than this stop indenting, so deep nesting cannot squeeze the text to a sliver. */
    static final int MAX_LIST_INDENT = 5;
    static final int MAX_TABLE_COLUMNS = 12;
    static final int MAX_TABLE_ROWS = 300;
    /** A table this short moves to the next page whole rather than leave a row or two behind. */
    static final int KEEP_TOGETHER_ROWS = 12;
    /** Links whose address is printed after their text; beyond it the text alone is printed. */
    static final int MAX_LINK_HINTS = 40;

    private final BrochurePage page;
    private final List<ImageRef> images;
    private final int bodyLine;
    private final Optional<Hyphenation> hyphenation;

    /** @param lang the story's declared language: French and English text is hyphenated and justified */
    PrintBody(BrochurePage page, List<ImageRef> images, int bodyLine, Optional<String> lang) {
        this.page = page;
        this.images = images;
        this.bodyLine = bodyLine;
        this.hyphenation = lang.flatMap(Hyphenation::of);
    }

    void apply(Element story) {
        story.select("a.footnote-backref").remove();
        capTables(story);
        flattenDeepLists(story);
        placeImages(story);
        printLinkTargets(story);
        capText(story);
        hyphenate(story);
    }

    /** Text that is never hyphenated: addresses, code, headings (a broken heading reads badly). */
    private static final java.util.Set<String> WHOLE = java.util.Set.of("a", "code", "pre", "kbd", "samp", "h1", "h2",
            "h3", "h4", "h5", "h6");

    // Soft hyphens go into text nodes only, so no attribute (an href, an image's alt) ever carries one.
    private void hyphenate(Element story) {
        if (hyphenation.isEmpty()) {
            return;
        }
        story.addClass("hyphenated");
        List<TextNode> texts = new java.util.ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank() && !insideWhole(t, story)) {
                texts.add(t);
            }
        }, story);
        for (TextNode t : texts) {
            t.text(hyphenation.get().hyphenate(t.getWholeText()));
        }
    }

    private static boolean insideWhole(Node node, Element story) {
        for (Element e = (Element) node.parent(); e != null && e != story; e = e.parent()) {
            if (WHOLE.contains(e.normalName()) || e.hasClass("link-url")) {
                return true;
            }
        }
        return false;
    }

    private void capTables(Element story) {
        for (Element table : story.getElementsByTag("table")) {
            Elements rows = table.select("> thead > tr, > tbody > tr, > tfoot > tr, > tr");
            int columns = 0;
            for (Element row : rows) {
                columns = Math.max(columns, row.childrenSize());
            }
            if (rows.size() <= KEEP_TOGETHER_ROWS) {
                table.addClass("keep");
            }
            if (rows.size() <= MAX_TABLE_ROWS && columns <= MAX_TABLE_COLUMNS) {
                continue;
            }
            for (int i = MAX_TABLE_ROWS; i < rows.size(); i++) {
                rows.get(i).remove();
            }
            for (int i = 0; i < Math.min(rows.size(), MAX_TABLE_ROWS); i++) {
                Element row = rows.get(i);
                while (row.childrenSize() > MAX_TABLE_COLUMNS) {
                    row.child(row.childrenSize() - 1).remove();
                }
            }
            page.finding(Severity.WARNING, "brochure.table.truncated", bodyLine,
                    Math.min(rows.size(), MAX_TABLE_ROWS), Math.min(columns, MAX_TABLE_COLUMNS), rows.size(), columns);
        }
    }

    private static void flattenDeepLists(Element story) {
        for (Element list : story.select("ul, ol")) {
            int depth = 0;
            for (Element p = list.parent(); p != null && p != story && depth <= MAX_LIST_INDENT; p = p.parent()) {
                if (p.nameIs("ul") || p.nameIs("ol") || p.nameIs("blockquote")) {
                    depth++;
                }
            }
            if (depth >= MAX_LIST_INDENT) {
                list.addClass("deep");
            }
        }
        for (Element quote : story.select("blockquote blockquote blockquote blockquote blockquote")) {
            quote.addClass("deep");
        }
    }

    private void placeImages(Element story) {
        for (Element img : story.getElementsByTag("img")) {
            String src = img.attr("src");
            String alt = img.attr("alt");
            int line = lineOf(src);
            Optional<String> uri = page.printableImage(src, line);
            if (uri.isPresent()) {
                img.clearAttributes();
                img.attr("src", uri.get()).attr("alt", alt);
            } else {
                img.replaceWith(new Element("span").addClass("image-missing")
                        .text(alt.isBlank() ? Texts.forMessage(src) : alt));
            }
        }
    }

    private int lineOf(String src) {
        for (ImageRef ref : images) {
            if (ref.src().equals(src)) {
                return ref.line();
            }
        }
        return bodyLine;
    }

    // On paper a link is only as good as the address printed next to it.
    private void printLinkTargets(Element story) {
        int hints = 0;
        for (Element a : story.select("a[href]")) {
            if (hints >= MAX_LINK_HINTS) {
                break;
            }
            Optional<String> safe = Urls.safeLink(a.attr("href"));
            if (safe.isEmpty()) {
                continue;
            }
            String shown = shortForm(safe.get());
            String text = a.text().strip();
            if (shown.isEmpty() || text.contains(shown) || safe.get().equals(text)) {
                continue;
            }
            a.after(new Element("span").addClass("link-url").text(" (" + shown + ")"));
            hints++;
        }
    }

    /** {@code https://www.shop.example/atelier/?utm=x} → {@code shop.example/atelier}. */
    static String shortForm(String url) {
        String u = url;
        String lower = u.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://", "http://", "mailto:", "tel:"}) {
            if (lower.startsWith(prefix)) {
                u = u.substring(prefix.length());
                break;
            }
        }
        if (u.regionMatches(true, 0, "www.", 0, 4)) {
            u = u.substring(4);
        }
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) {
            int i = u.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        u = u.substring(0, cut);
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.length() > 80 ? u.substring(0, 79) + "…" : u;
    }

    private void capText(Element story) {
        TextBudget budget = new TextBudget();
        story.filter(budget);
        if (budget.longestWord > MAX_WORD_CHARS) {
            page.finding(Severity.WARNING, "brochure.word.truncated", bodyLine, budget.longestWord, MAX_WORD_CHARS);
        }
        if (budget.cut) {
            story.appendElement("p").addClass("truncated").text("[…]");
            page.finding(Severity.WARNING, "brochure.text.truncated", bodyLine, budget.used);
        }
    }

    /** Walks the body once, in document order, cleaning text and removing everything past the limits. */
    private static final class TextBudget implements NodeFilter {
        int used;
        int elements;
        int longestWord;
        boolean cut;

        @Override
        public FilterResult head(Node node, int depth) {
            if (depth == 0) {
                return FilterResult.CONTINUE;
            }
            if (cut) {
                return FilterResult.REMOVE;
            }
            if (node instanceof Element) {
                if (++elements > MAX_ELEMENTS) {
                    cut = true;
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                int room = MAX_TEXT_CHARS - used;
                boolean over = text.length() > room;
                if (over) {
                    // Look only at what can still be printed; a word cut here is cut for the budget.
                    text = text.substring(0, PrintText.safeEnd(text, Math.max(0, room)));
                }
                text = PrintText.dropInvisible(PrintText.fillMergeTags(text));
                PrintText.Capped capped = PrintText.capWords(text, MAX_WORD_CHARS);
                longestWord = Math.max(longestWord, capped.longestWord());
                text = capped.text();
                used += text.length();
                cut = over;
                t.text(text);
            }
            return FilterResult.CONTINUE;
        }
    }
}
