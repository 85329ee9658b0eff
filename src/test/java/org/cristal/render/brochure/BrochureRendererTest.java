package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.has;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.cristal.render.PaperSize;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Cta;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrochureRendererTest {
    private static final Pattern LINK_HINT = Pattern.compile("\\([\\w.-]+\\.[a-z]{2,}(/[^()]*)?\\)");
    private static final Pattern MERGE_TAG = Pattern.compile("\\{\\{[^|}]*\\|?([^}]*)}}");

    static Stream<String> corpusStories() {
        return Corpus.storyFiles().stream().map(p -> p.getFileName().toString().replaceFirst("\\.md$", ""));
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void everyWordOfTheStoryIsPrinted(String name) {
        StoryDocument doc = Corpus.document(name);
        Rendition<BrochurePdf> r = render(name);
        // Link addresses printed after their text, "(shop.example/page)", are additions: take them out.
        String pdfText = PdfReading.text(r.body().pdf());
        String printed = LINK_HINT.matcher(PdfReading.squeeze(pdfText)).replaceAll("");
        // A word hyphenated at a line's end ("se-" / "maine") is read back joined.
        String joined = LINK_HINT.matcher(PdfReading.squeeze(PdfReading.unhyphenated(pdfText))).replaceAll("");

        List<String> missing = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(doc.story().title());
        texts.add(doc.story().summary());
        doc.story().cta().ifPresent(c -> texts.add(c.label() + " " + c.url()));
        for (TextBlock b : doc.blocks()) {
            texts.add(b.text());
        }
        for (String text : texts) {
            for (String word : MERGE_TAG.matcher(text).replaceAll("$1").split("[\\s\\u00a0\\u202f]+")) {
                // An emoji variation selector (❤️) is drawn, not read back as text.
                String w = PdfReading.squeeze(word.replace("\ufe0f", ""));
                if (!word.isBlank() && !printed.contains(w) && !joined.contains(w)) {
                    missing.add(word);
                }
            }
        }
        assertEquals(List.of(), missing, name + " lost words");
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void everyFontIsEmbeddedAndEveryGlyphExists(String name) throws IOException {
        byte[] pdf = render(name).body().pdf();
        try (PDDocument doc = PdfReading.load(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (PDFont font : fonts(page.getResources())) {
                    assertTrue(font.isEmbedded(), name + ": " + font.getName() + " not embedded");
                }
            }
        }
        List<String> notdef = PdfReading.glyphs(pdf).stream().filter(PdfReading.Glyph::notdef)
                .map(PdfReading.Glyph::unicode).toList();
        assertEquals(List.of(), notdef, name + ": characters printed as .notdef");
    }

    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        if (resources == null) {
            return fonts;
        }
        for (COSName n : resources.getFontNames()) {
            fonts.add(resources.getFont(n));
        }
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                fonts.addAll(fonts(form.getResources()));
            }
        }
        return fonts;
    }

    @Test
    void frenchTypographyPrintsWithRealGlyphs() {
        String body = "Le cœur du levain, c’est « la patience » : 4,50 € la miche — promis.\u00a0Œuvre d’été.";
        Story story = Story.of("fr-typo", "L’été du levain", body);
        byte[] pdf = render(story).body().pdf();
        String text = PdfReading.text(pdf);
        for (String expected : List.of("cœur", "c’est", "«", "»", "4,50", "€", "—", "Œuvre", "d’été", "L’été")) {
            assertTrue(text.contains(expected), "missing " + expected + " in " + text);
        }
        assertFalse(text.contains("?"), text);
        assertTrue(PdfReading.glyphs(pdf).stream().noneMatch(PdfReading.Glyph::notdef));
    }

    @Test
    void japaneseChineseAndEmojiKeepTheirCodePoints() {
        byte[] pdf = render("edge-cases").body().pdf();
        String text = PdfReading.text(pdf);
        assertTrue(text.contains("東京の喫茶店で一杯、北京的咖啡馆"), text);
        for (String emoji : List.of("👨", "👩", "👧", "👦", "\ud83c\uddeb", "\ud83c\uddf7", "\ud83c\udde8", "\ud83c\uddf4",
                "👍", "🏽", "☐", "☑")) {
            assertTrue(text.contains(emoji), "missing " + emoji);
        }
        assertTrue(PdfReading.glyphs(pdf).stream().noneMatch(PdfReading.Glyph::notdef));
        assertTrue(PdfReading.text(render("boulangerie-levain").body().pdf()).contains("🍞"));
    }

    @Test
    void pageIsA4ByDefault() {
        for (PDRectangle box : pageSizes(render("boulangerie-levain").body().pdf())) {
            assertEquals(595.3, box.getWidth(), 1.0);
            assertEquals(841.9, box.getHeight(), 1.0);
        }
    }

    @Test
    void pageIsLetterWhenAsked() {
        Rendition<BrochurePdf> r = render(Corpus.document("boulangerie-levain"),
                Brochures.options().withPaper(PaperSize.LETTER));
        for (PDRectangle box : pageSizes(r.body().pdf())) {
            assertEquals(612, box.getWidth(), 1.0);
            assertEquals(792, box.getHeight(), 1.0);
        }
    }

    static List<PDRectangle> pageSizes(byte[] pdf) {
        List<PDRectangle> sizes = new ArrayList<>();
        try (PDDocument doc = PdfReading.load(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1);
            doc.getPages().forEach(p -> sizes.add(p.getMediaBox()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sizes;
    }

    @Test
    void pageCountIsReportedAndNumbered() {
        Rendition<BrochurePdf> r = render("coffee-huila");
        int pages = r.body().pages();
        assertTrue(pages >= 2, "pages " + pages);
        String text = PdfReading.text(r.body().pdf());
        for (int i = 1; i <= pages; i++) {
            assertTrue(text.contains("page " + i + " / " + pages), "no page " + i + " / " + pages);
        }
        assertTrue(text.contains("Harbor & Pine Coffee Roasters"));
        assertTrue(text.contains("88 Pier Road, Portland, ME 04101, USA"));
        assertTrue(text.contains("harborpine.example"));
    }

    @Test
    void qrCodeLeadsToTheStoryPageTaggedAsComingFromPrint() {
        Rendition<BrochurePdf> r = render("boulangerie-levain");
        assertEquals(Optional.of("https://boulangerie-martin.example/boulangerie-levain"
                + "?utm_source=brochure&utm_medium=print&utm_campaign=boulangerie-levain"), PdfReading.qrCode(r.body().pdf()));
        String url = Corpus.document("boulangerie-levain").story().cta().orElseThrow().url();
        assertTrue(PdfReading.squeeze(PdfReading.text(r.body().pdf())).contains(url), "call to action printed in full");
    }

    @Test
    void qrCodeFallsBackToTheCallToActionWhenTheBrandHasNoWebsite() {
        StoryDocument doc = Corpus.document("coffee-huila");
        Rendition<BrochurePdf> r = Brochures.RENDERER.render(doc, org.cristal.story.Brand.DEFAULT, Brochures.options());
        assertEquals(Optional.of("https://harborpine.example/shop/huila-2026"
                + "?utm_source=brochure&utm_medium=print&utm_campaign=coffee-huila"), PdfReading.qrCode(r.body().pdf()));
    }

    @Test
    void utmParametersTheAuthorAlreadySetAreKept() {
        Story story = withCta(Corpus.document("coffee-huila").story(),
                new Cta("Shop", "https://harborpine.example/shop?utm_campaign=spring#beans"));
        assertEquals("https://harborpine.example/shop?utm_campaign=spring&utm_source=brochure&utm_medium=print#beans",
                BrochurePage.printToWeb(story, org.cristal.story.Brand.DEFAULT, story.cta().orElseThrow().url()));
    }

    @Test
    void ctaLinkIsClickable() throws IOException {
        try (PDDocument doc = PdfReading.load(render("boulangerie-levain").body().pdf())) {
            assertTrue(uris(doc).contains("https://boulangerie-martin.example/reservation"), uris(doc).toString());
        }
    }

    private static List<String> uris(PDDocument doc) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }

    @Test
    void hostileStoryPrintsItsMarkupAsTextAndLinksNowhereUnsafe() throws IOException {
        Rendition<BrochurePdf> r = render(Corpus.document("../bad/xss"), Brochures.options());
        String text = PdfReading.text(r.body().pdf());
        String squeezed = PdfReading.squeeze(text);
        for (String frontMatter : List.of("<script>alert(document.cookie)</script> Winter roast notes",
                "<img src=x onerror=alert(document.domain)> Three cups from the winter roast.")) {
            assertTrue(squeezed.contains(PdfReading.squeeze(frontMatter)), text);
        }
        assertEquals(Severity.ERROR, finding(r, "brochure.cta.unsafeUrl").severity());
        // The story's unsafe addresses are never printed; an autolink's own text may be, as plain text.
        assertFalse(text.contains("alert('cta')") || text.contains("(javascript:"), text);
        assertEquals(Optional.empty(), PdfReading.qrCode(r.body().pdf()));
        try (PDDocument doc = PdfReading.load(r.body().pdf())) {
            for (String uri : uris(doc)) {
                assertTrue(uri.startsWith("https://") || uri.startsWith("http://"), uri);
            }
        }
    }

    @Test
    void missingHeroImageGivesAWarningAndAPlaceholder() {
        Story story = withImage(Corpus.document("boulangerie-levain").story(), "../images/nowhere.jpg");
        Rendition<BrochurePdf> r = render(story);
        assertEquals(Severity.WARNING, finding(r, "brochure.image.missing").severity());
        assertEquals("../images/nowhere.jpg", finding(r, "brochure.image.missing").args().get(0));
        assertTrue(PdfReading.text(r.body().pdf()).contains("Une miche de pain au levain"), "alt text shown");
        assertEquals(1, imageCount(r.body().pdf()), "only the logo");
    }

    @Test
    void lowResolutionPhotoIsFlaggedWithItsPrintedDpi() {
        Story story = withImage(Corpus.document("coffee-huila").story(), "../images/lowres-photo.jpg");
        Rendition<BrochurePdf> r = render(story);
        // 240 px across the 176 mm column of Letter paper (Harbor & Pine is in Maine).
        assertEquals(List.of("../images/lowres-photo.jpg", 35, 300), finding(r, "brochure.image.lowResolution").args());
        assertFalse(has(render("coffee-huila"), "brochure.image.lowResolution"), "2400 px is 346 dpi");
    }

    @Test
    void storyWithoutCallToActionGetsAnInfo() {
        Rendition<BrochurePdf> r = render("edge-cases");
        assertEquals(Severity.INFO, finding(r, "brochure.cta.missing").severity());
        assertFalse(has(render("coffee-huila"), "brochure.cta.missing"));
    }

    @Test
    void mergeTagsPrintTheirFallback() {
        String text = PdfReading.text(render("nimbus-tax-season").body().pdf());
        assertTrue(text.contains("Hi there,"), text);
        assertTrue(text.contains("Your business deserves"), text);
        assertFalse(text.contains("{{"), text);
    }

    @Test
    void footnoteIsPrintedWithoutItsBackLink() {
        String text = PdfReading.text(render("nimbus-tax-season").body().pdf());
        assertTrue(text.contains("The receipt threshold depends on your jurisdiction"), text);
        assertFalse(text.contains("↩"), text);
    }

    @Test
    void linkAddressIsPrintedAfterItsText() {
        String text = PdfReading.text(render("boulangerie-levain").body().pdf());
        assertTrue(text.contains("réservez la vôtre ici (boulangerie-martin.example/atelier)"), text);
    }

    @Test
    void tablesAndLongWordsStayInsideThePage() {
        for (String name : List.of("velo-atelier-solidaire", "edge-cases")) {
            for (PdfReading.Glyph g : PdfReading.glyphs(render(name).body().pdf())) {
                assertTrue(g.right() <= g.pageWidth() - 40, name + ": '" + g.unicode() + "' ends at " + g.right());
            }
        }
    }

    @Test
    void twoRendersOfTheSameInputAreIdentical() {
        byte[] first = render("boulangerie-levain").body().pdf();
        byte[] second = render("boulangerie-levain").body().pdf();
        assertArrayEquals(first, second);
    }

    @Test
    void parallelRendersGiveTheSameBytesAsOneAtATime() throws Exception {
        List<String> names = corpusStories().toList();
        Map<String, byte[]> alone = new java.util.HashMap<>();
        for (String name : names) {
            alone.put(name, render(name).body().pdf());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String name : names) {
                    futures.add(pool.submit(() -> render(name).body().pdf()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                String name = names.get(i % names.size());
                assertArrayEquals(alone.get(name), futures.get(i).get(), name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void documentDatesComeFromTheOptions() throws IOException {
        try (PDDocument doc = PdfReading.load(render("osteo-samedi").body().pdf())) {
            Calendar created = doc.getDocumentInformation().getCreationDate();
            assertEquals(Brochures.NOW, created.toInstant());
            // French spacing: a no-break space before the colon (FrenchSpacing).
            assertEquals("Nouveau\u00a0: des consultations le samedi matin", doc.getDocumentInformation().getTitle());
            assertEquals("fr", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void everyFindingCodeHasAMessageInBothLanguages() {
        for (String code : List.of("brochure.image.missing", "brochure.image.unreadable", "brochure.image.lowResolution",
                "brochure.logo.unreadable", "brochure.cta.missing", "brochure.cta.unsafeUrl", "brochure.cta.noQrCode",
                "brochure.text.truncated", "brochure.word.truncated", "brochure.table.truncated",
                "brochure.glyph.missing", "brochure.failed", "brochure.paper.northAmerican",
                "brochure.logo.lowResolution", "brochure.paper.unknown", "brochure.trifold.overflow",
                "brochure.trifold.coverOverflow", "brochure.trifold.backOverflow", "brochure.trifold.underfilled")) {
            for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.FRENCH)) {
                String message = org.cristal.story.Messages.format(org.cristal.story.Messages.FINDINGS_BUNDLE, locale,
                        code, 1, 2, 3, 4);
                assertFalse(message.equals(code), code + " has no " + locale + " message");
            }
        }
    }

    static Story withImage(Story s, String image) {
        return new Story(s.id(), s.title(), s.summary(), s.body(), s.tags(), s.lang(), s.brand(), image, s.imageAlt(),
                s.cta(), Status.DRAFT, Map.of(), Map.of(), s.bodyLine());
    }

    static Story withCta(Story s, Cta cta) {
        return new Story(s.id(), s.title(), s.summary(), s.body(), s.tags(), s.lang(), s.brand(), s.image(),
                s.imageAlt(), Optional.of(cta), Status.DRAFT, Map.of(), Map.of(), s.bodyLine());
    }

    static int imageCount(byte[] pdf) {
        int n = 0;
        try (PDDocument doc = PdfReading.load(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return n;
    }
}
