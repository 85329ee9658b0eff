package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.render.email.EmailRenderer;
import org.cristal.render.web.WebRenderer;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Rendition;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryParser;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus's large hostile inputs through both renderers: no exception, no hang, nothing active in
 * the output. Parsing the story is the story layer's business and happens outside the time guard.
 */
class HostileInputRenderingTest {
    /** Generous against a loaded build machine; on an idle one each render takes a fraction of this. */
    private static final Duration GUARD = Duration.ofSeconds(5);
    private static final ConcurrentHashMap<String, StoryDocument> DOCUMENTS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;
    private static Brand brand;
    private static RenderOptions options;

    @BeforeAll
    static void generate() throws Exception {
        Corpus.hostileInputs(dir);
        // The generated many-links.md is one 1.7 MB paragraph, on which flexmark's inline parser is
        // quadratic (minutes, in the story layer). The renderers get the same kind of load from its first
        // 10,000 links, one per paragraph.
        String links = Files.readString(dir.resolve("many-links.md"), StandardCharsets.UTF_8);
        String[] parts = links.split("\\) \\[", 10_001);
        Files.writeString(dir.resolve("many-links-split.md"),
                String.join(")\n\n[", java.util.Arrays.copyOf(parts, 10_000)) + ")\n", StandardCharsets.UTF_8);
        brand = Corpus.loadBrand("harbor-pine");
        options = RenderFixtures.options().withUnsubscribeUrl("https://lists.example/u");
    }

    private static StoryDocument document(String name) {
        return DOCUMENTS.computeIfAbsent(name, n -> {
            try {
                return StoryDocument.of(StoryParser.parse(n, Files.readAllBytes(dir.resolve(n + ".md"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-line-5mb", "nested-quotes", "nested-lists", "emphasis-storm", "huge-table",
        "many-links-split"})
    void hostileInputRendersQuicklyAndInert(String name) throws Exception {
        StoryDocument doc = document(name);
        Rendition<WebPage> web = assertTimeoutPreemptively(GUARD, () -> new WebRenderer().render(doc, brand, options));
        Rendition<EmailMessage> email = assertTimeoutPreemptively(GUARD,
                () -> new EmailRenderer().render(doc, brand, options));
        InertHtml.assertInert(web.body().html(), false);
        InertHtml.assertInert(email.body().html(), false);
        assertEquals(1, Jsoup.parse(web.body().html()).select("h1").size());
        MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(email.body().eml()));
        assertTrue(msg.isMimeType("multipart/alternative"));
        assertFalse(email.body().text().isBlank());
    }

    @Test
    void fakeAndTruncatedImagesNeverBreakARender() {
        StoryDocument doc = RenderFixtures.markdown("---\ntitle: Broken images\nimage: fake.png\nimage_alt: Fake\n---\n\n"
                + "![Truncated](truncated.jpg)\n\n![Fake](fake.png)\n");
        RenderOptions local = RenderFixtures.options().withAssets(new FileAssets(dir, dir));
        Rendition<WebPage> web = new WebRenderer().render(doc, brand, local);
        Rendition<EmailMessage> email = new EmailRenderer().render(doc, brand, local);
        assertFalse(web.body().files().containsKey("images/fake.png"));
        assertFalse(email.body().files().containsKey("images/fake.png"));
        assertTrue(web.findings().stream().anyMatch(f -> f.code().equals("image.unreadable") && f.line() == 0), web.findings()::toString);
        assertTrue(web.findings().stream().anyMatch(f -> f.code().equals("image.unreadable") && f.line() == 9), web.findings()::toString);
        InertHtml.assertInert(web.body().html(), false);
        InertHtml.assertInert(email.body().html(), false);
    }
}
