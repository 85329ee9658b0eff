package org.cristal.publish.bluesky;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Bluesky plugin keeps the plugin contract, against the loopback PDS. */
class BlueskyContractTest extends PluginContractTest {
    private FakeBluesky server;

    @BeforeEach
    void start() {
        server = new FakeBluesky();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new BlueskyPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("service", server.url(), "handle", "@" + FakeBluesky.HANDLE,
                "appPassword", FakeBluesky.PASSWORD), Set.of("appPassword"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("appPassword", "wxyz-refu-sedp-ass1");
    }

    @Override
    protected int delivered() {
        return server.posts.size() + server.blobs.size();
    }
}
