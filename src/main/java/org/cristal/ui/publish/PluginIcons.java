package org.cristal.ui.publish;

import java.util.Optional;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.story.Network;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A plugin's Feather icon, or a plain one when the plugin names none Cristal knows or is missing. A social
 * plugin left with the generic send icon gets its network's, so a Facebook Page and a Google listing are told
 * apart in the lists and the calendar.
 */
final class PluginIcons {
    private static final String GENERIC = "fth-send";

    private PluginIcons() {
    }

    static FontIcon of(ChannelPlugin plugin) {
        if (plugin == null) {
            return new FontIcon(Feather.ALERT_TRIANGLE);
        }
        Optional<Feather> network = network(plugin);
        try {
            String icon = plugin.icon();
            if (network.isPresent() && (icon == null || icon.isBlank() || icon.equals(GENERIC))) {
                return new FontIcon(network.get());
            }
            return new FontIcon(icon);
        } catch (RuntimeException e) {
            return new FontIcon(network.orElse(Feather.SEND));
        }
    }

    /** The network's icon; Feather has none for Google, whose posts live on the business's map listing. */
    static Optional<Feather> network(ChannelPlugin plugin) {
        Optional<Network> n;
        try {
            n = plugin.network();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return n.map(x -> switch (x) {
            case FACEBOOK -> Feather.FACEBOOK;
            case INSTAGRAM -> Feather.INSTAGRAM;
            case LINKEDIN -> Feather.LINKEDIN;
            case GOOGLE -> Feather.MAP_PIN;
            case X -> Feather.TWITTER;
            case MASTODON, BLUESKY -> Feather.MESSAGE_CIRCLE;
        });
    }
}
