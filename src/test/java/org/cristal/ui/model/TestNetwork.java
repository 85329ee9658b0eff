package org.cristal.ui.model;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;

/**
 * A tiny channel plugin for the studio's tests: a "network" with an instance URL, a handle, a token and a
 * visibility, that accepts the token "good" and keeps what it was asked to publish.
 */
public final class TestNetwork implements ChannelPlugin {
    public final List<PublishRequest> published = new CopyOnWriteArrayList<>();

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("testnet", LocalText.of("Test network", "Réseau de test"), Set.of(Channel.SOCIAL))
            .icon("fth-radio");
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required("instance", SettingSpec.Type.URL, LocalText.of("Instance", "Instance"),
                        LocalText.of("The server address.", "L’adresse du serveur.")),
                SettingSpec.required("handle", SettingSpec.Type.TEXT, LocalText.of("Handle", "Identifiant"),
                        LocalText.of("Without the @.", "Sans le @.")),
                SettingSpec.secret("token", LocalText.of("Access token", "Jeton d’accès"), null),
                SettingSpec.optional("limit", SettingSpec.Type.INTEGER, "500", LocalText.of("Limit", "Limite"), null),
                new SettingSpec("visibility", SettingSpec.Type.CHOICE, false, false, "public",
                        List.of("public", "unlisted"), LocalText.of("Visibility", "Visibilité"), null));
    }

    @Override
    public List<SettingProblem> validate(ChannelSettings settings) {
        List<SettingProblem> out = new java.util.ArrayList<>(SettingProblem.basic(settings(), settings));
        if (settings.get("handle").orElse("").startsWith("@")) {
            out.add(new SettingProblem("handle", LocalText.of("Leave out the @.", "Sans le @.")));
        }
        return out;
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        if (!"good".equals(settings.get("token", ""))) {
            throw PublishException.auth(LocalText.of("The token was refused.", "Le jeton a été refusé."));
        }
        return LocalText.of("@" + settings.get("handle", "") + " on " + settings.get("instance", ""));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        if (!"good".equals(request.settings().get("token", ""))) {
            throw PublishException.auth(LocalText.of("The token was refused.", "Le jeton a été refusé."));
        }
        published.add(request);
        context.progress(1, null);
        return new PublishResult("post-" + published.size(), request.settings().get("instance", "") + "/posts/"
                + published.size(), context.clock().instant(), 1);
    }
}
