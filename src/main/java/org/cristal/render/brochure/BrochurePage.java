package org.cristal.render.brochure;

import java.util.List;
import java.util.Optional;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.FrenchSpacing;
import org.cristal.render.common.Pages;
import org.cristal.render.common.Texts;
import org.cristal.story.Asset;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Cta;
import org.cristal.story.Finding;
import org.cristal.story.HtmlSanitizer;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The brochure as an HTML document for openhtmltopdf: brand band, title, lead, hero image, body, call
 * to action with its QR code, and the running footer. Front-matter text is escaped; images become
 * {@code cristal:} URIs served by this page's {@link ResourceGate}. One instance per render.
 */
final class BrochurePage {
    static final int MAX_TITLE_CHARS = 300;
    static final int MAX_SUMMARY_CHARS = 2_000;
    static final int MAX_LABEL_CHARS = 200;
    static final int MAX_FOOTER_CHARS = 300;
    /** The logo prints 20 mm wide (14 on a flyer, see brochure.css): 400 px is 500 dpi. */
    private static final int LOGO_MAX_PIXELS = 400;
    /** Column width at 300 dpi, with room for Letter paper. */
    private static final int IMAGE_MAX_PIXELS = 2_400;

    private final StoryDocument doc;
    private final Brand brand;
    private final RenderOptions options;
    private final List<Finding> findings;
    private final double columnMm;
    final ResourceGate gate = new ResourceGate();
    final QrCodes qrCodes = new QrCodes();
    private String title;
    private final Optional<FrenchSpacing> french;

    private final Sheet sheet;
    /** A mailed copy's layout: room left for the address and the personal QR code, which are drawn later. */
    private MailLayout mail;

    BrochurePage(StoryDocument doc, Brand brand, RenderOptions options, Sheet sheet, List<Finding> findings) {
        this.doc = doc;
        this.sheet = sheet;
        this.brand = brand;
        this.options = options;
        this.findings = findings;
        this.columnMm = sheet.columnWidthMm();
        this.french = FrenchSpacing.of(doc.story());
    }

    /** Lays the page out for mailing: the address and the personal QR code are drawn over it per contact. */
    BrochurePage forMail(MailLayout layout) {
        this.mail = layout;
        return this;
    }

    /** Whether this page is a layout for personalised copies (room left for the address and the QR code). */
    boolean isForMail() {
        return mail != null;
    }

    Document build() {
        Story s = doc.story();
        StringBuilder h = start(BrochureStyle.css(brand, sheet), sheet.paper().isFlyer() ? "flyer" : "");
        footer(h);
        if (mail != null) {
            // The window's part of the first page stays blank (14 mm: the page's top margin).
            h.append("<div class=\"mail-zone\" style=\"height: ").append(mail.zoneMm() - 14).append("mm\"></div>");
        }
        band(h);
        h.append("<h1 class=\"title\">").append(esc(title)).append("</h1>");
        lead(h, s);
        hero(h, s);
        h.append("<div class=\"story\"></div>");
        cta(h, s.cta(), false);
        return body(h);
    }

    /** The tri-fold's cover panel: brand band, title, hero image, and the summary as a teaser. */
    Document cover(TriFold fold) {
        StringBuilder h = start(BrochureStyle.panelCss(brand, fold.wideMm(), fold.heightMm()), "trifold cover");
        band(h);
        h.append("<h1 class=\"title\">").append(esc(title)).append("</h1>");
        hero(h, doc.story());
        lead(h, doc.story());
        h.append("</body></html>");
        return Jsoup.parse(h.toString());
    }

    /** The tri-fold's back panel: the brand's contact block, then the call to action and its QR code. */
    Document back(TriFold fold) {
        StringBuilder h = start(BrochureStyle.panelCss(brand, fold.wideMm(), fold.heightMm()), "trifold back");
        if (mail != null) {
            // A self-mailer's back is its mailing panel: sender, address and QR code are drawn per contact.
            return Jsoup.parse(h.append("</body></html>").toString());
        }
        h.append("<div class=\"contact\"><div class=\"contact-name\">").append(esc(line(brand.name())))
                .append("</div>");
        if (!brand.tagline().isBlank()) {
            h.append("<div class=\"contact-tagline\">").append(esc(line(brand.tagline()))).append("</div>");
        }
        for (String part : List.of(brand.contact().address(), displayWebsite(), brand.contact().phone())) {
            if (!part.isBlank()) {
                h.append("<div class=\"contact-line\">").append(esc(line(part))).append("</div>");
            }
        }
        h.append("</div>");
        cta(h, doc.story().cta(), true);
        h.append("</body></html>");
        return Jsoup.parse(h.toString());
    }

    /** The story's body for the tri-fold's inside panels and flap, on flap-wide pages. */
    Document storyPanels(TriFold fold) {
        StringBuilder h = start(BrochureStyle.panelCss(brand, fold.storyMm(), fold.heightMm()), "trifold inside");
        h.append("<div class=\"story\"></div>");
        return body(h);
    }

