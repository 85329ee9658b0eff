package org.cristal.publish;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.library.FileAssets;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;

/** Publish requests for plugin tests, from the corpus's stories rendered as the outbox renders them. */
public final class Publications {
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Map<String, Renderers.All> RENDERED = new ConcurrentHashMap<>();

    private Publications() {
    }

    /** The corpus story {@code boulangerie-levain} with the brand {@code boulangerie-martin}. */
    public static PublishRequest levain(ChannelSettings settings) {
        return request("boulangerie-levain", "boulangerie-martin", settings);
    }

    public static PublishRequest request(String story, String brandId, ChannelSettings settings) {
        StoryDocument doc = Corpus.document(story);
        Brand brand = Corpus.loadBrand(brandId);
        FileAssets assets = new FileAssets(Corpus.stories(), Corpus.root());
        // The brochure takes a moment to render; each story renders once per test run.
        Renderers.All all = RENDERED.computeIfAbsent(story + "/" + brandId, k -> Renderers.renderAll(doc, brand,
                RenderOptions.at(AT).withAssets(assets), Runnable::run).join());
        return new PublishRequest("entry-" + story, "idem-" + story, doc, 1, brand, all, assets, settings, AT);
    }
}
