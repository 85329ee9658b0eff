package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.has;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.junit.jupiter.api.Test;

/** Customers quoted in their own script: every letter printed, in its order, shaped and with its accents. */
class BrochureScriptsTest {
    private static final String ARABIC = "خبز طازج كل صباح";
    private static final String HEBREW = "לחם טרי בכל בוקר";
    private static final String KOREAN = "매일 아침 신선한 빵";
    private static final List<String> OTHERS = List.of("Ψωμί κάθε πρωί", "Свежий хлеб каждое утро",
            "Bánh mì tươi mỗi sáng", "Taze ekmek, şöyle güzel", "Świeży chleb, żółć", "Թարմ հաց",
            "ᓄᓇᕗᑦ ᐃᓄᒃᑎᑐᑦ");

    private static Story quoting(String lang, String... quotes) {
        StringBuilder body = new StringBuilder("Ce que nos clients disent :\n\n");
        for (String q : quotes) {
            body.append("> ").append(q).append("\n\n");
        }
        return new Story("scripts", "Nos clients", "", body.toString(), List.of(), lang, "", "", "", Optional.empty(),
                Status.DRAFT, Map.of(), Map.of(), 1);
    }

    @Test
    void arabicHebrewAndKoreanQuotesPrintAsWholeWordsWithRealGlyphs() {
        Rendition<BrochurePdf> r = render(quoting("fr", ARABIC, HEBREW, KOREAN));
        String text = PdfReading.text(r.body().pdf());
        for (String quote : List.of(ARABIC, HEBREW, KOREAN)) {
            for (String word : quote.split(" ")) {
                assertTrue(text.contains(word), "missing " + word + " in " + text);
            }
        }
        assertFalse(text.contains("#"), text);
        assertEquals(List.of(), PdfReading.glyphs(r.body().pdf()).stream().filter(PdfReading.Glyph::notdef)
                .map(PdfReading.Glyph::unicode).toList());
        assertFalse(has(r, "brochure.glyph.missing"), r.findings().toString());
    }

    @Test
    void greekCyrillicVietnameseTurkishPolishArmenianAndInuktitutPrint() {
        Rendition<BrochurePdf> r = render(quoting("fr", OTHERS.toArray(String[]::new)));
        String text = PdfReading.text(r.body().pdf());
        for (String quote : OTHERS) {
            for (String word : quote.split(" ")) {
                assertTrue(text.contains(word), "missing " + word + " in " + text);
            }
        }
        assertFalse(has(r, "brochure.glyph.missing"), r.findings().toString());
        assertTrue(PdfReading.glyphs(r.body().pdf()).stream().noneMatch(PdfReading.Glyph::notdef));
    }

    @Test
    void arabicLettersAreJoinedIntoTheirContextualForms() {
        // Drawn glyphs carry the presentation form they stand for: "خبز" is khah initial, beh medial, zain
        // final, not three isolated letters side by side.
        List<String> drawn = PdfReading.glyphs(render(quoting("fr", ARABIC)).body().pdf()).stream()
                .map(PdfReading.Glyph::unicode).toList();
        assertTrue(drawn.containsAll(List.of("\uFEA7", "\uFE92", "\uFEB0")), "خبز in context: " + drawn);
        assertFalse(drawn.contains("\u0628") || drawn.contains("\uFE8F"), "beh drawn isolated: " + drawn);
    }

    @Test
    void rightToLeftWordsRunFromRightToLeft() {
        // Letters that occur once in their quote: the one read first sits to the right of the one read later.
        byte[] pdf = render(quoting("fr", HEBREW, ARABIC)).body().pdf();
        List<PdfReading.Placed> chars = PdfReading.placed(pdf).get(0);
        assertTrue(xOf(chars, 'ח') > xOf(chars, 'ם'), "inside the Hebrew word לחם");
        assertTrue(xOf(chars, 'ם') > xOf(chars, 'ט'), "between the Hebrew words לחם and טרי");
        assertTrue(xOf(chars, 'خ') > xOf(chars, 'ط'), "between the Arabic words خبز and طازج");
    }

