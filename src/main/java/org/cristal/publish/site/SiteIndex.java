package org.cristal.publish.site;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The site's {@code index.html}: the published stories newest first, each with its title, date, summary
 * and link. It is built from a story page of the site (the newest one), keeping that page's brand header,
 * footer, style sheet and security policy, so the index looks like the pages it lists and needs no style
 * of its own beyond the list.
 */
final class SiteIndex {
    private static final String LIST_STYLE = """
            .story-list{list-style:none;padding:0;margin:1.75rem 0 0}
            .story-list>li{margin:0;padding:1.5rem 0;border-bottom:1px solid rgba(127,127,127,.35)}
            .story-list>li:first-child{padding-top:0}
            .story-list h2{margin:0 0 .25rem;font-size:1.5rem}
            .story-list h2 a{text-decoration:none}
            .story-list h2 a:hover{text-decoration:underline}
            .story-list .meta{margin:0 0 .5rem}
            .story-list p{margin:0}
            .feeds{margin-top:2rem;font-size:.95rem}
            main.wrap{padding-top:2.5rem;padding-bottom:3rem}
            """;

    private SiteIndex() {
    }

    /**
     * @param template a story page of this site (its head, header and footer are kept)
     * @param title    the site's title, the index's heading
     */
    static String html(String template, String title, List<SiteManifest.Entry> newestFirst) {
        Document doc = Jsoup.parse(template);
        doc.outputSettings().prettyPrint(false);
        Element head = doc.head();
        // What described the story (description, canonical, Open Graph, JSON-LD) does not describe the index.
        head.select("meta[name=description], meta[property], meta[name^=twitter:], link[rel=canonical], script")
                .remove();
        doc.title(title);
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/rss+xml")
                .attr("title", title).attr("href", "feed.xml");
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", title).attr("href", "atom.xml");
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(LIST_STYLE));
        String lang = doc.selectFirst("html").attr("lang");
        Locale locale = Locale.forLanguageTag(lang.isEmpty() ? "en" : lang);
        Element main = doc.selectFirst("main");
        if (main == null) {
            main = doc.body().appendElement("main").addClass("wrap");
        }
        main.empty();
        main.appendElement("h1").text(title);
        Element list = main.appendElement("ul").addClass("story-list");
        for (SiteManifest.Entry e : newestFirst) {
            Element item = list.appendElement("li");
            Element article = item.appendElement("article");
            if (!e.lang().isEmpty() && !e.lang().equalsIgnoreCase(lang)) {
                article.attr("lang", e.lang());
            }
            article.appendElement("h2").appendElement("a").attr("href", e.slug() + ".html").text(e.title());
            OffsetDateTime date = OffsetDateTime.parse(e.published());
            article.appendElement("p").addClass("meta").appendElement("time")
                    .attr("datetime", date.toLocalDate().toString())
                    .text(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(e.lang().isEmpty() ? locale : Locale.forLanguageTag(e.lang())).format(date));
            if (!e.summary().isEmpty()) {
                article.appendElement("p").text(e.summary());
            }
        }
        Element feeds = main.appendElement("p").addClass("feeds");
        feeds.appendElement("a").attr("href", "feed.xml").text("RSS");
        feeds.appendText(" · ");
        feeds.appendElement("a").attr("href", "atom.xml").text("Atom");
        return doc.outerHtml() + "\n";
    }
}
