package org.cristal.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.cristal.publish.spi.ChannelPlugin;
import org.junit.jupiter.api.Test;

/** The add-account menu lists what a local business uses first, whatever order the plugins load in. */
class ChannelsMenuOrderTest {
    private static List<ChannelPlugin> installed() {
        List<ChannelPlugin> all = new ArrayList<>();
        ServiceLoader.load(ChannelPlugin.class).forEach(all::add);
        return all;
    }

    @Test
    void theLetterAndTheBigNetworksComeFirstAndTheTechnicalOutletsLast() {
        List<String> ids = ChannelsModel.inMenuOrder(installed()).stream().map(ChannelPlugin::id).toList();

        assertEquals(List.of("smtp-newsletter", "facebook-page", "instagram", "google-business"), ids.subList(0, 4));
        assertEquals(List.of("export-folder", "webhook"), ids.subList(ids.size() - 2, ids.size()));
        assertEquals(installed().size(), ids.size(), "every plugin is offered");
    }

    @Test
    void aPluginFromAJarComesAfterTheKnownOnesInTheOrderItLoaded() {
        List<ChannelPlugin> plugins = new ArrayList<>(installed());
        TestPages fromJar = new TestPages(null);
        plugins.add(0, fromJar);

        List<ChannelPlugin> menu = ChannelsModel.inMenuOrder(plugins);

        assertEquals("testpages", menu.get(menu.size() - 1).id());
        assertEquals("smtp-newsletter", menu.get(0).id());
    }
}
