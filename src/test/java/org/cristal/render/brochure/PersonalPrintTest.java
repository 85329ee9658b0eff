package org.cristal.render.brochure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.cristal.render.PaperSize;
import org.cristal.story.Brand;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personalised copies read back: the address sits where the envelope's window is, the QR code carries the token. */
class PersonalPrintTest {
    private static final float PT = 72f / 25.4f;

    @TempDir
    Path dir;

    private static Story story() {
        Story s = Corpus.document("boulangerie-levain").story();
        return s.withBody("Bonjour {{first_name|à vous}},\n\n" + s.body());
    }

    private static Brand brand() {
        return Brochures.brandOf(Corpus.document("boulangerie-levain"));
    }

    private static List<PersonalPrint.Recipient> recipients() {
        return List.of(
                new PersonalPrint.Recipient("aaaaaaaaa2", List.of("Marie Curie", "12 rue des Lilas", "60300 Senlis"),
                        Map.of("first_name", "Marie")),
                new PersonalPrint.Recipient("bbbbbbbbb3", List.of("Paul Dupré", "3 place du Marché", "75011 Paris"),
                        Map.of("first_name", "Paul")),
                new PersonalPrint.Recipient("ccccccccc4", List.of("Marie Martin", "8 allée Verte", "13001 Marseille"),
                        Map.of("first_name", "Marie")));
    }

    private List<PersonalPrint.Copy> print(PaperSize paper, MailWindow window, Path merged) throws IOException {
        List<PersonalPrint.Copy> copies = new ArrayList<>();
        PersonalPrint.Result r = new PersonalPrint(story(), brand(), Brochures.options().withExactPaper(paper), window, 2)
                .print(recipients(), copies::add, merged, n -> { }, () -> false);
        assertEquals(3, r.copies());
        assertEquals(2, r.layouts(), "one layout per distinct greeting");
        return copies;
    }

    /** The text inside a rectangle of the trimmed page, in millimetres from its top-left corner. */
    static String textIn(byte[] pdf, int page, double x, double y, double w, double h) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion("r", new Rectangle2D.Double(x * PT, y * PT, w * PT, h * PT));
            area.extractRegions(doc.getPage(page));
            return area.getTextForRegion("r");
        }
    }

    @Test
    void eachA4CopyHasItsContactsAddressInTheLeftWindowAndTheirTokenInTheQrCode() throws IOException {
        List<PersonalPrint.Copy> copies = print(PaperSize.A4, MailWindow.LEFT, null);
        String window = textIn(copies.get(0).pdf(), 0, 20, 45, 85, 45);
        assertTrue(window.contains("Marie Curie") && window.contains("60300 Senlis"), window);
        assertFalse(textIn(copies.get(0).pdf(), 0, 95, 45, 110, 50).contains("Marie Curie"));
        String link = PdfReading.qrCode(PdfReading.page(copies.get(1).pdf(), 0, 200)).orElseThrow();
        assertTrue(link.contains("utm_content=bbbbbbbbb3") && link.contains("utm_source=brochure")
                && link.contains("utm_medium=print"), link);
        assertTrue(PdfReading.text(copies.get(1).pdf()).contains("Bonjour Paul"));
        assertTrue(PdfReading.text(copies.get(2).pdf()).contains("Bonjour Marie"));
    }

    @Test
    void theRightHandWindowPutsTheAddressWhereLaPostesDlWindowIs() throws IOException {
        List<PersonalPrint.Copy> copies = print(PaperSize.A4, MailWindow.RIGHT, null);
        String window = textIn(copies.get(1).pdf(), 0, 95, 50, 100, 45);
        assertTrue(window.contains("Paul Dupré") && window.contains("75011 Paris"), window);
        assertFalse(textIn(copies.get(1).pdf(), 0, 0, 45, 94, 50).contains("Paul"));
    }

    @Test
    void theTriFoldCarriesTheAddressOnItsMailingPanelAndTheMergedFileKeepsTheOrder() throws IOException {
        Path merged = dir.resolve("all.pdf");
        List<PersonalPrint.Copy> copies = print(PaperSize.TRI_FOLD, MailWindow.LEFT, merged);
        String panel = textIn(copies.get(2).pdf(), 0, 97, 0, 100, 210);
        assertTrue(panel.contains("Marie Martin") && panel.contains("13001 Marseille"), panel);
        assertFalse(textIn(copies.get(2).pdf(), 0, 197, 0, 100, 210).contains("Marie Martin"));
        String link = PdfReading.qrCode(PdfReading.page(copies.get(2).pdf(), 0, 200)).orElseThrow();
        assertTrue(link.contains("utm_content=ccccccccc4"), link);
        byte[] all = Files.readAllBytes(merged);
        try (PDDocument doc = Loader.loadPDF(all)) {
            assertEquals(copies.stream().mapToInt(PersonalPrint.Copy::pages).sum(), doc.getNumberOfPages());
        }
        int second = copies.get(0).pages();
        assertTrue(textIn(all, second, 97, 0, 100, 210).contains("Paul Dupré"));
        assertFalse(Files.exists(dir.resolve("all.pdf.part")));
    }

    @Test
    void aCancelledRunLeavesNoMergedFile() throws IOException {
        Path merged = dir.resolve("all.pdf");
        List<PersonalPrint.Copy> copies = new ArrayList<>();
        PersonalPrint.Result r = new PersonalPrint(story(), brand(), Brochures.options(), MailWindow.LEFT, 2)
                .print(recipients(), copies::add, merged, n -> { }, () -> copies.size() >= 1);
        assertTrue(r.cancelled());
        assertEquals(1, r.copies());
        assertFalse(Files.exists(merged));
        assertFalse(Files.exists(dir.resolve("all.pdf.part")));
    }
}
