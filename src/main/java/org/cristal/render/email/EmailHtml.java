package org.cristal.render.email;

import static org.cristal.story.HtmlSanitizer.escape;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.cristal.render.common.BrandTheme;
import org.cristal.render.common.Colours;
import org.cristal.render.common.ImageFile;
import org.cristal.render.common.Links;
import org.cristal.render.common.Texts;
import org.cristal.story.Brand;
import org.cristal.story.Messages;
import org.cristal.story.Urls;

/**
 * The email's HTML document around a styled body: the layout tables, header, hero, title, button and
 * footer. Written twice per message (file paths for the standalone file, {@code cid:} for the MIME part),
 * so everything but the image sources is computed once.
 */
final class EmailHtml {
    private static final int LOGO_HEIGHT = 48;
    // Pads the inbox preview after the preheader so that it does not run on into the body text.
    private static final String PREVIEW_FILLER = "&#847;&zwnj;&nbsp;".repeat(30);
    private static final String MOBILE_CSS = "@media only screen and (max-width:620px){"
            + ".container{width:100%!important;max-width:100%!important}"
            + ".fluid{width:100%!important;max-width:100%!important;height:auto!important}"
            + ".gutter{padding-left:20px!important;padding-right:20px!important}"
            + ".button a{display:block!important}}";
    /** Dark backgrounds: near-black as Apple Mail and Gmail's own dark themes, text off-white. */
    static final String DARK_BACKGROUND = "#121212";
    static final String DARK_CARD = "#1C1C1E";
    static final String DARK_TEXT = "#E8E8E8";

    private final EmailStyles styles;
    private final String head;
    private final String bodyOpen;
    private final Optional<ImageFile> logo;
    private final String brandName;
    private final Optional<ImageFile> hero;
    private final String heroAlt;
    private final String afterBody;
    private final String titleHtml;

    EmailHtml(EmailStyles styles, String lang, String subject, String preheader, String brandName, String title,
            Optional<ImageFile> logo, Optional<ImageFile> hero, String heroAlt, Optional<Links.Button> cta,
            String address, Brand brand, Optional<String> unsubscribe, Locale locale) {
        this.styles = styles;
        this.logo = logo;
        this.brandName = brandName;
        this.hero = hero;
        this.heroAlt = heroAlt;
        BrandTheme t = styles.theme;
        head = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\" dir=\"" + Texts.dir(lang)
                + "\" xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
                + "xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"x-apple-disable-message-reformatting\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<meta name=\"supported-color-schemes\" content=\"light dark\">\n"
                + "<title>" + escape(subject) + "</title>\n<style>" + MOBILE_CSS + darkCss(t) + "</style>\n"
                + "<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch>"
                + "</o:OfficeDocumentSettings></xml><![endif]-->\n</head>\n";
        bodyOpen = "<body class=\"email-bg\" style=\"margin:0;padding:0;width:100%;background-color:" + t.secondary() + ";\">\n"
                + "<span style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;"
                + "overflow:hidden;mso-hide:all;color:" + t.secondary() + ";\">" + escape(preheader) + PREVIEW_FILLER
                + "</span>\n"
                + "<table role=\"presentation\" class=\"email-bg\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
                + "border=\"0\" style=\"background-color:" + t.secondary() + ";\">\n<tr>\n<td align=\"center\" "
                + "style=\"padding:24px 8px;\">\n"
                + "<table role=\"presentation\" class=\"container email-card\" width=\"" + EmailRenderer.WIDTH
                + "\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:" + EmailRenderer.WIDTH
                + "px;max-width:" + EmailRenderer.WIDTH + "px;background-color:" + t.background() + ";\">\n";
        StringBuilder after = new StringBuilder(2048);
        cta.ifPresent(b -> button(after, b));
        after.append("</td>\n</tr>\n");
        footer(after, address, brand, unsubscribe, locale);
        after.append("</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n");
        afterBody = after.toString();
        titleHtml = "<h1 style=\"" + styles.h1() + "\">" + escape(title) + "</h1>\n";
    }

