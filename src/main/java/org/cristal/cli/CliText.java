package org.cristal.cli;

import java.util.Locale;
import org.cristal.story.Messages;

/** The command line's own messages, in the user's language. */
final class CliText {
    static final String BUNDLE = "org.cristal.cli.messages";

    private CliText() {
    }

    static String get(String key, Object... args) {
        return Messages.format(BUNDLE, locale(), key, args);
    }

    /**
     * Text from a story or a workspace, made safe for a terminal: control characters (escape
     * sequences could retitle the window or hide text) become spaces.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    static Locale locale() {
        return "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }
}
