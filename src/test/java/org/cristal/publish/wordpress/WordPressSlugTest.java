package org.cristal.publish.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.webpost.Addressed;
import org.cristal.publish.webpost.LoopbackServer;
import org.cristal.publish.webpost.WebFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WordPressSlugTest {
    private final FakeWordPress wordpress = new FakeWordPress();
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(wordpress);
        wordpress.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePostSlugIsTheStorysAddressNotItsInternalId() throws Exception {
        var settings = WebFixtures.settings(Map.of("site", server.url() + "/", "user", FakeWordPress.USER,
                "applicationPassword", FakeWordPress.PASSWORD, "status", "publish"), "applicationPassword");
        var request = WebFixtures.request(Addressed.story("boulangerie-levain", "quarante-ans-de-levain"),
                WebFixtures.NOW, settings);
        PublishResult result = new WordPressPlugin(Duration.ofSeconds(10)).publish(request, new TestContext());

        JsonNode post = wordpress.posts.values().iterator().next();
        assertEquals("quarante-ans-de-levain", post.path("slug").asText());
        assertEquals(server.url() + "/quarante-ans-de-levain/", result.url());
    }
}
