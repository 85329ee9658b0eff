package org.cristal.publish;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The example plugin of docs/plugins.md, built from its documented source, keeps the plugin contract. */
class HttpPostPluginContractTest extends PluginContractTest {
    private static final String TOKEN = "tok-example-5c1d9e";
    private static URLClassLoader loader;
    private static ChannelPlugin plugin;
    private PageEndpoint endpoint;

    @BeforeAll
    static void buildThePlugin() throws IOException {
        Path jar = PluginJars.build(PluginJars.EXAMPLE, Files.createTempDirectory("contract").resolve("example.jar"));
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginContractTest.class.getClassLoader());
        plugin = ServiceLoader.load(ChannelPlugin.class, loader).stream()
                .filter(p -> p.type().getClassLoader() == loader).findFirst().orElseThrow().get();
    }

    @AfterAll
    static void closeLoader() throws IOException {
        loader.close();
    }

    @BeforeEach
    void start() throws IOException {
        endpoint = new PageEndpoint(TOKEN);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return plugin;
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("endpoint", endpoint.url(), "token", TOKEN, "timeoutSeconds", "5"),
                Set.of("token"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("token", "tok-refused-0a7f3b");
    }

    @Override
    protected int delivered() {
        return endpoint.pages().size();
    }
}
