package org.cristal.publish.social;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.library.FileAssets;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;

/** Publish requests for social plugin tests, built from corpus stories rendered for real. */
public final class SocialFixtures {
    public static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    private static final Map<String, Renderers.All> RENDERED = new ConcurrentHashMap<>();

    private SocialFixtures() {
    }

    /** The rendering options of the corpus, with {@code network}'s post limit set to {@code limit}. */
    public static RenderOptions options(Network network, int limit) {
        RenderOptions o = RenderOptions.at(NOW).withAssets(new FileAssets(Corpus.stories(), Corpus.root()));
        return limit > 0 ? o.withLimit(network, limit) : o;
    }

    /**
     * The corpus story {@code name} rendered with {@code network}'s limit lowered to {@code limit} (0 keeps
     * the network's own), so a story's text becomes a thread of several posts.
     */
    public static PublishRequest request(String name, Network network, int limit, String key,
            Map<String, String> settings, Set<String> secrets) {
        StoryDocument doc = Corpus.document(name);
        return request(doc, network, limit, key, settings, secrets);
    }

    /**
     * The corpus story {@code name} with its first body paragraphs as its social text, as an author who
     * wants the whole story told on the networks writes it: long enough to need a thread.
     */
    public static StoryDocument longStory(String name, int chars) {
        try {
            String source = Files.readString(Corpus.story(name));
            int end = source.indexOf("\n---", 4);
            String front = source.substring(0, end);
            StringBuilder text = new StringBuilder();
            for (String para : source.substring(end + 4).split("\n\\s*\n")) {
                String p = para.strip();
                if (p.isEmpty() || "#->!|".indexOf(p.charAt(0)) >= 0 || text.length() >= chars) {
                    continue;
                }
                text.append(text.length() == 0 ? "" : " ").append(p.replace("**", "").replace("\n", " "));
            }
            String yaml = "\nchannels:\n  social:\n    text: \""
                    + text.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return StoryDocument.parse(Corpus.story(name).getFileName().toString().replace(".md", ""),
                    front + yaml + source.substring(end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublishRequest request(StoryDocument doc, Network network, int limit, String key,
            Map<String, String> settings, Set<String> secrets) {
        String brandId = doc.story().brand();
        Brand brand = brandId.isBlank() ? Brand.DEFAULT : Corpus.loadBrand(brandId);
        RenderOptions options = options(network, limit);
        // The brochure takes most of a second to render: each story is rendered once per test run.
        Renderers.All all = RENDERED.computeIfAbsent(doc.story() + "|" + network + "|" + limit,
                k -> Renderers.renderAll(doc, brand, options, Runnable::run).join());
        return new PublishRequest("entry-1", key, doc, 1, brand, all, options.assets(),
                new ChannelSettings(settings, secrets), NOW);
    }
}
