package org.cristal.check;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.support.Corpus;

/** Stories and renditions for the check tests: the text channels rendered for real (the brochure is not read). */
final class CheckSupport {
    private CheckSupport() {
    }

    static StoryDocument story(String source) {
        try {
            return StoryDocument.of(StoryParser.parse("test", source));
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static Renderers.All render(StoryDocument doc, Brand brand) {
        RenderOptions options = RenderOptions.at(Instant.parse("2026-11-23T09:00:00Z"))
                .withAssets(new org.cristal.library.FileAssets(Corpus.stories(), Corpus.root()));
        return new Renderers.All(Renderers.WEB.render(doc, brand, options), Renderers.EMAIL.render(doc, brand, options),
                Renderers.SOCIAL.render(doc, brand, options), null);
    }

    static List<Finding> withCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    static String messages(List<Finding> findings, Locale locale) {
        StringBuilder sb = new StringBuilder();
        findings.forEach(f -> sb.append(f.line()).append(' ').append(f.channel()).append(' ').append(f.code())
                .append(": ").append(f.message(locale)).append('\n'));
        return sb.toString();
    }
}
