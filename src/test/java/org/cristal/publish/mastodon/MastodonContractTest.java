package org.cristal.publish.mastodon;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Mastodon plugin keeps the plugin contract, against the loopback Mastodon. */
class MastodonContractTest extends PluginContractTest {
    private FakeMastodon server;

    @BeforeEach
    void start() {
        server = new FakeMastodon();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new MastodonPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("instance", server.url() + "/", "token", FakeMastodon.TOKEN),
                Set.of("token"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("token", "tok-refused-6e2a91");
    }

    @Override
    protected int delivered() {
        return server.statuses.size() + server.uploads.size();
    }
}
