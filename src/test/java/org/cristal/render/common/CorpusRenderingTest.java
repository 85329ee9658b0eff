package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cristal.render.email.EmailRenderer;
import org.cristal.render.web.WebRenderer;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRenderingTest {
    /** Every code the web and email renderers can emit. */
    private static final Set<String> CODES = Set.of("cta.url.unsafe", "image.notFound", "image.unreadable",
            "image.altMissing", "image.remoteBlocked", "link.notHttps", "link.removed", "web.summary.missing",
            "web.description.missing", "web.description.length", "web.title.long", "web.heading.skipped",
            "web.contrast.text", "web.contrast.link", "web.contrast.button", "email.subject.long", "email.preheader.length", "email.html.clipped",
            "email.address.missing", "email.sender.missing", "email.unsubscribe.unsafe");

    static Stream<Path> stories() {
        return Stream.concat(Corpus.storyFiles().stream(), Stream.of(Corpus.root().resolve("bad/xss.md")));
    }

    private static StoryDocument document(Path file) {
        return Corpus.document(Corpus.stories().relativize(file).toString());
    }

    @ParameterizedTest
    @MethodSource("stories")
    void everyCorpusStoryRendersWithItsBrand(Path file) throws Exception {
        StoryDocument doc = document(file);
        Brand brand = RenderFixtures.brandOf(doc);
        var web = new WebRenderer().render(doc, brand, RenderFixtures.options());
        var email = new EmailRenderer().render(doc, brand, RenderFixtures.options());
        assertEquals(1, Jsoup.parse(web.body().html()).select("h1").size());
        InertHtml.assertInert(web.body().html(), false);
        InertHtml.assertInert(email.body().html(), false);
        MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(email.body().eml()));
        assertTrue(msg.isMimeType("multipart/alternative"));
        for (Finding f : Stream.concat(web.findings().stream(), email.findings().stream()).toList()) {
            assertTrue(CODES.contains(f.code()), "unlisted finding code " + f.code());
        }
    }

    @Test
    void everyFindingCodeHasAMessageInEnglishAndFrench() throws IOException {
        for (String bundle : List.of("findings.properties", "findings_fr.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/org/cristal/render/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> missing = new TreeSet<>(CODES);
            missing.removeAll(p.stringPropertyNames());
            assertEquals(Set.of(), missing, "missing in " + bundle);
        }
    }
}
