package org.cristal.render.common;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cristal.story.Brand;

/**
 * A brand's colours and fonts made safe for CSS: colours checked to be {@code #RRGGBB} (a brand built
 * in code could carry anything, and these strings land inside style sheets), generic font names turned
 * into system font stacks, and a readable text colour for text set on the primary colour.
 */
public record BrandTheme(String primary, String secondary, String accent, String text, String background,
        String onPrimary, String headingFont, String bodyFont) {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern HEX3 = Pattern.compile("#[0-9A-Fa-f]{3}");

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
        String v = value == null ? "" : value.strip();
        if (HEX3.matcher(v).matches()) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        return HEX.matcher(v).matches() ? v.toUpperCase(Locale.ROOT) : fallback;
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
        int a = Integer.parseInt(from.substring(1), 16);
        int b = Integer.parseInt(to.substring(1), 16);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int x = (a >> shift) & 0xFF;
            int y = (b >> shift) & 0xFF;
            rgb |= ((int) Math.round(x + (y - x) * amount)) << shift;
        }
        return String.format(Locale.ROOT, "#%06X", rgb);
    }

    /** White or near-black, whichever contrasts more with the given colour (WCAG relative luminance). */
    static String readableOn(String hex) {
        double l = luminance(hex);
        double withWhite = 1.05 / (l + 0.05);
        double withBlack = (l + 0.05) / (luminance("#111111") + 0.05);
        return withWhite >= withBlack ? "#FFFFFF" : "#111111";
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
