package org.cristal.ui.publish;

import org.cristal.publish.spi.ChannelPlugin;
import org.kordamp.ikonli.javafx.FontIcon;

/** A plugin's Feather icon, or a plain one when the plugin names none Cristal knows or is missing. */
final class PluginIcons {
    private PluginIcons() {
    }

    static FontIcon of(ChannelPlugin plugin) {
        if (plugin == null) {
            return new FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_TRIANGLE);
        }
        try {
            return new FontIcon(plugin.icon());
        } catch (RuntimeException e) {
            return new FontIcon(org.kordamp.ikonli.feather.Feather.SEND);
        }
    }
}
