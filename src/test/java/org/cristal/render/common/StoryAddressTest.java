package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.cristal.render.Renderers;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.SocialPosts;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The story's own address, not its internal id, is where the web page lives and what the other channels link to. */
class StoryAddressTest {

    /** The bakery's story, created with Ctrl+N (id new-story-2), with the address its author chose. */
    private static StoryDocument levainAt(String slug) throws IOException, StoryFormatException {
        String source = Files.readString(Corpus.story("boulangerie-levain"), StandardCharsets.UTF_8)
                .replaceFirst("---\n", "---\nslug: " + slug + "\n");
        return StoryDocument.parse("new-story-2", source);
    }

    private static Rendition<WebPage> web(StoryDocument doc) {
        return Renderers.WEB.render(doc, RenderFixtures.brandOf(doc), RenderFixtures.options());
    }

    @Test
    void thePageCanonicalAddressAndFeedEntryUseTheSlug() throws Exception {
        WebPage page = web(levainAt("quarante-ans-de-levain")).body();
        Document html = Jsoup.parse(page.html());
        String expected = "https://boulangerie-martin.example/quarante-ans-de-levain";
        assertEquals(expected, html.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(expected, html.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals("quarante-ans-de-levain", page.entry().slug());
        assertEquals("quarante-ans-de-levain.html", page.entry().path());
        assertEquals(expected, page.entry().url());
        assertTrue(page.entry().atom().contains(expected), page.entry().atom());
        assertTrue(page.entry().rss().contains(expected), page.entry().rss());
        assertFalse(page.html().contains("new-story"), "the internal id never shows on the web");
    }

    @Test
    void socialLinksCarryTheSlugAsUtmCampaign() throws Exception {
        StoryDocument doc = levainAt("quarante-ans-de-levain");
        Rendition<SocialPosts> social = Renderers.SOCIAL.render(doc, RenderFixtures.brandOf(doc),
                RenderFixtures.options());
        String posts = String.join("\n", social.body().thread(Network.MASTODON).stream().map(Post::text).toList());
        // The call to action's link, tagged so the visits it brings are counted for this story.
        assertTrue(posts.contains("utm_source=mastodon&utm_medium=social&utm_campaign=quarante-ans-de-levain"), posts);
        assertFalse(posts.contains("new-story"), posts);
    }

    @Test
    void aStoryWithoutSlugKeepsTheAddressItWasPublishedUnder() {
        // Written before slugs existed: its address was its id, and stays so.
        WebPage page = web(Corpus.document("boulangerie-levain")).body();
        assertEquals("https://boulangerie-martin.example/boulangerie-levain", page.entry().url());
        assertEquals("boulangerie-levain.html", page.entry().path());
    }
}
