package org.cristal.render.brochure;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.jsoup.nodes.Document;

/**
 * The tri-fold: openhtmltopdf cannot flow text from one column to the next on a page, so the cover,
 * the back and the story are each laid out on panel-sized pages and then imposed on the two sides of
 * the sheet. The story fills the three inside panels, then the flap; what does not fit is reported,
 * never dropped silently. The result is PDF/A-2b, but not tagged: a page imposed as a form loses its
 * structure tree.
 */
final class TriFoldBrochure {
    /** The three inside panels and the flap. */
    static final int STORY_PANELS = 4;

    private TriFoldBrochure() {
    }

    static PdfLayout.Output write(BrochurePage page, BrochureFonts.Needs needs, Sheet sheet, Document cover,
            Document back, Document story, List<Finding> findings, Consumer<PDDocument> finish) throws IOException {
        TriFold fold = TriFold.of(sheet.paper());
        try (PDDocument coverPdf = panels(page, cover, needs, fold.wideMm(), fold);
                PDDocument backPdf = panels(page, back, needs, fold.wideMm(), fold);
                PDDocument storyPdf = panels(page, story, needs, fold.storyMm(), fold);
                PDDocument out = new PDDocument()) {
            report(coverPdf, "brochure.trifold.coverOverflow", findings);
            report(backPdf, "brochure.trifold.backOverflow", findings);
            int pages = storyPdf.getNumberOfPages();
            if (pages > STORY_PANELS) {
                findings.add(Finding.of(Severity.WARNING, Channel.BROCHURE, "brochure.trifold.overflow", 0,
                        pages - STORY_PANELS, wordsFrom(storyPdf, STORY_PANELS + 1)));
            } else if (pages < STORY_PANELS - 1) {
                // A leaflet with blank inside panels looks unfinished; the flap alone may stay blank.
                findings.add(Finding.of(Severity.INFO, Channel.BROCHURE, "brochure.trifold.underfilled", 0, pages,
                        STORY_PANELS));
            }
            new TriFoldImposer(out, sheet, fold).impose(coverPdf, backPdf, storyPdf);
            PdfMetadata.addOutputIntent(out);
            finish.accept(out);
            return new PdfLayout.Output(PdfLayout.save(out), out.getNumberOfPages());
        }
    }

    // Saved and read back: fonts are subset (and their programs written) only when a document is saved.
    private static PDDocument panels(BrochurePage page, Document html, BrochureFonts.Needs needs, double widthMm,
            TriFold fold) throws IOException {
        byte[] bytes;
        try (PDDocument pdf = PdfLayout.layout(html, page.gate, page.qrCodes, needs, widthMm, fold.heightMm(),
                false)) {
            bytes = PdfLayout.save(pdf);
        }
        return Loader.loadPDF(bytes);
    }

    private static void report(PDDocument part, String code, List<Finding> findings) throws IOException {
        if (part.getNumberOfPages() > 1) {
            findings.add(Finding.of(Severity.WARNING, Channel.BROCHURE, code, 0, wordsFrom(part, 2)));
        }
    }

    /** Words printed from a 1-based page on: what the tri-fold leaves out. */
    private static int wordsFrom(PDDocument pdf, int firstPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(firstPage);
        String text = stripper.getText(pdf).strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }
}
