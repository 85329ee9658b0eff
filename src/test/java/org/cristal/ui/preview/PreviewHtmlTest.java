package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.cristal.render.Renderers;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PreviewHtmlTest {
    private static WebPage page() {
        return Renderers.WEB.render(Corpus.document("boulangerie-levain"), Corpus.loadBrand("boulangerie-martin"),
                PreviewFixtures.options()).body();
    }

    @Test
    void everyImageOfThePageFilesBecomesADataUriWithTheSameBytes() {
        WebPage page = page();
        Document shown = Jsoup.parse(new PreviewHtml().prepare(page.html(), page.files()));
        assertFalse(shown.select("img").isEmpty());
        for (Element img : shown.select("img")) {
            String src = img.attr("src");
            assertTrue(src.startsWith("data:image/"), src);
            byte[] bytes = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
            assertTrue(page.files().values().stream().anyMatch(b -> java.util.Arrays.equals(b, bytes)));
        }
    }

    @Test
    void linksKeepTheirAddressButCannotBeFollowed() {
        WebPage page = page();
        Document shown = Jsoup.parse(new PreviewHtml().prepare(page.html(), page.files()));
        int links = Jsoup.parse(page.html()).select("a[href]").size();
        assertTrue(links > 0);
        assertEquals(0, shown.select("a[href], area[href]").size());
        assertEquals(links, shown.select("a[" + PreviewHtml.HREF + "]").size());
    }

    @Test
    void scriptsAndRefreshesAreDroppedFromThePreviewCopy() {
        String html = "<html><head><meta http-equiv=\"Refresh\" content=\"0;url=https://evil.example/\">"
                + "<script>alert(1)</script></head><body><p>ok</p><script>alert(2)</script></body></html>";
        Document shown = Jsoup.parse(new PreviewHtml().prepare(html, Map.of()));
        assertEquals(0, shown.select("script, meta[http-equiv]").size());
        assertEquals("ok", shown.select("p").text());
    }

    @Test
    void anImageReplacedUnderTheSameNameShowsTheNewPicture() {
        WebPage page = page();
        PreviewHtml preview = new PreviewHtml();
        String hero = page.files().keySet().stream().filter(k -> k.contains("hero")).findFirst().orElseThrow();
        String before = heroSrc(preview.prepare(page.html(), page.files()));
        Map<String, byte[]> replaced = new java.util.HashMap<>(page.files());
        replaced.put(hero, page.files().get(page.files().keySet().stream().filter(k -> !k.equals(hero))
                .findFirst().orElseThrow()));
        String after = heroSrc(preview.prepare(page.html(), replaced));
        assertNotEquals(before, after);
        assertEquals(heroSrc(new PreviewHtml().prepare(page.html(), replaced)), after);
    }

    private static String heroSrc(String html) {
        return Jsoup.parse(html).selectFirst("img[alt~=levain]").attr("src");
    }
}
