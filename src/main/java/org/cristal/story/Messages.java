package org.cristal.story;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Formats a localized message from a bundle key and arguments. Bundles are UTF-8 properties files
 * (Java 9+ reads them as UTF-8 by default).
 */
public final class Messages {
    /** Parse and validation errors of stories and brand kits. */
    public static final String STORY_BUNDLE = "org.cristal.story.messages";
    /** Findings of the renderers and checks. */
    public static final String FINDINGS_BUNDLE = "org.cristal.render.findings";

    // Without this, asking for English on a French machine would fall back to the French bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String format(String bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, locale, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
