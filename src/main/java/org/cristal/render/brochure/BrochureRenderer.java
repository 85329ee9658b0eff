package org.cristal.render.brochure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cristal.render.ChannelRenderer;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.Texts;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.jsoup.nodes.Document;

/**
 * The print brochure: a PDF laid out from HTML and CSS by openhtmltopdf, on A4 or A5 (the flyer), or
 * their North American sizes for a brand based in the US or Canada. Brand band with logo, title,
 * summary as lead, hero image, the body, a call to action with its address printed in full and a QR
 * code to the story's web page, and a footer with the brand's contact line and page numbers. Every
 * file is PDF/A-2b and tagged PDF/UA-1; with {@link RenderOptions#printReady()} the pages get 3 mm of
 * bleed, trim and bleed boxes and crop marks. Fonts are the ones shipped in {@code assets/fonts},
 * embedded as subsets. The same input gives the same bytes (dates and document id come from the options).
 *
 * <p>Never throws on story content: missing or broken images, unsafe links and oversize text
 * become findings; an unexpected layout failure gives an error finding and a blank page.
 */
public final class BrochureRenderer implements ChannelRenderer<BrochurePdf> {
    private static final System.Logger LOG = System.getLogger(BrochureRenderer.class.getName());

    @Override
    public Channel channel() {
        return Channel.BROCHURE;
    }

    @Override
    public Rendition<BrochurePdf> render(StoryDocument story, Brand brand, RenderOptions options) {
        return render(story, brand, options, null).rendition();
    }

    /** What a personalised copy is drawn on: the brochure with room left for the mailing parts. */
    record Base(Rendition<BrochurePdf> rendition, Sheet sheet, MailLayout mail) {
    }

    /** @param window where the envelope's window is, or null for the ordinary brochure */
    static Base render(StoryDocument story, Brand brand, RenderOptions options, MailWindow window) {
        List<Finding> findings = new ArrayList<>();
        Brand kit = brand == null ? Brand.DEFAULT : brand;
        Sheet sheet = new Sheet(options.paper(), 0);
        MailLayout mail = null;
        try {
            sheet = Sheet.of(options, kit, story.story(), findings);
            mail = window == null ? null : MailLayout.of(sheet.paper(), window);
            BrochurePage page = new BrochurePage(story, kit, options, sheet, findings);
            if (mail != null) {
                page.forMail(mail);
            }
            BrochurePdf pdf = sheet.paper().isTriFold() ? triFold(page, sheet, story.story(), kit, options, findings)
                    : write(page.build(), page, sheet, story.story(), kit, options, findings);
            return new Base(new Rendition<>(Channel.BROCHURE, pdf, findings), sheet, mail);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "brochure layout failed for story " + story.story().id(), e);
            findings.add(Finding.of(Severity.ERROR, Channel.BROCHURE, "brochure.failed", 0));
            return new Base(new Rendition<>(Channel.BROCHURE, blank(options, story.story(), kit), findings), sheet,
                    window == null ? null : MailLayout.of(sheet.paper(), window));
        }
    }

    private static BrochurePdf write(Document html, BrochurePage page, Sheet sheet, Story story, Brand brand,
            RenderOptions options, List<Finding> findings) throws IOException {
        BrochureFonts.Needs needs = needs(html.body().text(), findings);
        // A layout for personalised copies is imported page by page as forms, which drops any structure tree:
        // tagging it would be paid for on every distinct text and thrown away.
        boolean tagged = !page.isForMail();
        PdfLayout.Output out = PdfLayout.write(html, page.gate, page.qrCodes, needs, sheet, tagged,
                pdf -> describe(pdf, page.title(), story, brand, options, sheet, tagged));
        return new BrochurePdf(out.bytes(), out.pages());
    }

    private static BrochurePdf triFold(BrochurePage page, Sheet sheet, Story story, Brand brand,
            RenderOptions options, List<Finding> findings) throws IOException {
        TriFold fold = TriFold.of(sheet.paper());
        Document cover = page.cover(fold);
        Document back = page.back(fold);
        Document inside = page.storyPanels(fold);
        BrochureFonts.Needs needs = needs(cover.body().text() + back.body().text() + inside.body().text(), findings);
        PdfLayout.Output out = TriFoldBrochure.write(page, needs, sheet, cover, back, inside, findings,
                pdf -> describe(pdf, page.title(), story, brand, options, sheet, false));
        return new BrochurePdf(out.bytes(), out.pages());
    }

    private static BrochureFonts.Needs needs(String text, List<Finding> findings) {
        BrochureFonts.Needs needs = BrochureFonts.needs(text);
        if (!needs.missing().isEmpty()) {
            findings.add(Finding.of(Severity.WARNING, Channel.BROCHURE, "brochure.glyph.missing", 0, needs.missing()));
        }
        return needs;
    }

    // Dates from the options and an id derived from the content: two renders of one input are identical.
    private static void describe(PDDocument pdf, String title, Story story, Brand brand, RenderOptions options,
            Sheet sheet, boolean tagged) {
        Calendar when = GregorianCalendar.from(options.now().atZone(options.zone()));
        String subject = story.summary().length() > 500 ? story.summary().substring(0, 500) : story.summary();
        PdfMetadata.write(pdf, new PdfMetadata.Fields(title, brand.name(), subject, String.join(", ", story.tags()),
                Texts.lang(story), when), tagged);
        byte[] id = documentId(story, brand, options, sheet);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] documentId(Story story, Brand brand, RenderOptions options, Sheet sheet) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String part : List.of(story.id(), story.title(), story.body(), brand.id(), sheet.key(),
                    options.now().toString())) {
                md5.update(part.getBytes(StandardCharsets.UTF_8));
                md5.update((byte) 0);
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The page given when layout fails: blank, of the asked paper, and still PDF/A-2b (output intent,
     * metadata, document id) so an archive or a print shop's preflight does not reject the file too.
     */
    static BrochurePdf blank(RenderOptions options, Story story, Brand brand) {
        try (PDDocument pdf = new PDDocument()) {
            Sheet sheet = new Sheet(options.paper(), 0);
            float points = 72f / 25.4f;
            PDPage page = new PDPage(new PDRectangle((float) sheet.mediaWidthMm() * points,
                    (float) sheet.mediaHeightMm() * points));
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            pdf.addPage(page);
            try {
                PdfMetadata.addOutputIntent(pdf);
                String title = PrintText.dropInvisible(story.title().strip());
                title = title.length() > BrochurePage.MAX_TITLE_CHARS
                        ? title.substring(0, PrintText.safeEnd(title, BrochurePage.MAX_TITLE_CHARS)) : title;
                describe(pdf, title, story, brand, options, sheet, false);
            } catch (IOException | RuntimeException e) {
                // The story itself may be what broke the layout: a plain blank page rather than nothing.
                LOG.log(System.Logger.Level.WARNING, "blank brochure written without PDF/A metadata", e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return new BrochurePdf(out.toByteArray(), 1);
        } catch (IOException e) {
            throw new IllegalStateException(String.format(Locale.ROOT, "cannot write an empty PDF: %s", e), e);
        }
    }
}
