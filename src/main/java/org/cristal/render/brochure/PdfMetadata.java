package org.cristal.render.brochure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAExtensionSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The brochure's document information and its XMP twin. PDF/A requires the two to say the same thing
 * (ISO 19005-2, 6.6.3): openhtmltopdf writes its XMP before the page is laid out, from values it takes
 * from the clock, so both are written again here, once, from the story, the brand and the options.
 */
final class PdfMetadata {
    private static final String ICC = "/cristal-assets/icc/sRGB.icc";
    private static final byte[] SRGB = load();
    private static final String UA_NS = "http://www.aiim.org/pdfua/ns/id/";

    /** What the reader's viewer and a library catalogue show about the brochure. */
    record Fields(String title, String author, String subject, String keywords, String lang, Calendar when) {
    }

    private PdfMetadata() {
    }

    /** Adds the sRGB output intent PDF/A asks for, to a document openhtmltopdf did not write. */
    static void addOutputIntent(PDDocument pdf) throws IOException {
        PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        pdf.getDocumentCatalog().addOutputIntent(intent);
    }

    /** The sRGB profile of the output intent (assets/icc, zlib licence). */
    static byte[] srgbProfile() {
        return SRGB;
    }

    static void write(PDDocument pdf, Fields f) {
        write(pdf, f, true);
    }

    /** @param tagged whether the file claims PDF/UA-1 (only a tagged file may) */
    static void write(PDDocument pdf, Fields f, boolean tagged) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(f.title());
        info.setAuthor(blankToNull(f.author()));
        info.setSubject(blankToNull(f.subject()));
        info.setKeywords(blankToNull(f.keywords()));
        info.setCreator("Cristal");
        info.setProducer("Cristal");
        info.setCreationDate(f.when());
        info.setModificationDate(f.when());
        pdf.setDocumentInformation(info);

        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage(f.lang());
        if (catalog.getViewerPreferences() == null) {
            catalog.setViewerPreferences(new PDViewerPreferences(new COSDictionary()));
        }
        // A viewer’s window shows the title, not the file name (PDF/UA asks for it too).
        catalog.getViewerPreferences().setDisplayDocTitle(true);
        try {
            PDMetadata stream = new PDMetadata(pdf);
            stream.importXMPMetadata(xmp(info, f.lang(), tagged));
            catalog.setMetadata(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xmp(PDDocumentInformation info, String lang, boolean tagged) {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");

            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setFormat("application/pdf");
            dc.setTitle(info.getTitle());
            if (info.getAuthor() != null) {
                dc.addCreator(info.getAuthor());
            }
            if (info.getSubject() != null) {
                dc.setDescription(info.getSubject());
            }
            dc.addLanguage(lang);

            AdobePDFSchema pdfSchema = xmp.createAndAddAdobePDFSchema();
            pdfSchema.setProducer(info.getProducer());
            if (info.getKeywords() != null) {
                pdfSchema.setKeywords(info.getKeywords());
            }

            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(info.getCreator());
            basic.setCreateDate(info.getCreationDate());
            basic.setModifyDate(info.getModificationDate());
            basic.setMetadataDate(info.getModificationDate());

            if (tagged) {
                declareUniversalAccessibility(xmp);
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            new XmpSerializer().serialize(xmp, out, true);
            return out.toByteArray();
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("cannot write the brochure's XMP metadata", e);
        }
    }

    /**
     * {@code pdfuaid:part = 1}: the file claims PDF/UA-1 (tagged, every figure with its text). PDF/A-2 only
     * knows the schemas of XMP 2005, so the claim comes with its schema described in an extension.
     */
    private static void declareUniversalAccessibility(XMPMetadata xmp) {
        XMPSchema ua = new XMPSchema(xmp, UA_NS, "pdfuaid");
        ua.addProperty(xmp.getTypeMapping().createInteger(UA_NS, "pdfuaid", "part", 1));
        xmp.addSchema(ua);

        PDFAExtensionSchema extension = xmp.createAndAddPDFAExtensionSchemaWithDefaultNS();
        extension.addNamespace("http://www.aiim.org/pdfa/ns/schema#", "pdfaSchema");
        extension.addNamespace("http://www.aiim.org/pdfa/ns/property#", "pdfaProperty");
        XMPSchema property = new XMPSchema(xmp, "http://www.aiim.org/pdfa/ns/property#", "pdfaProperty");
        property.setTextPropertyValue("name", "part");
        property.setTextPropertyValue("valueType", "Integer");
        property.setTextPropertyValue("category", "internal");
        property.setTextPropertyValue("description", "Indicates, which part of ISO 14289 standard is followed");
        XMPSchema schema = new XMPSchema(xmp, "http://www.aiim.org/pdfa/ns/schema#", "pdfaSchema");
        schema.setTextPropertyValue("schema", "PDF/UA Universal Accessibility Schema");
        schema.setTextPropertyValue("namespaceURI", UA_NS);
        schema.setTextPropertyValue("prefix", "pdfuaid");
        schema.addUnqualifiedSequenceValue("property", property);
        extension.addBagValue("schemas", schema);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static byte[] load() {
        try (InputStream in = PdfMetadata.class.getResourceAsStream(ICC)) {
            if (in == null) {
                throw new IllegalStateException("colour profile missing from the classpath: " + ICC);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
