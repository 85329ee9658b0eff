package org.cristal.render.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    private static String text(String html) {
        PlainText t = new PlainText();
        t.body(Jsoup.parseBodyFragment(html).body());
        return t.result();
    }

    @Test
    void urlLongerThanTheLineIsNeverBroken() {
        String url = "https://example.com/" + "a".repeat(100);
        assertEquals("See\n" + url + "\nnow", PlainText.wrap("See " + url + " now", 72));
    }

    @Test
    void frenchSpacedPunctuationStaysWithItsWord() {
        String wrapped = PlainText.wrap("x".repeat(60) + " mot ici : la suite « citée » fin", 66);
        assertEquals("x".repeat(60) + " mot\nici : la suite « citée » fin", wrapped);
    }

    @Test
    void nestedListsAndQuotesAreIndentedAndPrefixed() {
        String html = "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"
                + "<blockquote><p>quoted</p><blockquote><p>deeper</p></blockquote></blockquote>";
        assertEquals("- one\n  - inner\n- two\n\n> quoted\n>\n> > deeper\n", text(html));
    }

    @Test
    void looseListItemsKeepTheirMarkers() {
        assertEquals("1. first\n2. second\n", text("<ol>\n<li>\n<p>first</p>\n</li>\n<li><p>second</p></li>\n</ol>"));
    }

    @Test
    void linksAreSpelledOutOnceAndAnchorsStayText() {
        String html = "<p><a href=\"https://a.example/x\">the shop</a>, <a href=\"https://b.example\">https://b.example</a>,"
                + " <a href=\"mailto:hi@c.example\">write</a>, <a href=\"#fn-1\">note</a></p>";
        assertEquals("the shop (https://a.example/x), https://b.example, write (hi@c.example),\nnote\n", text(html));
    }

    @Test
    void softLineBreaksAreSpacesAndHardBreaksStay() {
        assertEquals("one two\nthree\n", text("<p>one\ntwo<br>\nthree</p>"));
    }

    @Test
    void tableRowsBecomeLinesWithAnUnderlinedHeader() {
        String html = "<table><thead><tr><th>Item</th><th>Price</th></tr></thead>"
                + "<tbody><tr><td>Bread</td><td>4 €</td></tr></tbody></table>";
        assertEquals("Item | Price\n------------\nBread | 4 €\n", text(html));
    }
}
