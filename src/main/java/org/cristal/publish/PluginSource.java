package org.cristal.publish;

import java.util.List;
import java.util.Optional;
import org.cristal.publish.spi.ChannelPlugin;

/** The channel plugins available: the built-in ones and those the user enabled. */
public interface PluginSource {
    List<ChannelPlugin> plugins();

    default Optional<ChannelPlugin> find(String id) {
        return plugins().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
