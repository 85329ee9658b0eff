package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.has;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cristal.render.PaperSize;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A brand in North America gets Letter in place of A4 only when nobody chose the paper: a story's front
 * matter or an explicit "A4 (force)" keeps what was asked for.
 */
class BrochureLetterRuleTest {
    private static final double PT = 72 / 25.4;

    @Test
    void exactA4StaysA4ForAUsBrand() {
        Rendition<BrochurePdf> r = render(Corpus.document("coffee-huila"),
                Brochures.options().withExactPaper(PaperSize.A4));
        assertA4(r);
        assertFalse(has(r, "brochure.paper.northAmerican"), r.findings().toString());
    }

    @Test
    void storyAskingForA4KeepsItWhateverTheDefault() {
        StoryDocument doc = BrochureTriFoldTest.withBrochure(Corpus.document("coffee-huila").story(), "paper", "A4");
        Rendition<BrochurePdf> r = render(doc, Brochures.options().withPaper(PaperSize.A5));
        assertA4(r);
        assertFalse(has(r, "brochure.paper.northAmerican"));
    }

    @Test
    void storyLayoutStillFollowsTheBrandsCountry() {
        StoryDocument doc = BrochureTriFoldTest.withBrochure(Corpus.document("coffee-huila").story(), "layout",
                "flyer");
        Rendition<BrochurePdf> r = render(doc, Brochures.options());
        assertEquals(5.5 * 72, BrochureRendererTest.pageSizes(r.body().pdf()).get(0).getWidth(), 0.5);
        assertEquals(List.of("Half Letter", "A5"), finding(r, "brochure.paper.northAmerican").args());
    }

    @Test
    void unknownPaperInFrontMatterIsAWarningAndTheDefaultIsUsed() {
        StoryDocument doc = BrochureTriFoldTest.withBrochure(Corpus.document("boulangerie-levain").story(), "paper",
                "B5");
        Rendition<BrochurePdf> r = render(doc, Brochures.options());
        assertEquals(Severity.WARNING, finding(r, "brochure.paper.unknown").severity());
        assertEquals(List.of("B5", "paper"), finding(r, "brochure.paper.unknown").args());
        assertA4(r);
    }

    @Test
    void defaultA4StillBecomesLetterForAUsBrand() {
        Rendition<BrochurePdf> r = render(Corpus.document("coffee-huila"), Brochures.options());
        assertEquals(612, BrochureRendererTest.pageSizes(r.body().pdf()).get(0).getWidth(), 0.5);
        assertTrue(has(r, "brochure.paper.northAmerican"));
    }

    private static void assertA4(Rendition<BrochurePdf> r) {
        for (PDRectangle box : BrochureRendererTest.pageSizes(r.body().pdf())) {
            assertEquals(210 * PT, box.getWidth(), 0.5);
            assertEquals(297 * PT, box.getHeight(), 0.5);
        }
    }
}
