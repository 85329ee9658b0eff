package org.cristal.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.webpost.Addressed;
import org.cristal.publish.webpost.WebFixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteSlugTest {

    @Test
    void thePageIsWrittenAtTheStorysAddressAndListedThere(@TempDir Path dir) throws Exception {
        ChannelSettings settings = ChannelSettings.of(Map.of("folder", dir.toString(), "title", "Le journal",
                "baseUrl", "https://journal.example/"));
        PublishResult result = new StaticSitePlugin().publish(
                WebFixtures.request(Addressed.story("boulangerie-levain", "quarante-ans-de-levain"), WebFixtures.NOW,
                        settings),
                new TestContext().clock(Clock.fixed(WebFixtures.NOW, ZoneOffset.UTC)));

        assertEquals("https://journal.example/quarante-ans-de-levain", result.url());
        assertTrue(Files.isRegularFile(dir.resolve("quarante-ans-de-levain.html")));
        assertFalse(Files.exists(dir.resolve("new-story-2.html")));
        assertEquals("quarante-ans-de-levain.html",
                Jsoup.parse(dir.resolve("index.html").toFile()).selectFirst(".story-list a").attr("href"));
        assertTrue(Files.readString(dir.resolve("sitemap.xml")).contains("https://journal.example/quarante-ans-de-levain"));
    }
}
