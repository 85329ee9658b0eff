package org.cristal.publish.wordpress;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.webpost.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The WordPress plugin keeps the plugin contract, against the loopback WordPress REST API. */
class WordPressContractTest extends PluginContractTest {
    private final FakeWordPress wordpress = new FakeWordPress();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer(wordpress);
        wordpress.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new WordPressPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("site", server.url() + "/", "user", FakeWordPress.USER,
                "applicationPassword", FakeWordPress.PASSWORD, "status", "publish"), Set.of("applicationPassword"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("applicationPassword", "zzzz REFU SED0 pass WORD 0000");
    }

    @Override
    protected int delivered() {
        synchronized (wordpress) {
            return wordpress.posts.size() + wordpress.media.size();
        }
    }
}
