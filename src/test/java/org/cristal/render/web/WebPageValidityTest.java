package org.cristal.render.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every web rendition of the corpus passes the W3C Nu HTML Checker with zero errors. */
class WebPageValidityTest {
    private static NuHtmlChecker checker;

    @BeforeAll
    static void startChecker() {
        checker = new NuHtmlChecker();
    }

    /** Every corpus story, and every hostile one that parses as a story. */
    static Stream<Path> stories() throws IOException {
        try (Stream<Path> bad = Files.list(Corpus.root().resolve("bad"))) {
            List<Path> hostile = bad.filter(p -> p.toString().endsWith(".md")).filter(WebPageValidityTest::parses)
                    .sorted().toList();
            return Stream.concat(Corpus.storyFiles().stream(), hostile.stream());
        }
    }

    private static boolean parses(Path file) {
        try {
            StoryParser.parse("x", Files.readAllBytes(file));
            return true;
        } catch (StoryFormatException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page(Path file) {
        StoryDocument doc = Corpus.document(Corpus.stories().relativize(file).toString());
        return new WebRenderer().render(doc, RenderFixtures.brandOf(doc), RenderFixtures.options()).body().html();
    }

    @ParameterizedTest
    @MethodSource("stories")
    void corpusPageHasNoHtmlErrors(Path file) {
        assertEquals(List.of(), checker.errors(page(file)), file.getFileName().toString());
    }

    /** The generated hostile inputs (deep nesting, huge tables, binary noise, invalid UTF-8) that parse. */
    @Test
    void generatedHostilePagesHaveNoHtmlErrors(@TempDir Path dir) throws IOException {
        Path inputs = Corpus.hostileInputs(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(inputs)) {
            files = s.filter(p -> p.toString().endsWith(".md")).filter(WebPageValidityTest::parses).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            StoryDocument doc = StoryDocument.of(parse(file));
            String html = new WebRenderer().render(doc, Brand.DEFAULT, RenderFixtures.options()).body().html();
            assertEquals(List.of(), checker.errors(html), file.getFileName().toString());
        }
    }

    private static Story parse(Path file) {
        try {
            return StoryParser.parse("hostile", Files.readAllBytes(file));
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void checkerReportsAnInvalidPage() {
        // The bar above only means something if the checker does catch errors.
        List<String> errors = checker.errors("<!DOCTYPE html><html lang=en><head><title>t</title></head><body>"
                + "<img src=a.jpg><p><div>x</div></body></html>");
        assertFalse(errors.isEmpty());
        assertFalse(errors.stream().filter(e -> e.contains("alt")).toList().isEmpty(), errors.toString());
    }
}
