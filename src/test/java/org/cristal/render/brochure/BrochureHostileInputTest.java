package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryParser;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus's hostile inputs and a few made here. A generous timeout guards against hangs only.
 * The 1.7 MB many-links and 2.5 MB huge-table files are used in smaller cuts: parsing them whole
 * takes the story layer minutes, before the brochure is involved.
 */
class BrochureHostileInputTest {
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeInputs() {
        Corpus.hostileInputs(dir);
    }

    private static Rendition<BrochurePdf> renderFile(String name) throws Exception {
        StoryDocument doc = StoryDocument.of(StoryParser.parse("hostile", Files.readAllBytes(dir.resolve(name))));
        return renderGuarded(doc, Brochures.options());
    }

    private static Rendition<BrochurePdf> renderGuarded(StoryDocument doc, RenderOptions options) {
        Rendition<BrochurePdf> r = assertTimeoutPreemptively(GUARD,
                () -> Brochures.RENDERER.render(doc, Corpus.loadBrand("harbor-pine"), options));
        assertFalse(has(r, "brochure.failed"), r.findings().toString());
        assertTrue(r.body().pages() >= 1);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested-quotes.md", "nested-lists.md", "emphasis-storm.md", "one-line-5mb.md"})
    void hostileStoryFinishesAsAReadablePdf(String name) throws Exception {
        Rendition<BrochurePdf> r = renderFile(name);
        assertFalse(PdfReading.text(r.body().pdf()).isBlank());
    }

    @Test
    void fiveMegabyteLineIsCutWithWarnings() throws Exception {
        // The story document already cuts the body to its rendering limit and splits the line into
        // paragraphs; the brochure then cuts each unbreakable "word" to what a line can hold.
        StoryDocument doc = StoryDocument.of(StoryParser.parse("hostile", Files.readAllBytes(dir.resolve("one-line-5mb.md"))));
        assertTrue(doc.findings().stream().anyMatch(f -> f.code().equals("story.truncated")));
        Rendition<BrochurePdf> r = renderGuarded(doc, Brochures.options());
        assertEquals(Severity.WARNING, finding(r, "brochure.word.truncated").severity());
        assertEquals(PrintBody.MAX_WORD_CHARS, finding(r, "brochure.word.truncated").args().get(1));
        assertTrue(r.body().pages() <= 10, "a few pages, not thousands: " + r.body().pages());
    }

    @Test
    void manyLinksPrintTheirTextAndOnlyTheFirstAddresses() throws Exception {
        String body = new String(Files.readAllBytes(dir.resolve("many-links.md")), java.nio.charset.StandardCharsets.UTF_8);
        // The first 2,000 links of the corpus file.
        int cut = body.indexOf("[l2000]");
        Rendition<BrochurePdf> r = renderGuarded(StoryDocument.of(Story.of("links", "Links", body.substring(0, cut))),
                Brochures.options());
        String text = PdfReading.squeeze(PdfReading.text(r.body().pdf()));
        assertTrue(text.contains("l1999"), "last link text printed");
        assertTrue(text.contains("(example.com/0)"));
        assertFalse(text.contains("(example.com/" + PrintBody.MAX_LINK_HINTS + ")"));
    }

    @Test
    void hugeTableIsCutToWhatAPageCanHold() throws Exception {
        // Header, separator and 320 rows of the corpus's 200-column table, cut to 30 columns.
        StringBuilder md = new StringBuilder();
        List<String> lines = Files.readAllLines(dir.resolve("huge-table.md"));
        for (String line : lines.subList(0, 322)) {
            String[] cells = line.split("\\|");
            md.append(String.join("|", java.util.Arrays.copyOfRange(cells, 0, 31))).append("|\n");
        }
        Rendition<BrochurePdf> r = renderGuarded(StoryDocument.of(Story.of("table", "Table", md.toString())),
                Brochures.options());
        assertEquals(List.of(PrintBody.MAX_TABLE_ROWS, PrintBody.MAX_TABLE_COLUMNS, 321, 30),
                finding(r, "brochure.table.truncated").args());
        for (PdfReading.Glyph g : PdfReading.glyphs(r.body().pdf())) {
            assertTrue(g.right() <= g.pageWidth() - 40, "'" + g.unicode() + "' ends at " + g.right());
        }
        String text = PdfReading.text(r.body().pdf());
        assertTrue(text.contains("c11") && !text.contains("c12"), "12 columns kept");
    }

    @Test
    void thousandsOfListItemsAreCutWithAWarning() {
        Rendition<BrochurePdf> r = renderGuarded(
                StoryDocument.of(Story.of("list", "List", "- item\n".repeat(9_000))), Brochures.options());
        assertTrue(has(r, "brochure.text.truncated"));
        assertTrue(r.body().pages() < 120, "pages " + r.body().pages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.jpg", "fake.png"})
    void brokenHeroImageGivesAWarningAndAPlaceholder(String image) throws IOException {
        Story base = Corpus.document("boulangerie-levain").story();
        Story story = BrochureRendererTest.withImage(base, image);
        RenderOptions options = Brochures.options().withAssets(new FileAssets(dir, dir));
        Rendition<BrochurePdf> r = renderGuarded(StoryDocument.of(story), options);
        assertEquals(List.of(image), finding(r, "brochure.image.unreadable").args());
        assertEquals(0, BrochureRendererTest.imageCount(r.body().pdf()));
        assertTrue(PdfReading.text(r.body().pdf()).contains("Une miche de pain au levain"));
    }

    @Test
    void tinyPngClaimingGigapixelsIsRefusedNotDecoded(@org.junit.jupiter.api.io.TempDir Path images) throws IOException {
        // 30,000 × 30,000 pixels in a 74-byte file: decoding it would need gigabytes.
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(30_000).putInt(30_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat)) {
            z.write(new byte[1000]);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Files.write(images.resolve("bomb.png"), png.toByteArray());
        Story story = BrochureRendererTest.withImage(Corpus.document("osteo-samedi").story(), "bomb.png");
        Rendition<BrochurePdf> r = renderGuarded(StoryDocument.of(story),
                Brochures.options().withAssets(new FileAssets(images, images)));
        assertEquals(List.of("bomb.png"), finding(r, "brochure.image.unreadable").args());
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void brandColoursCannotInjectStyles() {
        Brand hostile = new Brand("evil", "Evil", "", "", "", new Brand.Colors("red; } body { display: none } x {",
                "#zzz", "url(file:///etc/passwd)", "#000", "#fff"), new Brand.Fonts("serif; } * { display:none", "x"),
                Brand.Voice.NONE, Brand.Contact.NONE, Map.of(), Map.of());
        Rendition<BrochurePdf> r = Brochures.RENDERER.render(Corpus.document("osteo-samedi"), hostile,
                Brochures.options());
        assertTrue(PdfReading.text(r.body().pdf()).contains("le samedi de 9 h à 13 h"));
        assertEquals(Optional.of("https://osteo-lumiere.example/rdv?utm_source=brochure&utm_medium=print&utm_campaign="
                + Corpus.document("osteo-samedi").story().id()), PdfReading.qrCode(r.body().pdf()));
    }

    @Test
    void storyCannotBorrowThePageLayoutThroughClassNames() throws IOException {
        String body = "<div class=\"footer\">FAKE FOOTER</div>\n\n<div class=\"cta\">FAKE BOX</div>\n\n"
                + "Some text.\n\n".repeat(300);
        Rendition<BrochurePdf> r = renderGuarded(StoryDocument.of(Story.of("classes", "Classes", body)),
                Brochures.options());
        assertTrue(r.body().pages() >= 2);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = PdfReading.load(r.body().pdf())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertTrue(text.contains("88 Pier Road"), "brand footer on page " + page);
                assertEquals(page == 1, text.contains("FAKE FOOTER"), "fake footer only in the body, page " + page);
            }
        }
    }

    @Test
    void overlongCallToActionUrlIsPrintedWithoutQrCode() {
        Story base = Corpus.document("coffee-huila").story();
        String url = "https://harborpine.example/" + "a".repeat(5_000);
        // Without a website the QR code would lead to the call to action, which no QR code can hold.
        Rendition<BrochurePdf> r = Brochures.RENDERER.render(
                StoryDocument.of(BrochureRendererTest.withCta(base, new org.cristal.story.Cta("Go", url))),
                Brand.DEFAULT, Brochures.options());
        assertTrue(has(r, "brochure.cta.noQrCode"));
        assertEquals(Optional.empty(), PdfReading.qrCode(r.body().pdf()));
    }
}
