package org.cristal.story;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes story HTML inert: an allow-list of formatting elements, links limited to http(s), mailto,
 * tel and in-page anchors, images to http(s) and relative paths. Scripts, event handlers, styles,
 * iframes, objects, forms, SVG, meta refreshes and {@code javascript:}/{@code data:}/{@code file:}
 * URLs are dropped.
 */
public final class HtmlSanitizer {
    // A base URI is needed for jsoup to judge relative links; it never appears in output.
    private static final String BASE = "https://story.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("del", "s", "hr", "section", "abbr", "mark")
            .removeProtocols("a", "href", "ftp")
            .addProtocols("a", "href", "tel", "#")
            .addAttributes("a", "class", "id")
            .addAttributes("li", "class", "id")
            .addAttributes("span", "class")
            .addAttributes("sup", "class", "id")
            .addAttributes("div", "class")
            .addAttributes("section", "class")
            .addAttributes("ol", "class")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .preserveRelativeLinks(true);

    /**
     * The only class names a story's HTML may carry: the ones our Markdown renderer writes. Any other
     * class could borrow an output's own styling (a link dressed as the brand's CTA button, a fake footer).
     */
    private static final java.util.Set<String> MARKDOWN_CLASSES = java.util.Set.of("task-done", "task-open",
            "task-list-item", "footnote-ref", "footnote-backref", "footnotes");

    private static final java.util.regex.Pattern EMPTY_HOST =
            java.util.regex.Pattern.compile("(?i)https?://(?:[/?#].*)?", java.util.regex.Pattern.DOTALL);

    private HtmlSanitizer() {
    }

    /** A sanitised body fragment as a jsoup document (body holds the content). */
    public static Document clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element a : clean.select("a[href]")) {
            String href = a.attr("href");
            if (EMPTY_HOST.matcher(href).matches()) {
                // "https://" alone (typed half-way, or cut by the length guard) is autolinked by Markdown
                // but is no address: a link to nowhere in every channel, and invalid HTML. Its text stays.
                a.unwrap();
            } else if (href.startsWith("http://") || href.startsWith("https://")) {
                a.attr("rel", "noopener noreferrer");
            }
        }
        for (Element e : clean.select("[class]")) {
            java.util.Set<String> kept = new java.util.LinkedHashSet<>(e.classNames());
            kept.retainAll(MARKDOWN_CLASSES);
            if (kept.isEmpty()) {
                e.removeAttr("class");
            } else {
                e.classNames(kept);
            }
        }
        // An <img> whose src was refused (file:, data:, javascript:) has no src left: keep its alt text.
        for (Element img : clean.select("img:not([src])")) {
            img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt")));
        }
        return clean;
    }

    /** Escapes text for use inside HTML content or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
