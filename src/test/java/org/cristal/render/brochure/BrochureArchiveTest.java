package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.cristal.support.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Brochures are PDF/A-2b files an archive or a print shop accepts, tagged for screen readers (PDF/UA-1),
 * with metadata a catalogue can read. veraPDF decides.
 */
class BrochureArchiveTest {
    static Stream<String> corpusStories() {
        return BrochureRendererTest.corpusStories();
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void everyCorpusBrochurePassesVeraPdfAsTaggedPdfUa1(String name) {
        byte[] pdf = render(name).body().pdf();
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1), name);
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void everyCorpusBrochurePassesVeraPdfAsPdfA2b(String name) {
        byte[] pdf = render(name).body().pdf();
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_B), name);
    }

    @org.junit.jupiter.api.Test
    void validatorRejectsAPlainPdfSoItsSilenceMeansSomething() throws IOException {
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            List<String> failures = VeraPdf.failures(out.toByteArray(), PDFAFlavour.PDFA_2_B);
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("6.6.2.1")), "no XMP metadata: " + failures);
        }
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void brochureCarriesAnSrgbOutputIntentAndItsTitleLanguageAndBrandInXmp(String name) throws Exception {
        var doc = Corpus.document(name);
        try (PDDocument pdf = PdfReading.load(render(name).body().pdf())) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            List<PDOutputIntent> intents = catalog.getOutputIntents();
            assertEquals(1, intents.size());
            assertEquals("sRGB IEC61966-2.1", intents.get(0).getOutputConditionIdentifier());
            assertNotNull(intents.get(0).getDestOutputIntent(), "ICC profile embedded");

            XMPMetadata xmp = new DomXmpParser().parse(catalog.getMetadata().exportXMPMetadata());
            String title = pdf.getDocumentInformation().getTitle();
            assertTrue(doc.story().title().isBlank() || title.contains(doc.story().title().strip().substring(0, 5)),
                    title);
            assertEquals(title, xmp.getDublinCoreSchema().getTitle());
            assertEquals(List.of(Brochures.brandOf(doc).name()), xmp.getDublinCoreSchema().getCreators());
            String lang = doc.story().lang().isBlank() ? "en" : doc.story().lang();
            assertEquals(List.of(lang), xmp.getDublinCoreSchema().getLanguages());
            assertEquals(lang, catalog.getLanguage());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
            assertTrue(catalog.getViewerPreferences().displayDocTitle(), "viewer shows the title");
        }
    }

    @org.junit.jupiter.api.Test
    void blankPageGivenWhenLayoutFailsIsStillPdfA2bWithTheStorysTitle() throws IOException {
        var doc = Corpus.document("boulangerie-levain");
        for (org.cristal.render.PaperSize paper : List.of(org.cristal.render.PaperSize.A4,
                org.cristal.render.PaperSize.TRI_FOLD)) {
            byte[] pdf = BrochureRenderer.blank(Brochures.options().withPaper(paper), doc.story(),
                    Brochures.brandOf(doc)).pdf();
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_B), paper.toString());
            try (PDDocument read = PdfReading.load(pdf)) {
                assertEquals(doc.story().title(), read.getDocumentInformation().getTitle());
                assertEquals((float) (paper.widthMm() * 72 / 25.4), read.getPage(0).getMediaBox().getWidth(), 0.5f);
            }
        }
    }
}
