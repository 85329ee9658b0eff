package org.cristal.render.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The story as a feed entry: an Atom (RFC 4287) {@code <entry>} and an RSS 2.0 {@code <item>}, each a
 * well-formed XML fragment a static-site publisher drops into its feed file. Dates are RFC 3339 for Atom
 * and RFC 822 (with a four-digit year, as RSS readers expect) for RSS.
 */
final class Feeds {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private Feeds() {
    }

    /** What an entry says; {@code url} empty when the brand has no website. */
    record Entry(String slug, String url, String title, String summary, String author, String lang,
            OffsetDateTime published, List<String> tags) {
    }

    static String rfc3339(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String rfc822(OffsetDateTime t) {
        return RFC_822.format(t);
    }

    /** Without a website an entry still needs a stable, unique id: a tag-like URN built from the slug. */
    private static String id(Entry e) {
        return e.url().isEmpty() ? "urn:cristal:story:" + e.slug() : e.url();
    }

    static String atom(Entry e) {
        StringBuilder x = new StringBuilder(512);
        x.append("<entry xmlns=\"").append(ATOM_NS).append('"');
        if (!e.lang().isEmpty()) {
            x.append(" xml:lang=\"").append(xml(e.lang())).append('"');
        }
        x.append(">\n  <id>").append(xml(id(e))).append("</id>\n");
        x.append("  <title type=\"text\">").append(xml(e.title())).append("</title>\n");
        if (!e.url().isEmpty()) {
            x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(e.url())).append("\"/>\n");
        }
        String date = rfc3339(e.published());
        x.append("  <published>").append(date).append("</published>\n");
        x.append("  <updated>").append(date).append("</updated>\n");
        // Atom requires an author on each entry unless the feed has one; the brand speaks.
        x.append("  <author><name>").append(xml(e.author().isEmpty() ? "Cristal" : e.author()))
                .append("</name></author>\n");
        if (!e.summary().isEmpty()) {
            x.append("  <summary type=\"text\">").append(xml(e.summary())).append("</summary>\n");
        }
        for (String tag : e.tags()) {
            x.append("  <category term=\"").append(xml(tag)).append("\"/>\n");
        }
        return x.append("</entry>\n").toString();
    }

    static String rss(Entry e) {
        StringBuilder x = new StringBuilder(512);
        x.append("<item>\n  <title>").append(xml(e.title())).append("</title>\n");
        if (!e.url().isEmpty()) {
            x.append("  <link>").append(xml(e.url())).append("</link>\n");
        }
        x.append("  <guid isPermaLink=\"").append(!e.url().isEmpty()).append("\">").append(xml(id(e)))
                .append("</guid>\n");
        if (!e.summary().isEmpty()) {
            x.append("  <description>").append(xml(e.summary())).append("</description>\n");
        }
        x.append("  <pubDate>").append(rfc822(e.published())).append("</pubDate>\n");
        for (String tag : e.tags()) {
            x.append("  <category>").append(xml(tag)).append("</category>\n");
        }
        return x.append("</item>\n").toString();
    }

    /** Text escaped for XML 1.0 content and attributes; characters XML cannot hold become U+FFFD. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r'
                            || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }
}
