package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class SocialFindingMessagesTest {
    private static final List<String> CODES = List.of("social.cta.unsafe", "social.link.missing", "social.mergeTags",
            "social.empty", "social.thread", "social.thread.truncated", "social.hashtags.dropped",
            "social.post.tooLong", "social.link.overLimit", "social.instagram.linkInBio",
            "social.instagram.linkNotClickable", "social.instagram.imageShape", "social.instagram.pictureShape",
            "social.instagram.carouselFull", "social.hashtags.tooMany",
            "social.caption.truncated", "social.image.small",
            "social.image.tooSmall", "social.google.tooLong", "social.google.phone", "social.google.noTitle",
            "social.google.titleTooLong", "social.google.noDates", "social.google.endBeforeStart",
            "social.google.badDate", "social.google.badType", "social.google.badAction", "social.google.actionNoLink",
            "social.google.ctaUnmapped", "social.google.unknownKey");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SocialFindingMessagesTest.class.getResourceAsStream("/org/cristal/render/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everySocialFindingHasAnEnglishAndAFrenchMessage() throws IOException {
        Properties en = bundle("findings.properties");
        Properties fr = bundle("findings_fr.properties");
        for (String code : CODES) {
            assertTrue(en.containsKey(code), code);
            assertTrue(fr.containsKey(code), code);
            assertNotEquals(en.getProperty(code), fr.getProperty(code), code);
        }
    }

    @Test
    void findingsMetWhileRenderingAreAllKnownAndFormatWithTheirArguments() throws Exception {
        SocialRenderer renderer = new SocialRenderer();
        RenderOptions options = RenderOptions.at(Instant.EPOCH).withLimit(Network.X, 30);
        Set<String> met = new TreeSet<>();
        List<StoryDocument> docs = new java.util.ArrayList<>();
        for (var file : Corpus.storyFiles()) {
            docs.add(Corpus.document(file.getFileName().toString()));
        }
        docs.add(StoryDocument.parse("xss", java.nio.file.Files.readString(Corpus.root().resolve("bad/xss.md"))));
        docs.add(StoryDocument.of(Story.of("", "", "")));
        for (StoryDocument doc : docs) {
            Brand brand = doc.story().brand().isEmpty() ? Brand.DEFAULT : Corpus.loadBrand(doc.story().brand());
            for (Finding f : renderer.render(doc, brand, options).findings()) {
                met.add(f.code());
                assertTrue(CODES.contains(f.code()), f.code());
                for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                    String message = f.message(locale);
                    assertNotEquals(f.code(), message);
                    assertFalse(message.contains("{"), message);
                }
            }
        }
        assertTrue(met.containsAll(List.of("social.cta.unsafe", "social.mergeTags", "social.thread",
                "social.empty", "social.link.missing")), met.toString());
    }
}