    private StringBuilder start(String css, String bodyClass) {
        Story s = doc.story();
        if (title == null) {
            title = frontText(s.title(), MAX_TITLE_CHARS);
        }
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html");
        Texts.declaredLang(s).ifPresent(lang -> h.append(" lang=\"").append(lang).append("\" dir=\"")
                .append(Texts.dir(lang)).append('"'));
        h.append("><head><meta charset=\"utf-8\"/><title>").append(esc(title)).append("</title>");
        h.append("<style>").append(css).append("</style></head><body")
                .append(bodyClass.isEmpty() ? ">" : " class=\"" + bodyClass + "\">");
        return h;
    }

    private void lead(StringBuilder h, Story s) {
        String summary = frontText(s.summary(), MAX_SUMMARY_CHARS);
        if (!summary.isBlank()) {
            h.append("<p class=\"lead\">").append(esc(summary)).append("</p>");
        }
    }

    private Document body(StringBuilder h) {
        h.append("</body></html>");
        Document page = Jsoup.parse(h.toString());
        Element story = page.selectFirst("div.story");
        story.html(doc.bodyHtml());
        french.ifPresent(f -> f.html(story));
        new PrintBody(this, doc.images(), doc.story().bodyLine(), Texts.declaredLang(doc.story())).apply(story);
        return page;
    }

    /** The title as printed (after {@link #build()}). */
    String title() {
        return title == null ? "" : title;
    }

    private void footer(StringBuilder h) {
        StringBuilder left = new StringBuilder();
        left.append("<span class=\"footer-name\">").append(esc(line(brand.name()))).append("</span>");
        for (String part : List.of(brand.contact().address(), displayWebsite(), brand.contact().phone())) {
            if (!part.isBlank()) {
                // Short parts stay whole (a phone number split over two lines is unreadable).
                String text = line(part);
                left.append(" \u00b7 ").append(text.length() <= 60 ? "<span class=\"whole\">" : "<span>")
                        .append(esc(text)).append("</span>");
            }
        }
        h.append("<div class=\"footer\">").append(left).append("</div>");
    }

    private String displayWebsite() {
        return brand.hasWebsite() ? PrintBody.shortForm(brand.website().strip()) : "";
    }

    private void band(StringBuilder h) {
        h.append("<div class=\"band\"><table class=\"band-table\"><tr>");
        logo().ifPresent(uri -> h.append("<td class=\"band-logo\"><img src=\"").append(uri).append("\" alt=\"")
                .append(esc(line(brand.name()))).append("\"/></td>"));
        h.append("<td class=\"band-text\"><div class=\"brand-name\">").append(esc(line(brand.name()))).append("</div>");
        if (!brand.tagline().isBlank()) {
            h.append("<div class=\"tagline\">").append(esc(line(brand.tagline()))).append("</div>");
        }
        h.append("</td></tr></table></div>");
    }

    private Optional<String> logo() {
        if (brand.logo().isBlank()) {
            return Optional.empty();
        }
        Optional<Asset> asset = resolve(brand.logo());
        if (asset.isEmpty() || !PrintImages.printable(asset.get())) {
            finding(Severity.WARNING, "brochure.logo.unreadable", 0, Texts.forMessage(brand.logo()));
            return Optional.empty();
        }
        int logoMm = sheet.paper().isFlyer() ? 14 : 20;
        int dpi = PrintImages.dpi(asset.get(), logoMm);
        if (dpi < PrintImages.PRINT_DPI) {
            finding(Severity.WARNING, "brochure.logo.lowResolution", 0, Texts.forMessage(brand.logo()), dpi,
                    PrintImages.PRINT_DPI, logoMm);
        }
        return Optional.of(gate.add("logo", PrintImages.prepared(asset.get(), BrochureStyle.bandColour(brand),
                LOGO_MAX_PIXELS)));
    }

    private void hero(StringBuilder h, Story s) {
        if (!s.hasImage()) {
            return;
        }
        String alt = frontText(s.imageAlt(), MAX_SUMMARY_CHARS);
        Optional<String> uri = printableImage(s.image(), 0);
        if (uri.isPresent()) {
            h.append("<div class=\"hero\"><img src=\"").append(uri.get()).append("\" alt=\"").append(esc(alt))
                    .append("\"/></div>");
        } else {
            h.append("<div class=\"image-missing\">").append(esc(alt.isBlank() ? Texts.forMessage(s.image()) : alt))
                    .append("</div>");
        }
    }

