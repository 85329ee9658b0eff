package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.FeedEntry;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The page's place on the site: slug, file path, and its Atom and RSS entries read back by an XML parser. */
class FeedEntryTest {
    private static FeedEntry entry(StoryDocument doc, Brand brand) {
        return new WebRenderer().render(doc, brand, RenderFixtures.options().withZone(ZoneId.of("Europe/Paris")))
                .body().entry();
    }

    private static FeedEntry corpus(String story) {
        StoryDocument doc = Corpus.document(story);
        return entry(doc, RenderFixtures.brandOf(doc));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        Document d = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    private static String text(Element e, String ns, String name) {
        NodeList l = ns == null ? e.getElementsByTagName(name) : e.getElementsByTagNameNS(ns, name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    @Test
    void slugAndPathPutThePageAtItsCanonicalAddress() {
        FeedEntry e = corpus("coffee-huila");
        assertEquals("coffee-huila", e.slug());
        assertEquals("coffee-huila.html", e.path());
        assertEquals("https://harborpine.example/coffee-huila", e.url());
    }

    @Test
    void atomEntryIsWellFormedWithRfc3339Dates() throws Exception {
        Element entry = parse(corpus("boulangerie-levain").atom());
        assertEquals(Feeds.ATOM_NS, entry.getNamespaceURI());
        assertEquals("entry", entry.getLocalName());
        assertEquals("fr", entry.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("Quarante ans de levain, et toujours la même main", text(entry, Feeds.ATOM_NS, "title"));
        String id = text(entry, Feeds.ATOM_NS, "id");
        Element link = (Element) entry.getElementsByTagNameNS(Feeds.ATOM_NS, "link").item(0);
        assertEquals(id, link.getAttribute("href"));
        assertEquals("alternate", link.getAttribute("rel"));
        assertEquals(OffsetDateTime.parse("2026-03-14T10:30:00+01:00"),
                OffsetDateTime.parse(text(entry, Feeds.ATOM_NS, "updated")));
        assertEquals(text(entry, Feeds.ATOM_NS, "published"), text(entry, Feeds.ATOM_NS, "updated"));
        assertEquals("Boulangerie Martin", text(entry, Feeds.ATOM_NS, "name"));
        assertTrue(entry.getElementsByTagNameNS(Feeds.ATOM_NS, "category").getLength() > 0);
    }

    @Test
    void rssItemIsWellFormedWithAnRfc822Date() throws Exception {
        Element item = parse(corpus("coffee-huila").rss());
        assertEquals("item", item.getTagName());
        assertEquals("From one farm in Huila to your morning cup", text(item, null, "title"));
        assertEquals("https://harborpine.example/coffee-huila", text(item, null, "link"));
        assertEquals("true", ((Element) item.getElementsByTagName("guid").item(0)).getAttribute("isPermaLink"));
        String date = text(item, null, "pubDate");
        assertEquals("Sat, 14 Mar 2026 10:30:00 +0100", date);
        assertEquals(ZonedDateTime.parse("2026-03-14T09:30:00Z").toInstant(),
                ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        assertTrue(text(item, null, "description").startsWith("We buy all our washed Colombian"));
    }

    @Test
    void hostileTextIsEscapedAndCharactersXmlCannotHoldAreReplaced() throws Exception {
        String title = "Tom & Jerry <b>\"live\"</b> ]]> \ud800 end";
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: \"Tom & Jerry <b>\\\"live\\\"</b> ]]> \\ud800 end\"\n"
                + "summary: \"a\\u0001b <script>\"\ntags: [\"x&y\", \"<z>\"]\n---\n\nText.\n");
        FeedEntry e = entry(doc, Brand.DEFAULT);
        Element atom = parse(e.atom());
        Element rss = parse(e.rss());
        String shown = title.replace('\ud800', '\ufffd');
        assertEquals(shown, text(atom, Feeds.ATOM_NS, "title"));
        assertEquals(shown, text(rss, null, "title"));
        assertEquals("a b <script>", text(rss, null, "description"));
        NodeList categories = rss.getElementsByTagName("category");
        assertEquals(List.of("x&y", "<z>"), List.of(categories.item(0).getTextContent(), categories.item(1).getTextContent()));
    }

    @Test
    void withoutAWebsiteTheEntryHasAStableIdAndNoLink() throws Exception {
        FeedEntry e = entry(Corpus.document("osteo-samedi"), Brand.DEFAULT);
        assertEquals("", e.url());
        Element atom = parse(e.atom());
        assertEquals("urn:cristal:story:" + e.slug(), text(atom, Feeds.ATOM_NS, "id"));
        assertEquals(0, atom.getElementsByTagNameNS(Feeds.ATOM_NS, "link").getLength());
        Element rss = parse(e.rss());
        assertEquals("false", ((Element) rss.getElementsByTagName("guid").item(0)).getAttribute("isPermaLink"));
        assertEquals(0, rss.getElementsByTagName("link").getLength());
    }
}
