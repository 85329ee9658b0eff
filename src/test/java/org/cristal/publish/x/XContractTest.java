package org.cristal.publish.x;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The X plugin keeps the plugin contract, against the loopback X API. */
class XContractTest extends PluginContractTest {
    private FakeX server;

    @BeforeEach
    void start() {
        server = new FakeX();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new XPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("api", server.url(), "token", FakeX.TOKEN), Set.of("token"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("token", "tok-refused-b7c3d5");
    }

    @Override
    protected int delivered() {
        return server.tweets.size();
    }
}
