package org.cristal.render.brochure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cristal.render.common.Colours;
import org.cristal.story.Brand;

/**
 * The brochure's style sheet for one brand and paper size. Brand colours come from a YAML file anyone
 * may write: only {@code #RRGGBB} / {@code #RGB} values are used, anything else falls back to the
 * default palette, so a brand kit cannot inject CSS.
 */
final class BrochureStyle {
    private static final String PAGE = load("brochure-page.css");
    private static final String TEMPLATE = load("brochure.css");
    private static final String PANEL = load("trifold.css");

    private BrochureStyle() {
    }

    /** The colour the logo is printed on (the band's). */
    static int bandColour(Brand brand) {
        return Colours.rgb(brand.colors().secondary(), Brand.Colors.DEFAULT.secondary());
    }

    static String css(Brand brand, Sheet sheet) {
        Map<String, String> values = colours(brand);
        // With bleed the page is the larger sheet and every margin grows by the bleed: the text stays where
        // it is on the trimmed page.
        values.put("pageWidth", mm(sheet.mediaWidthMm()));
        values.put("pageHeight", mm(sheet.mediaHeightMm()));
        values.put("sideMargin", mm(sheet.sideMarginMm() + sheet.bleedMm()));
        values.put("topMargin", mm(14 + sheet.bleedMm()));
        values.put("bottomMargin", mm(21 + sheet.bleedMm()));
        return fill(PAGE + TEMPLATE, values);
    }

    /** The sheet for one tri-fold part, laid out on pages of a panel's size (no bleed: the imposition adds it). */
    static String panelCss(Brand brand, double panelWidthMm, double panelHeightMm) {
        Map<String, String> values = colours(brand);
        values.put("pageWidth", mm(panelWidthMm));
        values.put("pageHeight", mm(panelHeightMm));
        values.put("sideMargin", mm(TriFold.SIDE_MARGIN_MM));
        return fill(TEMPLATE + PANEL, values);
    }

    private static String fill(String css, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            css = css.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return css;
    }

    private static Map<String, String> colours(Brand brand) {
        Brand.Colors d = Brand.Colors.DEFAULT;
        Brand.Colors c = brand.colors();
        int primary = Colours.rgb(c.primary(), d.primary());
        int secondary = Colours.rgb(c.secondary(), d.secondary());
        int accent = Colours.rgb(c.accent(), d.accent());
        int text = Colours.rgb(c.text(), d.text());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bodyFont", BrochureFonts.cssFamily(brand.fonts().body()));
        values.put("headingFont", BrochureFonts.cssFamily(brand.fonts().heading()));
        values.put("monoFont", BrochureFonts.cssFamily("monospace"));
        values.put("primary", Colours.hex(primary));
        // The band wears the secondary colour as it is; boxes behind body text need a light one.
        boolean darkBand = Colours.luminance(secondary) < 0.45;
        int soft = Colours.luminance(secondary) > 0.6 ? secondary : Colours.mix(primary, 0xFFFFFF, 0.1);
        values.put("band", Colours.hex(secondary));
        values.put("onBand",
                darkBand ? "#FFFFFF" : Colours.hex(Colours.contrast(primary, secondary) >= 3 ? primary : text));
        values.put("taglineOnBand", darkBand ? Colours.hex(Colours.mix(0xFFFFFF, secondary, 0.8)) : Colours.hex(text));
        values.put("soft", Colours.hex(soft));
        values.put("accent", Colours.hex(accent));
        values.put("text", Colours.hex(text));
        values.put("muted", Colours.hex(Colours.mix(text, 0xFFFFFF, 0.62)));
        values.put("rule", Colours.hex(Colours.mix(primary, 0xFFFFFF, 0.35)));
        values.put("tint", Colours.hex(Colours.mix(soft, 0xFFFFFF, 0.45)));
        values.put("onPrimary", Colours.luminance(primary) > 0.45 ? Colours.hex(text) : "#FFFFFF");
        return values;
    }
    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2fmm", v);
    }


    private static String load(String name) {
        try (InputStream in = BrochureStyle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
