package org.cristal.publish.ghost;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.webpost.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Ghost plugin keeps the plugin contract, against the loopback Ghost Admin API. */
class GhostContractTest extends PluginContractTest {
    /** Same key id, another secret: the signed token is refused. */
    private static final String WRONG_KEY = FakeGhost.KEY_ID + ":"
            + "0a0b0c0d0e0f1a1b1c1d1e1f2a2b2c2d2e2f3a3b3c3d3e3f4a4b4c4d4e4f5a5b";
    private final FakeGhost ghost = new FakeGhost();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer(ghost);
        ghost.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new GhostPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("adminUrl", server.url() + "/ghost/", "adminApiKey", FakeGhost.KEY,
                "status", "published"), Set.of("adminApiKey"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("adminApiKey", WRONG_KEY);
    }

    @Override
    protected int delivered() {
        synchronized (ghost) {
            return ghost.posts.size() + ghost.images.size();
        }
    }
}
