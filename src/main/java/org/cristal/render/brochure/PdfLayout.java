package org.cristal.render.brochure;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Lays an HTML document out into PDF bytes with openhtmltopdf: the shipped fonts, the page's
 * resources behind its {@link ResourceGate} and nothing else. The jsoup document goes in as a DOM,
 * so no XHTML is serialised and parsed again.
 */
final class PdfLayout {
    record Output(byte[] bytes, int pages) {
    }

    static {
        // openhtmltopdf reports every font load and CSS quirk at INFO through java.util.logging,
        // and warns about our cristal: URIs, which its URL-based cache cannot parse but serves fine.
        XRLog.setLoggingEnabled(false);
    }

    private PdfLayout() {
    }

    /**
     * @param finish last touches on the document before it is saved (metadata, id)
     */
    static Output write(Document html, ResourceGate gate, FSObjectDrawerFactory objects, BrochureFonts.Needs needs,
            Sheet sheet, Consumer<PDDocument> finish) throws IOException {
        return write(html, gate, objects, needs, sheet, true, finish);
    }

    /** As above; {@code tagged} false for a layout that is only drawn on (a personalised copy keeps no tags). */
    static Output write(Document html, ResourceGate gate, FSObjectDrawerFactory objects, BrochureFonts.Needs needs,
            Sheet sheet, boolean tagged, Consumer<PDDocument> finish) throws IOException {
        try (PDDocument pdf = layout(html, gate, objects, needs, sheet.mediaWidthMm(), sheet.mediaHeightMm(), tagged)) {
            if (sheet.printReady()) {
                PrintMarks.apply(pdf, sheet);
            }
            finish.accept(pdf);
            return new Output(save(pdf), pdf.getNumberOfPages());
        }
    }

    /**
     * Lays the document out into a new PDF the caller closes. Fonts are subset only when it is saved.
     *
     * @param tagged whether to write the structure tree (PDF/UA)
     */
    static PDDocument layout(Document html, ResourceGate gate, FSObjectDrawerFactory objects,
            BrochureFonts.Needs needs, double widthMm, double heightMm, boolean tagged) throws IOException {
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(html);
        PDDocument pdf = new PDDocument();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.withW3cDocument(dom, ResourceGate.SCHEME + ":/");
            builder.useDefaultPageSize((float) widthMm, (float) heightMm, PageSizeUnits.MM);
            gate.install(builder);
            builder.useObjectDrawerFactory(objects);
            BrochureFonts.install(builder, needs);
            // Right-to-left runs reversed and Arabic joined. A story in a right-to-left language is laid out
            // from the right by its style sheet (html[dir="rtl"] in brochure.css).
            builder.useUnicodeBidiSplitter(PrintBidi.INSTANCE);
            builder.useUnicodeBidiReorderer(PrintBidi.INSTANCE);
            builder.withProducer("Cristal");
            // PDF/A-2b: fonts embedded (ours always are), an sRGB output intent, XMP metadata (rewritten by
            // the caller's finish step so it matches the document information exactly). PDF/UA mode makes
            // openhtmltopdf write the structure tree: headings, paragraphs, lists, tables, figures with Alt.
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.usePdfUaAccessbility(tagged);
            builder.useColorProfile(PdfMetadata.srgbProfile());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            return pdf;
        } catch (IOException | RuntimeException | Error e) {
            pdf.close();
            throw e;
        }
    }

    static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        pdf.save(out);
        return out.toByteArray();
    }
}
