package org.cristal.render.common;

import java.util.Locale;
import org.cristal.story.Brand;

/**
 * A brand's colours and fonts made safe for CSS: colours checked to be {@code #RRGGBB} (a brand built
 * in code could carry anything, and these strings land inside style sheets), generic font names turned
 * into system font stacks, and a readable text colour for text set on the primary colour.
 */
public record BrandTheme(String primary, String secondary, String accent, String text, String background,
        String onPrimary, String headingFont, String bodyFont) {

    /** System fonts only: outputs never load remote fonts. */
    public static final String SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
            + "'Noto Sans', 'Liberation Sans', sans-serif";
    public static final String SERIF = "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, "
            + "'Times New Roman', serif";
    public static final String MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

    public static BrandTheme of(Brand brand) {
        Brand.Colors d = Brand.Colors.DEFAULT;
        Brand.Colors c = brand.colors();
        String primary = color(c.primary(), d.primary());
        return new BrandTheme(primary, color(c.secondary(), d.secondary()), color(c.accent(), d.accent()),
                color(c.text(), d.text()), color(c.background(), d.background()), readableOn(primary),
                fontStack(brand.fonts().heading()), fontStack(brand.fonts().body()));
    }

    static String color(String value, String fallback) {
        return Colours.hex(Colours.rgb(value, fallback));
    }

    /**
     * A CSS font-family list for a brand font. Generic names map to stacks of fonts installed on
     * common systems; a named family comes first, followed by the sans-serif stack as a fallback.
     */
    public static String fontStack(String font) {
        String f = font == null ? "" : font.strip().toLowerCase(Locale.ROOT);
        switch (f) {
            case "", "sans-serif", "sans", "system-ui" -> {
                return SANS;
            }
            case "serif" -> {
                return SERIF;
            }
            case "monospace", "mono" -> {
                return MONO;
            }
            default -> {
                // Only characters a family name needs: nothing can close the declaration or the style block.
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < font.length() && name.length() < 60; i++) {
                    char ch = font.charAt(i);
                    if (Character.isLetterOrDigit(ch) || ch == ' ' || ch == '-' || ch == '_' || ch == '.') {
                        name.append(ch);
                    }
                }
                String clean = name.toString().strip();
                return clean.isEmpty() ? SANS : "'" + clean + "', " + SANS;
            }
        }
    }

    /** A faint tint of the text colour over the background: table headers, code blocks. */
    public String subtle() {
        return blend(background, text, 0.07);
    }

    /** A light rule colour between background and text: borders and separators. */
    public String rule() {
        return blend(background, text, 0.22);
    }

    static String blend(String from, String to, double amount) {
        return Colours.hex(Colours.mix(Colours.rgb(to, to), Colours.rgb(from, from), amount));
    }

    /** White or near-black, whichever contrasts more with the given colour (WCAG relative luminance). */
    static String readableOn(String hex) {
        int colour = Colours.rgb(hex, hex);
        return Colours.contrast(colour, 0xFFFFFF) >= Colours.contrast(colour, 0x111111) ? "#FFFFFF" : "#111111";
    }


}
