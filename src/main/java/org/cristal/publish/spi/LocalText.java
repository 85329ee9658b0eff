package org.cristal.publish.spi;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A short text in several languages, keyed by language tag ("en", "fr"). English is the fallback. Plugins
 * use it for their names, setting labels and error messages, so a plugin from outside the project can be
 * localized without Cristal's bundles.
 */
public record LocalText(Map<String, String> byLanguage) {
    public LocalText {
        Objects.requireNonNull(byLanguage);
        if (!byLanguage.containsKey("en")) {
            throw new IllegalArgumentException("a LocalText needs an English text");
        }
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The same text in every language (a proper name, a URL). */
    public static LocalText of(String text) {
        return new LocalText(Map.of("en", text));
    }

    public static LocalText of(String english, String french) {
        return new LocalText(Map.of("en", english, "fr", french));
    }

    /**
     * A message of one of Cristal's bundles (e.g. {@code "org.cristal.publish.messages"}) in English and
     * French, formatted with {@link MessageFormat} and {@code args}.
     */
    public static LocalText fromBundle(String baseName, String key, Object... args) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                pattern = key;
            }
            texts.put(locale.getLanguage(), new MessageFormat(pattern, locale).format(args));
        }
        return new LocalText(texts);
    }

    /** The text for {@code locale}'s language, or the English one. */
    public String get(Locale locale) {
        return byLanguage.getOrDefault(locale.getLanguage(), byLanguage.get("en"));
    }

    @Override
    public String toString() {
        return byLanguage.get("en");
    }
}
