package org.cristal.publish.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.cristal.story.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the social plugins owe the studio beyond the shared plugin contract (each runs it: see
 * {@code MastodonContractTest} and its siblings): each is its own network's, posts the social rendition,
 * marks tokens and passwords as password fields, and has texts really translated (not the English again).
 */
class SocialPluginsCommonTest {
    static List<ChannelPlugin> plugins() {
        return ServiceLoader.load(ChannelPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> Set.of("mastodon", "bluesky", "x").contains(p.id())).toList();
    }

    @org.junit.jupiter.api.Test
    void theThreeNetworksAreBuiltIn() {
        assertEquals(Map.of("mastodon", Network.MASTODON, "bluesky", Network.BLUESKY, "x", Network.X),
                plugins().stream().collect(Collectors.toMap(ChannelPlugin::id, p -> p.network().orElseThrow())));
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void postsTheSocialRendition(ChannelPlugin plugin) {
        assertEquals(Set.of(Channel.SOCIAL), plugin.renditions());
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void tokensAndPasswordsAreSecretSettings(ChannelPlugin plugin) {
        List<SettingSpec> secrets = plugin.settings().stream().filter(SettingSpec::secret).toList();
        assertFalse(secrets.isEmpty());
        secrets.forEach(s -> assertEquals(SettingSpec.Type.PASSWORD, s.type(), s.key()));
        Map<String, String> values = plugin.settings().stream()
                .collect(Collectors.toMap(SettingSpec::key, s -> "value-of-" + s.key()));
        String shown = new ChannelSettings(values,
                secrets.stream().map(SettingSpec::key).collect(Collectors.toSet())).toString();
        secrets.forEach(s -> assertFalse(shown.contains("value-of-" + s.key()), shown));
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void textsAreInEnglishAndFrench(ChannelPlugin plugin) {
        assertNotEquals(plugin.description().get(Locale.ENGLISH), plugin.description().get(Locale.FRENCH));
        for (SettingSpec s : plugin.settings()) {
            assertNotEquals(s.help().get(Locale.ENGLISH), s.help().get(Locale.FRENCH), s.key());
            assertFalse(s.help().get(Locale.FRENCH).contains("'"), s.key());
        }
        assertTrue(plugin.icon().startsWith("fth-"));
    }
}
