package org.cristal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cristal.library.FileAssets;
import org.cristal.story.Channel;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class RenderAllTest {
    @Test
    void allFourChannelsRenderTogetherOffTheCallingThreadAndMatchRenderingOneByOne() throws Exception {
        StoryDocument doc = Corpus.document("boulangerie-levain");
        RenderOptions options = RenderOptions.at(Instant.parse("2026-11-23T09:00:00Z"))
                .withAssets(new FileAssets(Corpus.stories(), Corpus.root()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Renderers.All all = Renderers.renderAll(doc, Corpus.loadBrand("boulangerie-martin"), options, pool)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(Renderers.WEB.render(doc, Corpus.loadBrand("boulangerie-martin"), options).body().html(),
                    all.web().body().html());
            assertTrue(all.brochure().body().pages() >= 1);
            assertEquals(Channel.SOCIAL, all.social().channel());
            assertTrue(all.findings().stream().anyMatch(f -> f.channel() == Channel.BROCHURE),
                    "the low-resolution hero is reported for print");
        } finally {
            pool.shutdownNow();
        }
    }
}
