package org.cristal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/** The shared sample corpus (../shared/corpus): stories, brands, images, hostile inputs. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("cristal.corpus");
        Path p = configured != null ? Path.of(configured) : Path.of("../shared/corpus");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("corpus not found at " + p.toAbsolutePath());
        }
        return p.toAbsolutePath().normalize();
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

    /** Runs the corpus's generator of large and binary hostile inputs into {@code dir}. */
    public static Path hostileInputs(Path dir) {
        try {
            Process p = new ProcessBuilder("bash", root().resolve("bad/make-bad-inputs.sh").toString(),
                    dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("make-bad-inputs.sh failed");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
