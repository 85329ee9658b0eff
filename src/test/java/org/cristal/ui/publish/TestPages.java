package org.cristal.ui.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.oauth.LoopbackAuth;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * A Facebook-like plugin for the studio's tests: an app id to give, a Connect against the loopback
 * authorization server, and two Pages to choose from, each with its own token.
 */
public final class TestPages implements ChannelPlugin {
    public static final String HOW_TO = "Meta for Developers › My Apps › your app › App ID.";
    private final LoopbackAuth server;

    public TestPages(LoopbackAuth server) {
        this.server = server;
    }

    @Override
    public PluginDescriptor descriptor() {
        // No icon of its own: the studio shows its network's.
        return PluginDescriptor.of("testpages", LocalText.of("Test Pages", "Pages de test"), Set.of(Channel.SOCIAL))
                .network(Network.FACEBOOK);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required("appId", SettingSpec.Type.TEXT, LocalText.of("App ID", "ID d’application"),
                        LocalText.of(HOW_TO, "Meta for Developers › Mes apps › votre app › ID d’app.")),
                SettingSpec.optional("pageId", SettingSpec.Type.TEXT, "", LocalText.of("Page", "Page"),
                        LocalText.of("Filled by Connect.", "Rempli par « Connecter ».")),
                new SettingSpec("pageToken", SettingSpec.Type.TEXT, false, true, "", List.of(),
                        LocalText.of("Page token", "Jeton de la Page"),
                        LocalText.of("Filled by Connect.", "Rempli par « Connecter ».")));
    }

    @Override
    public List<SettingProblem> validate(ChannelSettings settings) {
        return SettingProblem.basic(settings(), settings);
    }

    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new OAuthConnect() {
            @Override
            public Set<String> filledByConnect() {
                return Set.of("pageId", "pageToken");
            }

            @Override
            public OAuthSpec spec(ChannelSettings settings) {
                return OAuthSpec.of(server.authorizationEndpoint(), server.tokenEndpoint(), LoopbackAuth.CLIENT_ID,
                        null, "read write");
            }

            @Override
            public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
                if (!server.accepts(settings.require(OAuthConnect.ACCESS_TOKEN))) {
                    throw PublishException.auth(LocalText.of("Token refused."));
                }
                return new Connected(LocalText.of("Marie Levain"), "pageId", List.of(
                        new Connected.Target("p1", "Boulangerie Levain — Lyon 4e", Map.of("pageToken", "pt-1")),
                        new Connected.Target("p2", "Levain Traiteur", Map.of("pageToken", "pt-2"))), null, null);
            }
        });
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) {
        return LocalText.of("Marie Levain");
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) {
        return new PublishResult("post-1", "https://example.com/post-1", context.clock().instant(), 1);
    }
}
