package org.cristal.publish.webpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.cristal.publish.ChannelPlugin;
import org.cristal.publish.ChannelSettings;
import org.cristal.publish.LocalText;
import org.cristal.publish.SettingSpec;
import org.cristal.publish.ghost.GhostPlugin;
import org.cristal.publish.site.StaticSitePlugin;
import org.cristal.publish.wordpress.WordPressPlugin;
import org.cristal.story.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every channel plugin promises, checked for the three web ones until the shared plugin contract
 * test reaches this branch: listed by the ServiceLoader, named and labelled in English and French, the
 * web rendition only, secrets marked secret and hidden by the settings' toString.
 */
class WebPluginsContractTest {
    static List<ChannelPlugin> plugins() {
        return List.of(new StaticSitePlugin(), new WordPressPlugin(), new GhostPlugin());
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void theServiceLoaderListsIt(ChannelPlugin plugin) {
        assertTrue(ServiceLoader.load(ChannelPlugin.class).stream()
                .anyMatch(p -> p.type().equals(plugin.getClass())), plugin.id());
        assertTrue(plugin.id().matches("[a-z0-9-]+"));
        assertEquals(java.util.Set.of(Channel.WEB), plugin.renditions());
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void itsTextsReadInEnglishAndFrench(ChannelPlugin plugin) {
        bothLanguages(plugin.description());
        for (SettingSpec spec : plugin.settings()) {
            bothLanguages(spec.label());
            bothLanguages(spec.help());
        }
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void secretsAreMarkedAndNeverPrinted(ChannelPlugin plugin) {
        Map<String, String> values = new java.util.HashMap<>();
        java.util.Set<String> secret = new java.util.HashSet<>();
        for (SettingSpec spec : plugin.settings()) {
            values.put(spec.key(), "value-of-" + spec.key() + "-7f3k");
            if (spec.secret()) {
                secret.add(spec.key());
            }
        }
        String shown = new ChannelSettings(values, secret).toString();
        for (String key : secret) {
            assertFalse(shown.contains(values.get(key)), shown);
        }
        boolean hasCredentials = !(plugin instanceof StaticSitePlugin);
        assertEquals(hasCredentials, !secret.isEmpty(), plugin.id());
    }

    private static void bothLanguages(LocalText text) {
        String en = text.get(Locale.ENGLISH);
        String fr = text.get(Locale.FRENCH);
        assertFalse(en.isBlank());
        assertFalse(fr.isBlank());
        // A proper noun may read the same; a sentence is translated.
        if (en.contains(" ")) {
            assertNotEquals(en, fr);
        }
        assertFalse(fr.contains("'"), "French uses ’: " + fr);
    }
}
