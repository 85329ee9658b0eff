package org.cristal.publish.linkedin;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.OAuthConnect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The LinkedIn plugin keeps the plugin contract, against the loopback LinkedIn API. */
class LinkedInContractTest extends PluginContractTest {
    private FakeLinkedIn server;

    @BeforeEach
    void start() {
        server = new FakeLinkedIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new LinkedInPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("api", server.url(), "clientId", "86ab4xq0cristal",
                "clientSecret", "WPL_AP1.secret.7d3e9f", OAuthConnect.ACCESS_TOKEN, FakeLinkedIn.TOKEN),
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().withSecret(OAuthConnect.ACCESS_TOKEN, "AQXrevoked-token-b7c3d5");
    }

    @Override
    protected int delivered() {
        return server.posts.size();
    }
}
