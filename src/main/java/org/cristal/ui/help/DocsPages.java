package org.cristal.ui.help;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The user's documentation shipped in the jar ({@code cristal-docs/}, see the pom), as one HTML page for
 * Help › Documentation: works with no network. Links between pages become links inside the page; pictures are
 * not shipped (they weigh megabytes), so each shows its description instead.
 */
public final class DocsPages {
    static final String ROOT = "cristal-docs/";
    static final List<String> PAGES = List.of("README.md", "docs/channels/web.md", "docs/channels/email.md",
            "docs/channels/social.md", "docs/channels/brochure.md", "docs/checks.md", "docs/publishing.md",
            "docs/audience.md", "docs/unsubscribes.md", "docs/plugins.md");

    private DocsPages() {
    }

    /** Every page that is in the jar, in reading order, with a table of contents on top. */
    public static String html() {
        MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        StringBuilder toc = new StringBuilder("<nav id=\"contents\"><ul>");
        StringBuilder body = new StringBuilder();
        for (String page : PAGES) {
            String md = read(page);
            if (md == null) {
                continue;
            }
            Document doc = Jsoup.parseBodyFragment(renderer.render(parser.parse(md)));
            Element h1 = doc.selectFirst("h1, h2");
            String title = h1 == null ? page : h1.text();
            toc.append("<li><a href=\"#").append(anchor(page)).append("\">").append(escape(title)).append("</a></li>");
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href");
                String target = href.split("#", 2)[0];
                if (target.endsWith(".md")) {
                    a.attr("href", "#" + anchor(target));
                }
            }
            for (Element img : doc.select("img")) {
                img.replaceWith(new Element("em").text(img.attr("alt")));
            }
            body.append("<section id=\"").append(anchor(page)).append("\">").append(doc.body().html())
                    .append("</section><hr>");
        }
        toc.append("</ul></nav>");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                + "body{font-family:sans-serif;max-width:52em;margin:1em auto;padding:0 1em;line-height:1.5}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                + "code,pre{background:#f4f4f4}pre{padding:.5em;overflow:auto}</style></head><body>"
                + toc + body + "</body></html>";
    }

    /** "docs/channels/web.md", "../web.md" and "web.md" all name the page anchored "page-web". */
    static String anchor(String page) {
        String name = page.substring(page.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
        return "page-" + name.toLowerCase(Locale.ROOT);
    }

    private static String read(String page) {
        try (InputStream in = DocsPages.class.getClassLoader().getResourceAsStream(ROOT + page)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