    /** The whole document, with image sources given by {@code src}. */
    String html(String body, Function<ImageFile, String> src) {
        BrandTheme t = styles.theme;
        StringBuilder h = new StringBuilder(body.length() + head.length() + bodyOpen.length() + afterBody.length()
                + 2048);
        h.append(head).append(bodyOpen);
        h.append("<tr>\n<td class=\"gutter\" style=\"padding:20px ").append(EmailRenderer.GUTTER)
                .append("px;border-bottom:4px solid ").append(t.primary()).append(';').append(styles.headingFont)
                .append("font-size:22px;line-height:1.3;font-weight:bold;color:").append(t.primary()).append(";\">");
        logo.ifPresent(l -> {
            int w = Math.max(1, Math.round((float) l.width() * LOGO_HEIGHT / l.height()));
            // The brand name is written next to the logo, so the image itself is decorative.
            h.append("<img src=\"").append(escape(src.apply(l))).append("\" width=\"").append(w)
                    .append("\" height=\"").append(LOGO_HEIGHT).append("\" alt=\"\" style=\"display:inline-block;")
                    .append("vertical-align:middle;border:0;width:").append(w).append("px;height:")
                    .append(LOGO_HEIGHT).append("px;margin-right:12px;\">");
        });
        h.append("<span style=\"vertical-align:middle;\">").append(escape(brandName)).append("</span></td>\n</tr>\n");
        hero.ifPresent(f -> {
            int w = Math.min(EmailRenderer.WIDTH, f.width());
            h.append("<tr>\n<td style=\"padding:0;\"><img class=\"fluid\" src=\"").append(escape(src.apply(f)))
                    .append("\" width=\"").append(w).append("\" height=\"").append(f.heightFor(w))
                    .append("\" alt=\"").append(escape(heroAlt)).append("\" style=\"display:block;width:100%;max-width:")
                    .append(w).append("px;height:auto;border:0;\"></td>\n</tr>\n");
        });
        h.append("<tr>\n<td class=\"gutter\" style=\"padding:32px ").append(EmailRenderer.GUTTER).append("px 16px;")
                .append(styles.bodyFont).append("font-size:16px;line-height:1.6;color:").append(t.text())
                .append(";word-wrap:break-word;overflow-wrap:break-word;\">\n");
        h.append(titleHtml).append(body).append('\n').append(afterBody);
        return h.toString();
    }

    private void button(StringBuilder h, Links.Button b) {
        BrandTheme t = styles.theme;
        String url = escape(b.url());
        String label = escape(b.label());
        // Outlook for Windows (Word's renderer) ignores padding on links and rounded corners: it gets a VML
        // rounded rectangle, the whole of it clickable; every other client gets the table button.
        int width = buttonWidth(b.label());
        h.append("<div style=\"margin:24px 0 16px;\">\n<!--[if mso]>\n")
                .append("<v:roundrect xmlns:v=\"urn:schemas-microsoft-com:vml\" ")
                .append("xmlns:w=\"urn:schemas-microsoft-com:office:word\" href=\"").append(url)
                .append("\" style=\"height:").append(BUTTON_HEIGHT).append("px;v-text-anchor:middle;width:").append(width)
                .append("px;\" arcsize=\"13%\" stroke=\"f\" fillcolor=\"").append(t.primary()).append("\">\n")
                .append("<w:anchorlock/>\n<center style=\"color:").append(t.onPrimary()).append(';')
                .append(styles.bodyFont).append("font-size:17px;font-weight:bold;\">").append(label)
                .append("</center>\n</v:roundrect>\n<![endif]-->\n<!--[if !mso]><!-->\n");
        // A link padded inside a coloured cell: clickable everywhere, and the cell keeps its colour when
        // images and styles are off.
        h.append("<table role=\"presentation\" class=\"button\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n")
                .append("<tr>\n<td align=\"center\" bgcolor=\"").append(t.primary())
                .append("\" style=\"border-radius:6px;background-color:").append(t.primary()).append(";\">")
                .append("<a href=\"").append(url).append("\" target=\"_blank\" style=\"display:inline-block;")
                .append("padding:14px 28px;").append(styles.bodyFont)
                .append("font-size:17px;line-height:1.2;font-weight:bold;color:").append(t.onPrimary())
                .append(";text-decoration:none;border-radius:6px;\">").append(label)
                .append("</a></td>\n</tr>\n</table>\n<!--<![endif]-->\n</div>\n");
    }

    static final int BUTTON_HEIGHT = 46;

