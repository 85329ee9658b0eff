package org.cristal.render.social;

import org.cristal.render.common.MergeTags;

/** Story text made ready for a post: merge tags resolved, spaces tidied. Posts are plain text. */
final class PlainText {
    private PlainText() {
    }

    static boolean hasMergeTags(String text) {
        return MergeTags.present(text);
    }

    /** Replaces each merge tag by its fallback (or nothing): there is no recipient on a social network. */
    static String withoutMergeTags(String text) {
        return MergeTags.fill(text);
    }

    /**
     * The text cut to at most {@code max} characters (never between the halves of a surrogate pair), so
     * that a 5 MB paragraph costs no more than the longest thread it can become.
     */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut);
    }

    /**
     * Merge tags resolved, control characters dropped, runs of spaces made one, lines trimmed, at most
     * one blank line in a row. Non-breaking spaces are kept: French typography relies on them.
     */
    static String tidy(String text) {
        String s = withoutMergeTags(text == null ? "" : text);
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                space = true;
            } else if (Character.isISOControl(c)) {
                continue;
            } else {
                if (out.length() > 0) {
                    if (newlines > 0) {
                        out.append(newlines > 1 ? "\n\n" : "\n");
                    } else if (space) {
                        out.append(' ');
                    }
                }
                newlines = 0;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
