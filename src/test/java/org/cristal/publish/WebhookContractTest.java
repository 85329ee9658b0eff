package org.cristal.publish;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.webhook.WebhookPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The webhook plugin keeps the plugin contract, against the loopback receiver that checks signatures. */
class WebhookContractTest extends PluginContractTest {
    private static final String SECRET = "whsec-contract-81d2f7";
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver(SECRET, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new WebhookPlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return new ChannelSettings(Map.of("url", receiver.url(), "secret", SECRET, "timeoutSeconds", "5"),
                Set.of("secret"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("secret", "whsec-wrong-4c9e0b");
    }

    @Override
    protected int delivered() {
        return receiver.stored().size();
    }
}