    /** VML needs a width: about 10 px a character of 17 px bold text, plus the padding, within the column. */
    static int buttonWidth(String label) {
        int chars = label.codePointCount(0, label.length());
        return Math.max(120, Math.min(EmailRenderer.CONTENT_WIDTH, chars * 10 + 56));
    }

    /**
     * Dark mode: clients that honour {@code prefers-color-scheme} (Apple Mail, Outlook for Mac and iOS)
     * get these colours; Outlook.com marks its dark view with {@code data-ogsc}/{@code data-ogsb}. Inline
     * styles win over a style block, hence {@code !important}. The brand colour of headings and links
     * is lightened until it reads on the dark card; the button keeps the brand colours.
     */
    static String darkCss(BrandTheme t) {
        String accent = lightOnDark(t.primary());
        StringBuilder css = new StringBuilder(":root{color-scheme:light dark;supported-color-schemes:light dark}");
        css.append("@media (prefers-color-scheme:dark){").append(darkRules("", accent, t)).append('}');
        css.append(darkRules("[data-ogsc] ", accent, t));
        css.append("[data-ogsb] .email-bg{background-color:").append(DARK_BACKGROUND)
                .append("!important}[data-ogsb] .email-card{background-color:").append(DARK_CARD).append("!important}");
        return css.toString();
    }

    private static String darkRules(String prefix, String accent, BrandTheme t) {
        String card = prefix + ".email-card ";
        return prefix + ".email-bg{background-color:" + DARK_BACKGROUND + "!important}"
                + prefix + ".email-card{background-color:" + DARK_CARD + "!important}"
                + card + "p," + card + "li," + card + "td," + card + "th," + card + "h1," + card + "h4,"
                + card + "blockquote," + card + "span{color:" + DARK_TEXT + "!important}"
                + card + "h2," + card + "h3," + card + "a{color:" + accent + "!important}"
                + card + ".button a{color:" + t.onPrimary() + "!important}";
    }

    /** The colour mixed with white until it has a 4.5:1 contrast on the dark card (WCAG AA). */
    static String lightOnDark(String hex) {
        int colour = Colours.rgb(hex, "#000000");
        int card = Colours.rgb(DARK_CARD, DARK_CARD);
        for (int step = 0; step <= 10; step++) {
            int mixed = Colours.mix(0xFFFFFF, colour, step / 10.0);
            if (Colours.contrast(mixed, card) >= 4.5) {
                return Colours.hex(mixed);
            }
        }
        return "#FFFFFF";
    }

    private void footer(StringBuilder h, String address, Brand brand, Optional<String> unsubscribe, Locale locale) {
        BrandTheme t = styles.theme;
        String p = "margin:0 0 8px;" + styles.bodyFont + "font-size:13px;line-height:1.5;color:" + t.text() + ";";
        String a = "color:" + t.text() + ";text-decoration:underline;";
        h.append("<tr>\n<td class=\"gutter\" style=\"padding:24px ").append(EmailRenderer.GUTTER)
                .append("px 32px;border-top:1px solid ").append(t.rule()).append(";\">\n");
        if (!brandName.isEmpty()) {
            h.append("<p style=\"").append(p).append("font-weight:bold;\">").append(escape(brandName)).append("</p>\n");
        }
        if (!address.isEmpty()) {
            h.append("<p style=\"").append(p).append("\">").append(escape(address)).append("</p>\n");
        }
        String email = brand.contact().email().strip();
        Optional<String> mailto = Urls.safeLink("mailto:" + email);
        if (!email.isEmpty() && email.contains("@") && mailto.isPresent()) {
            h.append("<p style=\"").append(p).append("\"><a href=\"").append(escape(mailto.get())).append("\" style=\"")
                    .append(a).append("\">").append(escape(email)).append("</a></p>\n");
        }
        h.append("<p style=\"").append(p).append("\">")
                .append(escape(Messages.format(EmailRenderer.BUNDLE, locale, "footer.why", brandName))).append("</p>\n");
        unsubscribe.ifPresent(u -> h.append("<p style=\"").append(p).append("\"><a href=\"").append(escape(u))
                .append("\" style=\"").append(a).append("\">")
                .append(escape(Messages.format(EmailRenderer.BUNDLE, locale, "footer.unsubscribe")))
                .append("</a></p>\n"));
        h.append("</td>\n</tr>\n");
    }
}