    @Test
    void hebrewPointIsDrawnOnItsLetter() {
        // Marks have no advance in right-to-left fonts and reach over the glyph drawn after them: the tsere
        // under resh starts where the resh starts, not past it (over the next letter).
        List<PdfReading.Placed> chars = PdfReading.placed(render(quoting("fr", "בְּרֵאשִׁית")).body().pdf()).get(0);
        PdfReading.Placed resh = chars.stream().filter(c -> c.unicode().equals("ר")).findFirst().orElseThrow();
        PdfReading.Placed tsere = chars.stream().filter(c -> c.unicode().equals("\u05B5")).findFirst().orElseThrow();
        assertTrue(Math.abs(tsere.xMm() - resh.xMm()) < resh.widthMm() / 2,
                "tsere at " + tsere.xMm() + " mm, resh from " + resh.xMm() + " mm, " + resh.widthMm() + " mm wide");
    }

    // Matches a letter or any of its Arabic presentation forms (the PDF stores what was drawn).
    private static double xOf(List<PdfReading.Placed> chars, char letter) {
        return chars.stream().filter(c -> java.text.Normalizer.normalize(c.unicode(), java.text.Normalizer.Form.NFKC)
                .equals(String.valueOf(letter))).mapToDouble(PdfReading.Placed::xMm).findFirst()
                .orElseThrow(() -> new AssertionError("no " + letter + " drawn"));
    }

    @Test
    void storyInArabicIsLaidOutRightToLeft() {
        Story story = new Story("ar", "خبز طازج", "", ARABIC + "\n", List.of(), "ar", "", "", "", Optional.empty(),
                Status.DRAFT, Map.of(), Map.of(), 1);
        byte[] pdf = render(story).body().pdf();
        List<PdfReading.Placed> chars = PdfReading.placed(pdf).get(0);
        double pageWidthMm = BrochureRendererTest.pageSizes(pdf).get(0).getWidth() * 25.4 / 72;
        double titleRight = chars.stream().filter(c -> "\u0637".equals(norm(c.unicode())))
                .mapToDouble(c -> c.xMm() + c.widthMm()).max().orElseThrow();
        assertTrue(titleRight > pageWidthMm / 2, "the title starts at the right margin: " + titleRight);
    }

    private static String norm(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    }

    @Test
    void accentTypedAsACombiningMarkPrintsOverItsLetter() {
        // "café crème" as macOS and some web forms send it: e followed by U+0301 / U+0300.
        Rendition<BrochurePdf> r = render(quoting("fr", "cafe\u0301 cre\u0300me"));
        List<String> drawn = PdfReading.glyphs(r.body().pdf()).stream().map(PdfReading.Glyph::unicode).toList();
        assertTrue(drawn.contains("é") && drawn.contains("è"), drawn.toString());
        assertFalse(drawn.contains("\u0301") || drawn.contains("\u0300"), "a mark drawn on its own: " + drawn);
        assertTrue(PdfReading.text(r.body().pdf()).contains("café crème"));
    }

    @Test
    void characterNoFontHasIsAFindingThatNamesOnlyThatCharacter() {
        // A private-use character and a Devanagari word: no shipped font has either; the Arabic beside them prints.
        Rendition<BrochurePdf> r = render(quoting("fr", ARABIC + " \uE000", "नमस्ते"));
        String missing = String.valueOf(Brochures.finding(r, "brochure.glyph.missing").args().get(0));
        assertTrue(missing.contains("\uE000") && missing.contains("न"), missing);
        assertFalse(missing.contains("خ"), "Arabic prints: " + missing);
    }

    @Test
    void nothingPrintsAsAHashWithoutAFinding() {
        for (String quote : List.of(ARABIC, HEBREW, KOREAN, "東京のコーヒー", "👍🏽 ☑", "Ἀθῆναι", "ﷺ", "\u0627\u0644\u0644\u0647",
                "בְּרֵאשִׁית", "מַ\u0591ה", "مَرْحَبًا", "a\u202Eb\u202Cc", "a\u2067b\u2069c", "a\u200Fb", "x\u034Fy",
                "q\u0303 \u1DC4")) {
            Rendition<BrochurePdf> r = render(quoting("fr", quote));
            boolean hash = PdfReading.text(r.body().pdf()).contains("#");
            assertFalse(hash && !has(r, "brochure.glyph.missing"), quote + " printed a # without a finding");
        }
    }
}
