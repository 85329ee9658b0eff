package org.cristal.publish.webpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import org.cristal.publish.ghost.GhostPlugin;
import org.cristal.publish.site.StaticSitePlugin;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.publish.wordpress.WordPressPlugin;
import org.cristal.story.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the three web plugins promise beyond the shared plugin contract (each runs it: see
 * {@code StaticSiteContractTest}, {@code WordPressContractTest}, {@code GhostContractTest}): the web
 * rendition only, texts really translated (not the English again), credentials only where a service needs them.
 */
class WebPluginsCommonTest {
    static List<ChannelPlugin> plugins() {
        return List.of(new StaticSitePlugin(), new WordPressPlugin(), new GhostPlugin());
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void publishesTheWebRendition(ChannelPlugin plugin) {
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
    void onlyTheFolderPluginHasNoCredentials(ChannelPlugin plugin) {
        boolean hasCredentials = !(plugin instanceof StaticSitePlugin);
        assertEquals(hasCredentials, plugin.settings().stream().anyMatch(SettingSpec::secret), plugin.id());
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
