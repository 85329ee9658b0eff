package org.cristal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * The test corpus: stories, brands, images and hostile inputs, all inside the repository. Maven puts
 * the sample workspace ({@code assets/samples}, what the studio seeds) and the test-only fixtures
 * ({@code src/test/resources/corpus}: the edge-cases story, a low-resolution photo, the hostile stories)
 * into one folder, {@code corpus} on the test classpath (see the pom's test resources), so the samples
 * exist once in the repository and a clone with nothing beside it runs every test.
 */
public final class Corpus {
    private static final String FOLDER = "corpus";

    private Corpus() {
    }

    public static Path root() {
        URL url = Corpus.class.getClassLoader().getResource(FOLDER);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the test corpus is not on the classpath as a folder (" + url
                    + "): run the tests through Maven, which copies assets/samples and src/test/resources/corpus"
                    + " into target/test-classes/corpus");
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path stories() {
        return root().resolve("stories");
    }

    public static Path story(String name) {
        return stories().resolve(name.endsWith(".md") ? name : name + ".md");
    }

    public static Path brand(String id) {
        return root().resolve("brands").resolve(id + ".yaml");
    }

    public static Path images() {
        return root().resolve("images");
    }

    public static List<Path> storyFiles() {
        try (Stream<Path> s = Files.list(stories())) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The 1-based line of {@code name} (a story, or a path under the stories folder) where {@code text}
     * first appears: tests that check a reported line find it in the file rather than hard-coding it.
     */
    public static int lineOf(String name, String text) {
        try {
            List<String> lines = Files.readAllLines(story(name));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("\"" + text + "\" is not in " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StoryDocument document(String name) {
        try {
            Path p = story(name);
            String id = p.getFileName().toString().replaceFirst("\\.md$", "");
            return StoryDocument.of(StoryParser.parse(id, Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Brand loadBrand(String id) {
        try {
            return BrandParser.parse(id, Files.readAllBytes(brand(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the large and binary hostile inputs ({@link HostileInputs}) into {@code dir}. */
    public static Path hostileInputs(Path dir) {
        try {
            return HostileInputs.write(dir, images().resolve("hero-levain.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
