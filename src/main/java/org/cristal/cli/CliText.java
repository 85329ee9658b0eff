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

    static Locale locale() {
        return "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }
}
