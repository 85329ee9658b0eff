package org.cristal.story;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A story's text in Unicode normalisation form C: "e" + U+0301 becomes "é". PDF layout draws one glyph per
 * character and would put the mark beside its letter; counts, searches and word lists would see two
 * spellings of one word. Addresses (image, link of the call to action) stay as written.
 */
final class Nfc {
    private Nfc() {
    }

    static Story of(Story s) {
        if (normal(s.title()) && normal(s.summary()) && normal(s.body()) && normal(s.imageAlt())
                && s.tags().stream().allMatch(Nfc::normal) && s.cta().map(c -> normal(c.label())).orElse(true)
                && s.channels().values().stream().allMatch(m -> m.values().stream().allMatch(Nfc::normal))) {
            return s;
        }
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        s.channels().forEach((channel, values) -> {
            Map<String, String> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, text(v)));
            channels.put(channel, copy);
        });
        Optional<Cta> cta = s.cta().map(c -> new Cta(text(c.label()), c.url()));
        return new Story(s.id(), text(s.title()), text(s.summary()), text(s.body()),
                s.tags().stream().map(Nfc::text).toList(), s.lang(), s.brand(), s.image(), text(s.imageAlt()), cta,
                s.status(), channels, s.extra(), s.bodyLine());
    }

    static String text(String text) {
        return text == null || normal(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean normal(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC);
    }
}
