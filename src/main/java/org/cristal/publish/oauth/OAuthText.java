package org.cristal.publish.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/** Messages of this package, from Cristal's publishing bundle. */
final class OAuthText {
    private OAuthText() {
    }

    /** A message in English and French; an argument that is itself a {@link LocalText} is taken in the same language. */
    static LocalText of(String key, Object... args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : List.of("en", "fr")) {
            Locale locale = Locale.forLanguageTag(lang);
            Object[] resolved = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = args[i] instanceof LocalText t ? t.get(locale) : args[i];
            }
            out.put(lang, LocalText.fromBundle(PublishException.BUNDLE, key, resolved).get(locale));
        }
        return new LocalText(out);
    }
}
