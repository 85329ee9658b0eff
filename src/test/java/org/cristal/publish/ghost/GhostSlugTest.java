package org.cristal.publish.ghost;

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

class GhostSlugTest {
    private final FakeGhost ghost = new FakeGhost();
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(ghost);
        ghost.base(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePostSlugIsTheStorysAddressNotItsInternalId() throws Exception {
        var settings = WebFixtures.settings(Map.of("adminUrl", server.url() + "/ghost/", "adminApiKey", FakeGhost.KEY,
                "status", "published"), "adminApiKey");
        var request = WebFixtures.request(Addressed.story("coffee-huila", "huila-de-la-ferme-a-la-tasse"),
                WebFixtures.NOW, settings);
        PublishResult result = new GhostPlugin(Duration.ofSeconds(10)).publish(request, new TestContext());

        JsonNode post = ghost.posts.values().iterator().next();
        assertEquals("huila-de-la-ferme-a-la-tasse", post.path("slug").asText());
        assertEquals(server.url() + "/huila-de-la-ferme-a-la-tasse/", result.url());
    }
}
