package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WCAG AA contrast of the brand kit as the web page uses it. */
class WebContrastTest {
    private static final StoryDocument STORY = RenderFixtures.markdown(
            "---\ntitle: T\nsummary: S\ncta:\n  label: Book\n  url: https://example.org/book\n---\n\nSee [us](https://example.org).\n");

    private static Brand brand(String primary, String text, String background) {
        return new Brand("b", "B", "", "", "", new Brand.Colors(primary, null, null, text, background), null, null,
                null, Map.of(), Map.of());
    }

    private static Rendition<WebPage> render(Brand brand) {
        return new WebRenderer().render(STORY, brand, RenderFixtures.options());
    }

    private static List<Finding> contrast(Rendition<WebPage> r) {
        return r.findings().stream().filter(f -> f.code().startsWith("web.contrast.")).toList();
    }

    private static String css(Rendition<WebPage> r) {
        return Jsoup.parse(r.body().html()).selectFirst("style").data();
    }

    @ParameterizedTest
    @ValueSource(strings = {"atelier-velo-rouge", "boulangerie-martin", "harbor-pine", "nimbus-accounting",
            "osteo-lumiere"})
    void corpusBrandKitsPassWcagAa(String brand) {
        assertEquals(List.of(), contrast(render(Corpus.loadBrand(brand))));
    }

    @Test
    void greyTextOnWhiteIsAWarningWithItsRatio() {
        // #999999 on white: 2.85:1.
        Finding f = contrast(render(brand("#1F4E79", "#999999", "#FFFFFF"))).get(0);
        assertEquals("web.contrast.text", f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("#999999", "#FFFFFF", 2.84), f.args());
        assertTrue(f.message(Locale.FRENCH).contains("2,84:1"), f.message(Locale.FRENCH));
    }

    @Test
    void textJustUnderTheBarIsStillAFinding() {
        // #767676 on white is 4.54:1 (passes); #777777 is 4.48:1 (fails).
        assertEquals(List.of(), contrast(render(brand("#1F4E79", "#767676", "#FFFFFF"))));
        assertEquals("web.contrast.text", contrast(render(brand("#1F4E79", "#777777", "#FFFFFF"))).get(0).code());
    }

    @Test
    void pastelPrimaryGivesLinksAndHeadingsTheTextColour() {
        Rendition<WebPage> r = render(brand("#F2B134", "#1B1B1B", "#FFFFFF"));
        Finding f = contrast(r).get(0);
        assertEquals("web.contrast.link", f.code());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(css(r).contains("--link:#1B1B1B"), css(r));
        // White on that yellow fails too, near-black passes: the button keeps the primary colour.
        assertTrue(css(r).contains("--button-text:#111111;--button-background:#F2B134"), css(r));
    }

    @Test
    void midGreyPrimaryGivesTheButtonTheTextColours() {
        // Neither white (4.48:1) nor near-black (4.09:1) reads on #777777.
        Rendition<WebPage> r = render(brand("#777777", "#1B1B1B", "#FFFFFF"));
        assertEquals(List.of("web.contrast.link", "web.contrast.button"), contrast(r).stream().map(Finding::code).toList());
        assertTrue(css(r).contains("--button-text:#FFFFFF;--button-background:#1B1B1B"), css(r));
    }
}
