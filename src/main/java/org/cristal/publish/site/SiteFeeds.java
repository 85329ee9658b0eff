package org.cristal.publish.site;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cristal.story.Slugs;

/**
 * The site's {@code sitemap.xml} (sitemaps.org 0.9), RSS 2.0 {@code feed.xml} and Atom (RFC 4287)
 * {@code atom.xml}, written with the JDK's StAX writer so every file is well-formed XML whatever a title
 * holds. Their dates come from the manifest, never from the clock, so publishing nothing new rewrites
 * nothing.
 */
final class SiteFeeds {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    /** What the feeds say about the site as a whole; {@code base} empty when the user gave no base URL. */
    record Site(String title, String base, String lang) {
    }

    private SiteFeeds() {
    }

    /** The page's absolute address: under the base URL when there is one, else its canonical one, else "". */
    static String url(Site site, SiteManifest.Entry e) {
        return site.base().isEmpty() ? e.url() : site.base() + "/" + e.slug();
    }

    /** An entry needs a stable id even when the site has no address yet. */
    private static String id(Site site, SiteManifest.Entry e) {
        String url = url(site, e);
        return url.isEmpty() ? "urn:cristal:story:" + e.slug() : url;
    }

    static byte[] sitemap(Site site, List<SiteManifest.Entry> entries) {
        return write(x -> {
            x.writeStartElement("urlset");
            x.writeDefaultNamespace(SITEMAP_NS);
            if (!site.base().isEmpty()) {
                url(x, site.base() + "/", newest(entries));
            }
            for (SiteManifest.Entry e : entries) {
                String url = url(site, e);
                if (!url.isEmpty()) {
                    url(x, url, e.updated());
                }
            }
            nl(x);
            x.writeEndElement();
        });
    }

    private static void url(XMLStreamWriter x, String loc, String updated) throws XMLStreamException {
        nl(x);
        x.writeStartElement("url");
        element(x, "loc", loc);
        if (!updated.isEmpty()) {
            element(x, "lastmod", updated);
        }
        x.writeEndElement();
    }

    static byte[] rss(Site site, List<SiteManifest.Entry> entries) {
        return write(x -> {
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM_NS);
            nl(x);
            x.writeStartElement("channel");
            element(x, "title", site.title());
            element(x, "link", site.base().isEmpty() ? "index.html" : site.base() + "/");
            element(x, "description", site.title());
            if (!site.lang().isEmpty()) {
                element(x, "language", site.lang());
            }
            if (!entries.isEmpty()) {
                element(x, "lastBuildDate", rfc822(newest(entries)));
            }
            if (!site.base().isEmpty()) {
                nl(x);
                x.writeEmptyElement("atom", "link", ATOM_NS);
                x.writeAttribute("href", site.base() + "/feed.xml");
                x.writeAttribute("rel", "self");
                x.writeAttribute("type", "application/rss+xml");
            }
            for (SiteManifest.Entry e : entries) {
                nl(x);
                x.writeStartElement("item");
                element(x, "title", e.title());
                String url = url(site, e);
                if (!url.isEmpty()) {
                    element(x, "link", url);
                }
                nl(x);
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", Boolean.toString(!url.isEmpty()));
                x.writeCharacters(id(site, e));
                x.writeEndElement();
                if (!e.summary().isEmpty()) {
                    element(x, "description", e.summary());
                }
                element(x, "pubDate", rfc822(e.published()));
                for (String tag : e.tags()) {
                    element(x, "category", tag);
                }
                nl(x);
                x.writeEndElement();
            }
            nl(x);
            x.writeEndElement();
            nl(x);
            x.writeEndElement();
        });
    }

    static byte[] atom(Site site, List<SiteManifest.Entry> entries) {
        return write(x -> {
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM_NS);
            if (!site.lang().isEmpty()) {
                x.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", site.lang());
            }
            element(x, "id", site.base().isEmpty() ? "urn:cristal:site:" + Slugs.slug(site.title())
                    : site.base() + "/");
            element(x, "title", site.title());
            // Atom requires <updated>; an empty site takes the epoch rather than the clock, to stay stable.
            element(x, "updated", entries.isEmpty() ? "1970-01-01T00:00:00Z" : newest(entries));
            if (!site.base().isEmpty()) {
                link(x, "self", "application/atom+xml", site.base() + "/atom.xml");
                link(x, "alternate", "text/html", site.base() + "/");
            }
            nl(x);
            x.writeStartElement("author");
            element(x, "name", site.title());
            x.writeEndElement();
            for (SiteManifest.Entry e : entries) {
                nl(x);
                x.writeStartElement("entry");
                if (!e.lang().isEmpty() && !e.lang().equals(site.lang())) {
                    x.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", e.lang());
                }
                element(x, "id", id(site, e));
                element(x, "title", e.title());
                String url = url(site, e);
                if (!url.isEmpty()) {
                    link(x, "alternate", "text/html", url);
                }
                element(x, "published", e.published());
                element(x, "updated", e.updated());
                if (!e.author().isEmpty()) {
                    nl(x);
                    x.writeStartElement("author");
                    element(x, "name", e.author());
                    x.writeEndElement();
                }
                if (!e.summary().isEmpty()) {
                    element(x, "summary", e.summary());
                }
                for (String tag : e.tags()) {
                    nl(x);
                    x.writeEmptyElement("category");
                    x.writeAttribute("term", tag);
                }
                nl(x);
                x.writeEndElement();
            }
            nl(x);
            x.writeEndElement();
        });
    }

    static String rfc822(String rfc3339) {
        return RFC_822.format(OffsetDateTime.parse(rfc3339));
    }

    private static String newest(List<SiteManifest.Entry> entries) {
        return entries.stream().map(SiteManifest.Entry::updated)
                .max(Comparator.comparing(d -> OffsetDateTime.parse(d).toInstant())).orElse("");
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        nl(x);
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        nl(x);
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void nl(XMLStreamWriter x) throws XMLStreamException {
        x.writeCharacters("\n");
    }

    /** StAX escapes markup but not characters XML 1.0 cannot hold at all (controls): those become U+FFFD. */
    static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(ok ? c : 0xFFFD);
        });
        return out.toString();
    }

    private interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            nl(x);
            body.write(x);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed writing failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
