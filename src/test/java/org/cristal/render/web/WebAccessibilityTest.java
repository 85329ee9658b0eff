package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exported web pages have no accessibility violation that axe-core finds (WCAG 2.1 A and AA, plus axe's
 * best practices), checked in a real browser: headless Chromium. Skipped only where Chromium is not
 * installed ({@code apt-get install chromium}; {@code .ci/run} installs it).
 */
class WebAccessibilityTest {
    private static AxeInChromium axe;

    @BeforeAll
    static void findChromium() {
        Path chromium = AxeInChromium.findChromium().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "Chromium is not installed (looked for chromium, chromium-browser, google-chrome): "
                        + "the axe-core accessibility checks of the web page are skipped");
        axe = AxeInChromium.with(chromium);
    }

    private static WebPage page(StoryDocument doc) {
        return new WebRenderer().render(doc, RenderFixtures.brandOf(doc), RenderFixtures.options()).body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila", "edge-cases", "nimbus-tax-season", "osteo-samedi",
            "velo-atelier-solidaire", "../bad/xss"})
    void exportedPageHasNoAxeViolations(String story, @TempDir Path dir) throws Exception {
        assertEquals(List.of(), axe.violations(page(Corpus.document(story)), dir));
    }

    @Test
    void axeCatchesWhatTheRendererMustNotDo(@TempDir Path dir) throws Exception {
        // Grey text the brand kit should not allow, an image without alt and a page without lang: axe sees them.
        String html = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body><main>"
                + "<h1>T</h1><p style=\"color:#aaa\">faint</p><img src=\"x.png\"></main></body></html>";
        List<String> found = axe.violations(new WebPage(html, Map.of()), dir);
        assertTrue(found.stream().anyMatch(v -> v.startsWith("color-contrast")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.startsWith("image-alt")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.startsWith("html-has-lang")), found.toString());
    }

    @Test
    void greyBrandTextIsBothAFindingAndAnAxeViolation(@TempDir Path dir) throws Exception {
        Brand grey = new Brand("g", "Grey", "", "", "", new Brand.Colors("#1F4E79", null, null, "#999999", "#FFFFFF"),
                null, null, null, Map.of(), Map.of());
        StoryDocument doc = Corpus.document("osteo-samedi");
        var r = new WebRenderer().render(doc, grey, RenderFixtures.options());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("web.contrast.text")));
        List<String> found = axe.violations(r.body(), dir);
        assertFalse(found.isEmpty());
        assertTrue(found.stream().allMatch(v -> v.startsWith("color-contrast")), found.toString());
        assertTrue(Files.exists(dir.resolve("dom.html")));
    }
}
