package org.cristal.render.email;

import org.cristal.render.common.BodyImages;
import org.cristal.render.common.BrandTheme;
import org.jsoup.nodes.Element;

/**
 * Inline styles for an email body. Many clients drop {@code <style>} blocks and do not inherit fonts
 * into tables, so every element carries its own style attribute.
 */
final class EmailStyles {
    /** Past this many elements the body is far beyond Gmail's clipping size; the rest inherits its styles. */
    static final int MAX_STYLED_ELEMENTS = 5_000;

    final BrandTheme theme;
    final String bodyFont;
    final String headingFont;
    private final String p;
    private final String h1;
    private final String h2;
    private final String h3;
    private final String h4;
    private final String list;
    private final String li;
    private final String blockquote;
    private final String table;
    private final String th;
    private final String td;
    private final String a;
    private final String img;
    private final String code;
    private final String pre;
    private final String hr;
    private final String missing;
    private final String sup;

    EmailStyles(BrandTheme t) {
        this.theme = t;
        bodyFont = "font-family:" + t.bodyFont() + ";";
        headingFont = "font-family:" + t.headingFont() + ";";
        String text = "font-size:16px;line-height:1.6;color:" + t.text() + ";";
        p = "margin:0 0 16px;" + bodyFont + text;
        h1 = "margin:0 0 20px;" + headingFont + "font-size:28px;line-height:1.25;font-weight:bold;color:" + t.text()
                + ";";
        h2 = "margin:28px 0 12px;" + headingFont + "font-size:22px;line-height:1.3;font-weight:bold;color:"
                + t.primary() + ";";
        h3 = "margin:24px 0 8px;" + headingFont + "font-size:18px;line-height:1.35;font-weight:bold;color:"
                + t.primary() + ";";
        h4 = "margin:20px 0 8px;" + headingFont + "font-size:16px;line-height:1.4;font-weight:bold;color:"
                + t.text() + ";";
        list = "margin:0 0 16px;padding:0 0 0 24px;" + bodyFont + text;
        li = "margin:0 0 8px;" + bodyFont + text;
        blockquote = "margin:0 0 16px;padding:4px 0 4px 16px;border-left:4px solid " + t.accent()
                + ";font-style:italic;" + bodyFont + text;
        table = "border-collapse:collapse;width:100%;margin:0 0 16px;" + bodyFont + "font-size:14px;line-height:1.4;"
                + "color:" + t.text() + ";";
        String cell = "padding:8px;border:1px solid " + t.rule() + ";text-align:left;vertical-align:top;";
        th = cell + "font-weight:bold;background-color:" + t.subtle() + ";";
        td = cell;
        a = "color:" + t.primary() + ";text-decoration:underline;";
        img = "display:block;max-width:100%;height:auto;border:0;margin:0 0 16px;";
        code = "font-family:" + BrandTheme.MONO + ";font-size:14px;background-color:" + t.subtle()
                + ";padding:1px 4px;";
        pre = "margin:0 0 16px;padding:12px;background-color:" + t.subtle() + ";font-family:" + BrandTheme.MONO
                + ";font-size:13px;line-height:1.5;white-space:pre-wrap;word-wrap:break-word;color:" + t.text() + ";";
        hr = "border:0;border-top:1px solid " + t.rule() + ";height:0;margin:24px 0;";
        missing = "display:inline-block;padding:8px 12px;border:2px dashed " + t.accent()
                + ";font-style:italic;font-size:14px;";
        sup = "font-size:11px;line-height:0;vertical-align:super;";
    }

    String h1() {
        return h1;
    }

    /** Sets the style attribute of every element under {@code body} (not the body itself). */
    void apply(Element body) {
        // A lazy walk, so a 400,000-cell table costs nothing past the limit.
        Iterable<Element> elements = body.stream().skip(1).limit(MAX_STYLED_ELEMENTS)::iterator;
        for (Element e : elements) {
            String style = styleOf(e);
            if (style != null) {
                e.attr("style", style);
            }
            if (e.nameIs("table")) {
                e.attr("width", "100%").attr("cellpadding", "0").attr("cellspacing", "0");
            }
        }
    }

    private String styleOf(Element e) {
        return switch (e.normalName()) {
            case "p", "dl", "dd", "dt", "figure", "caption" -> p;
            case "h1" -> h1;
            case "h2" -> h2;
            case "h3" -> h3;
            case "h4", "h5", "h6" -> h4;
            case "ul", "ol" -> list;
            case "li" -> li;
            case "blockquote" -> blockquote;
            case "table" -> table;
            case "th" -> th;
            case "td" -> td;
            case "a" -> a;
            case "img" -> img;
            case "code" -> e.parent() != null && e.parent().nameIs("pre") ? null : code;
            case "pre" -> pre;
            case "hr" -> hr;
            case "sup" -> sup;
            case "span" -> e.hasClass(BodyImages.PLACEHOLDER_CLASS) ? missing : null;
            default -> null;
        };
    }
}
