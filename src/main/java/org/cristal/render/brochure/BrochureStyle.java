package org.cristal.render.brochure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cristal.render.PaperSize;
import org.cristal.story.Brand;

/**
 * The brochure's style sheet for one brand and paper size. Brand colours come from a YAML file anyone
 * may write: only {@code #RRGGBB} / {@code #RGB} values are used, anything else falls back to the
 * default palette, so a brand kit cannot inject CSS.
 */
final class BrochureStyle {
    /** Left and right page margins; the printed column is the paper width minus both. */
    static final double SIDE_MARGIN_MM = 20;

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final String TEMPLATE = load();

    private BrochureStyle() {
    }

    static double columnWidthMm(PaperSize paper) {
        return paper.widthMm() - 2 * SIDE_MARGIN_MM;
    }

    /** The colour the logo is printed on (the band's). */
    static int bandColour(Brand brand) {
        return rgb(brand.colors().secondary(), Brand.Colors.DEFAULT.secondary());
    }

    static String css(Brand brand, PaperSize paper) {
        Brand.Colors d = Brand.Colors.DEFAULT;
        Brand.Colors c = brand.colors();
        int primary = rgb(c.primary(), d.primary());
        int secondary = rgb(c.secondary(), d.secondary());
        int accent = rgb(c.accent(), d.accent());
        int text = rgb(c.text(), d.text());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pageWidth", mm(paper.widthMm()));
        values.put("pageHeight", mm(paper.heightMm()));
        values.put("sideMargin", mm(SIDE_MARGIN_MM));
        values.put("bodyFont", BrochureFonts.cssFamily(brand.fonts().body()));
        values.put("headingFont", BrochureFonts.cssFamily(brand.fonts().heading()));
        values.put("monoFont", BrochureFonts.cssFamily("monospace"));
        values.put("primary", hex(primary));
        // The band wears the secondary colour as it is; boxes behind body text need a light one.
        boolean darkBand = luminance(secondary) < 0.45;
        int soft = luminance(secondary) > 0.6 ? secondary : mix(primary, 0xFFFFFF, 0.1);
        values.put("band", hex(secondary));
        values.put("onBand", darkBand ? "#FFFFFF" : hex(contrast(primary, secondary) >= 3 ? primary : text));
        values.put("taglineOnBand", darkBand ? hex(mix(0xFFFFFF, secondary, 0.8)) : hex(text));
        values.put("soft", hex(soft));
        values.put("accent", hex(accent));
        values.put("text", hex(text));
        values.put("muted", hex(mix(text, 0xFFFFFF, 0.62)));
        values.put("rule", hex(mix(primary, 0xFFFFFF, 0.35)));
        values.put("tint", hex(mix(soft, 0xFFFFFF, 0.45)));
        values.put("onPrimary", luminance(primary) > 0.45 ? hex(text) : "#FFFFFF");
        String css = TEMPLATE;
        for (Map.Entry<String, String> e : values.entrySet()) {
            css = css.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return css;
    }

    private static int rgb(String value, String fallback) {
        String v = value != null && HEX.matcher(value.strip()).matches() ? value.strip() : fallback;
        String h = v.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        return Integer.parseInt(h, 16);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2fmm", v);
    }

    /** {@code a} weighted {@code weight}, the rest {@code b}. */
    private static int mix(int a, int b, double weight) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * weight + ((b >> 16) & 0xFF) * (1 - weight));
        int g = (int) Math.round(((a >> 8) & 0xFF) * weight + ((b >> 8) & 0xFF) * (1 - weight));
        int bl = (int) Math.round((a & 0xFF) * weight + (b & 0xFF) * (1 - weight));
        return (r << 16) | (g << 8) | bl;
    }

    // WCAG relative luminance: decides whether text on the primary colour is white or dark.
    private static double luminance(int rgb) {
        double r = channel((rgb >> 16) & 0xFF);
        double g = channel((rgb >> 8) & 0xFF);
        double b = channel(rgb & 0xFF);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static String load() {
        try (InputStream in = BrochureStyle.class.getResourceAsStream("brochure.css")) {
            if (in == null) {
                throw new IllegalStateException("brochure.css missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
