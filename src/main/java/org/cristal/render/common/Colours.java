package org.cristal.render.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brand colours as numbers: parsing {@code #RRGGBB} (or {@code #RGB}), mixing, and WCAG relative
 * luminance and contrast. Shared by every channel that styles itself from a brand kit; only a
 * well-formed hex colour ever reaches a style sheet.
 */
public final class Colours {
    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    private Colours() {
    }

    /** The colour {@code value} as 0xRRGGBB, or {@code fallback} (which must be well formed) when it is not a hex colour. */
    public static int rgb(String value, String fallback) {
        String v = value == null ? "" : value.strip();
        String h = (HEX.matcher(v).matches() ? v : fallback).substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        return Integer.parseInt(h, 16);
    }

    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** {@code a} weighted {@code weight}, the rest {@code b}. */
    public static int mix(int a, int b, double weight) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * weight + ((b >> 16) & 0xFF) * (1 - weight));
        int g = (int) Math.round(((a >> 8) & 0xFF) * weight + ((b >> 8) & 0xFF) * (1 - weight));
        int bl = (int) Math.round((a & 0xFF) * weight + (b & 0xFF) * (1 - weight));
        return (r << 16) | (g << 8) | bl;
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    public static double luminance(int rgb) {
        return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF)
                + 0.0722 * channel(rgb & 0xFF);
    }

    /** WCAG contrast ratio, 1 to 21. */
    public static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
