package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.SocialPosts;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialHostileInputTest {
    private static final RenderOptions OPTIONS = RenderOptions.at(Instant.parse("2026-01-15T10:00:00Z"));
    private final SocialRenderer renderer = new SocialRenderer();

    private static List<String> allText(Rendition<SocialPosts> r) {
        List<String> out = new ArrayList<>();
        for (Network n : Network.values()) {
            for (Post p : r.body().thread(n)) {
                out.add(p.text());
            }
        }
        return out;
    }

    @Test
    void hostileStoryGivesPlainTextWithNothingThatCouldRun() throws Exception {
        StoryDocument doc = StoryDocument.parse("xss", Files.readString(Corpus.root().resolve("bad/xss.md")));
        Rendition<SocialPosts> r = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> renderer.render(doc, Corpus.loadBrand("harbor-pine"), OPTIONS));
        assertTrue(r.hasErrors(), "the javascript: call to action is an error");
        for (String text : allText(r)) {
            assertFalse(text.contains("javascript:"), text);
            assertFalse(text.contains("data:text/html"), text);
            assertFalse(text.contains("<script>window"), "body markup never reaches a post: " + text);
            assertFalse(text.contains("<iframe"), text);
            assertFalse(text.contains("onclick="), text);
            assertFalse(text.contains("onerror=\"window"), "body markup never reaches a post: " + text);
            assertFalse(text.contains("&lt;"), "plain text, not escaped twice: " + text);
        }
        // Front-matter text stays literal text (a view escapes it), and tags lose their markup.
        String x = r.body().thread(Network.X).get(0).text();
        assertTrue(x.startsWith("<img src=x onerror=alert(document.domain)> Three cups from the winter roast."), x);
        assertTrue(x.endsWith("#Roast #Winter"), x);
        assertTrue(r.body().thread(Network.LINKEDIN).get(0).text()
                .startsWith("<script>alert(document.cookie)</script> Winter roast notes"));
    }

    /**
     * Every generated hostile file the story parser can read in reasonable time. many-links.md and
     * huge-table.md are left out: StoryDocument takes minutes to parse them (flexmark), before the
     * renderer is involved; smaller files of the same shape are rendered below.
     */
    @Test
    void largeAndBrokenInputsRenderQuicklyWithinLimits(@TempDir Path dir) throws IOException {
        Corpus.hostileInputs(dir);
        int rendered = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("many-links.md") || name.equals("huge-table.md")) {
                    continue;
                }
                StoryDocument doc;
                try {
                    doc = StoryDocument.of(StoryParser.parse("hostile", Files.readAllBytes(file)));
                } catch (StoryFormatException e) {
                    continue; // refused by the parser with a message: nothing to render
                }
                assertRendersQuicklyWithinLimits(doc, name);
                rendered++;
            }
        }
        assertTrue(rendered >= 4, "rendered " + rendered);
    }

    @Test
    void manyLinksAndWideTablesRenderQuicklyWithinLimits() throws Exception {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            links.append("[l").append(i).append("](https://example.com/").append(i).append(") ");
        }
        assertRendersQuicklyWithinLimits(StoryDocument.parse("links", links.toString()), "links");
        StringBuilder table = new StringBuilder("|" + "c|".repeat(200) + "\n|" + "---|".repeat(200) + "\n");
        for (int r = 0; r < 10; r++) {
            table.append("|").append((r + "|").repeat(200)).append("\n");
        }
        assertRendersQuicklyWithinLimits(StoryDocument.parse("table", table.toString()), "table");
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            words.append("l").append(i).append(' ');
        }
        assertRendersQuicklyWithinLimits(StoryDocument.parse("words", words.toString()), "words");
    }

    private void assertRendersQuicklyWithinLimits(StoryDocument doc, String name) {
        Rendition<SocialPosts> r = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> renderer.render(doc, Brand.DEFAULT, OPTIONS), name);
        for (Network n : Network.values()) {
            List<Post> thread = r.body().thread(n);
            assertTrue(thread.size() <= ThreadSplitter.MAX_POSTS, name + " " + n);
            for (Post p : thread) {
                assertFalse(p.overLimit(), name + " " + n);
            }
        }
    }

    @Test
    void hugeSummaryBecomesATruncatedThreadWithAWarning() throws Exception {
        // The body of a 5 MB story is cut before parsing (StoryDocument), so the huge text comes in the summary.
        StoryDocument doc = StoryDocument.parse("big", "---\ntitle: Big\nsummary: " + "a".repeat(500_000)
                + "\n---\n" + "a".repeat(5_000_000));
        Rendition<SocialPosts> r = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> renderer.render(doc, Brand.DEFAULT, OPTIONS));
        assertTrue(r.body().thread(Network.X).size() == ThreadSplitter.MAX_POSTS);
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("social.thread.truncated")));
    }
}
