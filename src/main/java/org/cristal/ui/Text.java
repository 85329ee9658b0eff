package org.cristal.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** A bundle message formatted in the UI language. */
public final class Text {
    private Text() {
    }

    public static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
