package org.cristal.publish.google;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.OAuthConnect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Google Business Profile plugin keeps the plugin contract, against the loopback Business Profile APIs. */
class GoogleBusinessContractTest extends PluginContractTest {
    private FakeBusinessProfile server;

    @BeforeEach
    void start() {
        server = new FakeBusinessProfile();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new GoogleBusinessPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("clientId", "4242-desktop.apps.googleusercontent.com",
                "clientSecret", "GOCSPX-notReallySecret77", "location", FakeBusinessProfile.LOCATION,
                "api", server.url(), OAuthConnect.ACCESS_TOKEN, FakeBusinessProfile.TOKEN),
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().withSecret(OAuthConnect.ACCESS_TOKEN, "ya29.expired-c81f0e2d");
    }

    @Override
    protected int delivered() {
        return server.posts.size();
    }
}
