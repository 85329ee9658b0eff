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
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(html);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.withW3cDocument(dom, ResourceGate.SCHEME + ":/");
            builder.useDefaultPageSize((float) sheet.mediaWidthMm(), (float) sheet.mediaHeightMm(), PageSizeUnits.MM);
            gate.install(builder);
            builder.useObjectDrawerFactory(objects);
            BrochureFonts.install(builder, needs);
            builder.withProducer("Cristal");
            // PDF/A-2b: fonts embedded (ours always are), an sRGB output intent, XMP metadata (rewritten by
            // the caller's finish step so it matches the document information exactly). PDF/UA mode makes
            // openhtmltopdf write the structure tree: headings, paragraphs, lists, tables, figures with Alt.
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.usePdfUaAccessbility(true);
            builder.useColorProfile(PdfMetadata.srgbProfile());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            if (sheet.printReady()) {
                PrintMarks.apply(pdf, sheet);
            }
            finish.accept(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            pdf.save(out);
            return new Output(out.toByteArray(), pdf.getNumberOfPages());
        }
    }
}
