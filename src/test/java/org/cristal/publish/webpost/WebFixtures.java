package org.cristal.publish.webpost;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.cristal.library.FileAssets;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;

/**
 * Publish requests for the web publishing plugins' tests, built from corpus stories rendered for real
 * (web, email and social; no brochure, which these plugins never read).
 */
public final class WebFixtures {
    public static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    private static final Map<String, Renderers.All> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private WebFixtures() {
    }

    /** A corpus story ("boulangerie-levain") rendered at {@code now}, to an account with these settings. */
    public static PublishRequest request(String story, Instant now, ChannelSettings settings) {
        StoryDocument doc = Corpus.document(story);
        return request(doc, now, settings);
    }

    public static PublishRequest request(StoryDocument doc, Instant now, ChannelSettings settings) {
        String brandId = doc.story().brand();
        Brand brand = brandId.isBlank() ? Brand.DEFAULT : Corpus.loadBrand(brandId);
        FileAssets assets = new FileAssets(Corpus.stories(), Corpus.root());
        RenderOptions options = RenderOptions.at(now).withAssets(assets);
        // The web plugins read the web rendition only: the brochure (the slow one) is left out, and one
        // rendering serves every test that publishes the same story at the same moment.
        Renderers.All all = RENDERED.computeIfAbsent(doc.story().id() + "@" + now + "#" + doc.story().hashCode(),
                k -> new Renderers.All(Renderers.WEB.render(doc, brand, options),
                        Renderers.EMAIL.render(doc, brand, options), Renderers.SOCIAL.render(doc, brand, options),
                        null));
        return new PublishRequest("entry-" + doc.story().id(), "key-" + doc.story().id(), doc, 1, brand, all,
                assets, settings, now);
    }

    public static PublishRequest request(String story, ChannelSettings settings) {
        return request(story, NOW, settings);
    }

    /** Settings with {@code secretKey} marked secret. */
    public static ChannelSettings settings(Map<String, String> values, String... secretKeys) {
        return new ChannelSettings(values, Set.of(secretKeys));
    }
}
