package org.cristal.publish.instagram;

import java.util.Map;
import java.util.Set;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.facebook.FakeGraph;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Instagram plugin keeps the plugin contract, against the loopback Graph API. */
class InstagramContractTest extends PluginContractTest {
    private FakeGraph graph;

    @BeforeEach
    void start() {
        graph = new FakeGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new InstagramPlugin(java.time.Duration.ofSeconds(20), java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(5));
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("api", graph.url(), "appId", FakeGraph.APP_ID, "appSecret",
                FakeGraph.APP_SECRET, "account", FakeGraph.IG_ID, "pageToken", FakeGraph.PAGE_TOKEN),
                Set.of("appSecret", "pageToken"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("pageToken", "EAArevoked-page-token-0b9d");
    }

    @Override
    protected int delivered() {
        return graph.media.size() + graph.containers.size();
    }
}
