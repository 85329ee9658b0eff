package org.cristal.render.brochure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cristal.library.FileAssets;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;

/** Renders corpus stories with their brand kits and the corpus images. */
final class Brochures {
    static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    static final BrochureRenderer RENDERER = new BrochureRenderer();

    static {
        // Brand's nested records read Brand's statics while it may still be initialising: touch it first.
        Brand.DEFAULT.id();
    }

    private Brochures() {
    }

    static RenderOptions options() {
        return RenderOptions.at(NOW).withAssets(new FileAssets(corpus().resolve("stories"), corpus()));
    }

    // FileAssets compares real paths with its root as given: a corpus reached through a symbolic link
    // (as in the worktrees) would refuse every image.
    static Path corpus() {
        try {
            return Corpus.root().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Brand brandOf(StoryDocument doc) {
        String id = doc.story().brand();
        return !id.isBlank() && Files.exists(Corpus.brand(id)) ? Corpus.loadBrand(id) : Brand.DEFAULT;
    }

    static Rendition<BrochurePdf> render(String name) {
        return render(Corpus.document(name), options());
    }

    static Rendition<BrochurePdf> render(StoryDocument doc, RenderOptions options) {
        return RENDERER.render(doc, brandOf(doc), options);
    }

    static Rendition<BrochurePdf> render(Story story) {
        return render(StoryDocument.of(story), options());
    }

    static boolean has(Rendition<?> r, String code) {
        return r.findings().stream().map(Finding::code).anyMatch(code::equals);
    }

    static Finding finding(Rendition<?> r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + code + " in " + r.findings()));
    }
}
