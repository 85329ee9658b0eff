package org.cristal.render.common;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cristal.story.Story;

/** Small text rules every channel applies to front-matter text before using it. */
public final class Texts {
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private Texts() {
    }

    /** One line: control characters and runs of white space become a single space, ends trimmed. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * At most {@code max} characters, cut at the last word boundary before the limit and ended with an
     * ellipsis; text already short enough is returned as is.
     */
    public static String shorten(String text, int max) {
        String t = oneLine(text);
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        int end = t.offsetByCodePoints(0, max - 1);
        int space = t.lastIndexOf(' ', end);
        // A single very long word is cut where it must be rather than dropped.
        String cut = space > max / 2 ? t.substring(0, space) : t.substring(0, end);
        cut = cut.replaceAll("[\\s,;:.!?—–-]+$", "");
        return cut + "…";
    }

    /** The story language as a BCP 47 tag, {@code en} when absent or malformed. */
    public static String lang(Story story) {
        return declaredLang(story).orElse("en");
    }

    /** The story's own language tag, when it has one and it is well formed. */
    public static java.util.Optional<String> declaredLang(Story story) {
        String l = story.lang().strip();
        return LANG.matcher(l).matches() && l.length() <= 35 ? java.util.Optional.of(l) : java.util.Optional.empty();
    }

    public static Locale locale(Story story) {
        return Locale.forLanguageTag(lang(story));
    }

    /** Writing direction of a language: the right-to-left scripts a story might be written in. */
    public static String dir(String lang) {
        String primary = lang.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return switch (primary) {
            case "ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb" -> "rtl";
            default -> "ltr";
        };
    }

    /** The embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069 (not the marks). */
    public static boolean isDirectionControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Text without its direction controls: for a line shown in other programs' lists (an e-mail subject in
     * an inbox), where an override or an unclosed embedding reverses what follows it. The marks U+200E and
     * U+200F stay; they reorder nothing by themselves.
     */
    public static String withoutDirectionControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDirectionControl(c) && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!isDirectionControl(c) && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A URL or other long text cut for display inside a finding message. */
    public static String forMessage(String text) {
        return shorten(text, 80);
    }
}