    /**
     * Resolves an image of the story, checks it will print, and returns its URI for the page; a missing,
     * unreadable or truncated image gives a warning and no URI. Images are printed across the column.
     */
    Optional<String> printableImage(String reference, int line) {
        Optional<Asset> asset = resolve(reference);
        // A reference may be a whole data: image; the finding names it as web and e-mail do, shortened.
        String named = Texts.forMessage(reference);
        if (asset.isEmpty()) {
            finding(Severity.WARNING, "brochure.image.missing", line, named);
            return Optional.empty();
        }
        if (!PrintImages.printable(asset.get())) {
            finding(Severity.WARNING, "brochure.image.unreadable", line, named);
            return Optional.empty();
        }
        int dpi = PrintImages.dpi(asset.get(), columnMm);
        if (dpi < PrintImages.PRINT_DPI) {
            finding(Severity.WARNING, "brochure.image.lowResolution", line, named, dpi, PrintImages.PRINT_DPI);
        }
        return Optional.of(gate.add("img", PrintImages.prepared(asset.get(), 0xFFFFFF, IMAGE_MAX_PIXELS)));
    }

    private Optional<Asset> resolve(String reference) {
        try {
            return options.assets().resolve(reference);
        } catch (RuntimeException e) {
            // A resolver is outside our control; a failing one means the same as a missing file.
            return Optional.empty();
        }
    }

    /** @param stacked the QR code under the text (a narrow panel), not beside it */
    private void cta(StringBuilder h, Optional<Cta> cta, boolean stacked) {
        if (cta.isEmpty() || (cta.get().label().isBlank() && cta.get().url().isBlank())) {
            finding(Severity.INFO, "brochure.cta.missing", 0);
            return;
        }
        String label = frontText(cta.get().label(), MAX_LABEL_CHARS);
        Optional<String> url = Urls.safeLink(cta.get().url());
        if (url.isEmpty()) {
            finding(Severity.ERROR, "brochure.cta.unsafeUrl", 0);
        }
        Optional<String> target = url.isEmpty() ? Optional.empty() : Optional.of(printToWeb(doc.story(), brand, url.get()));
        // A mailed copy gets its own QR code beside the address instead.
        Optional<String> qr = mail != null ? Optional.empty() : target.flatMap(qrCodes::add);
        if (url.isPresent() && qr.isEmpty() && mail == null) {
            finding(Severity.WARNING, "brochure.cta.noQrCode", 0);
        }
        h.append("<div class=\"cta\"><table class=\"cta-table\"><tr><td class=\"cta-text\">");
        if (!label.isBlank()) {
            h.append("<div class=\"cta-label\">").append(esc(label)).append("</div>");
        }
        url.ifPresent(u -> h.append("<div class=\"cta-url\"><a href=\"").append(esc(u)).append("\">")
                .append(esc(PrintText.capWords(u, PrintBody.MAX_WORD_CHARS).text())).append("</a></div>"));
        if (stacked) {
            qr.ifPresent(id -> h.append("<div class=\"cta-qr-below\"><div class=\"qr-panel\">")
                    .append(qrObject(id, target.get())).append("</div></div>"));
            h.append("</td></tr></table></div>");
            return;
        }
        h.append("</td>");
        qr.ifPresent(id -> h.append("<td class=\"cta-qr\"><div class=\"qr-panel\">").append(qrObject(id, target.get()))
                .append("</div></td>"));
        h.append("</tr></table></div>");
    }

    private static String qrObject(String id, String target) {
        return "<object type=\"" + QrCodes.TYPE + "\" id=\"" + id + "\" class=\"qr\" alt=\"" + esc(target)
                + "\"></object>";
    }

    /**
     * Where the QR code leads: the story's page on the brand's website (the brochure's reader lands on the
     * full story, with the call to action on it), or the call to action itself when the brand has no
     * website. Tagged so the web analytics count readers who came from paper.
     */
    static String printToWeb(Story story, Brand brand, String ctaUrl) {
        String target = Pages.canonical(brand, story).orElse(ctaUrl);
        return org.cristal.story.Utm.of("brochure", "print", Pages.slug(story)).tag(target);
    }

    void finding(Severity severity, String code, int line, Object... args) {
        findings.add(Finding.of(severity, Channel.BROCHURE, code, line, args));
    }

    /** Front-matter text as printed: merge tags filled, invisible characters dropped, length capped. */
    private String frontText(String text, int max) {
        String t = PrintText.dropInvisible(PrintText.fillMergeTags(text.strip()));
        if (t.length() > max) {
            finding(Severity.WARNING, "brochure.text.truncated", 0, max);
            t = t.substring(0, PrintText.safeEnd(t, max - 1)) + "…";
        }
        t = PrintText.capWords(t, PrintBody.MAX_WORD_CHARS).text();
        return french.isPresent() ? french.get().text(t) : t;
    }

    private static String line(String text) {
        String t = PrintText.dropInvisible(text.strip().replaceAll("\\s+", " "));
        return t.length() > MAX_FOOTER_CHARS ? t.substring(0, PrintText.safeEnd(t, MAX_FOOTER_CHARS)) + "…" : t;
    }

    private static String esc(String text) {
        return HtmlSanitizer.escape(text);
    }
}
