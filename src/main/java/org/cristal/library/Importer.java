package org.cristal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cristal.story.Asset;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.ImageRef;
import org.cristal.story.Messages;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.story.Urls;

/**
 * Imports a folder of stories into a workspace: either the corpus layout ({@code stories/*.md},
 * {@code brands/*.yaml}, {@code images/*}) or a flat folder of {@code .md} files. Story text is
 * stored verbatim; the images stories and brand kits refer to are read through {@link FileAssets}
 * (nothing outside the folder) and stored as assets. A file that cannot be read is skipped and
 * reported; the rest of the import goes on.
 */
public final class Importer {
    private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    private static final int BATCH = 200;

    private final Workspace workspace;
    private final Locale locale;

    public Importer(Workspace workspace, Locale locale) {
        this.workspace = workspace;
        this.locale = locale;
    }

    public ImportResult importFolder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Path storiesDir = Files.isDirectory(root.resolve("stories")) ? root.resolve("stories") : root;
        Run run = new Run(root);
        importStories(run, storiesDir);
        if (Files.isDirectory(root.resolve("brands"))) {
            importBrands(run, root.resolve("brands"));
        }
        if (Files.isDirectory(root.resolve("images"))) {
            FileAssets files = new FileAssets(root.resolve("images"), root);
            for (Path p : list(run, root.resolve("images"), "")) {
                storeAsset(run, files, root.resolve("images"), p.getFileName().toString(), "", null);
            }
        }
        return new ImportResult(run.stories, run.brands, List.copyOf(run.assets), run.skipped, run.missing);
    }

    /** What opening one Markdown file did: the story it is in the workspace, and whether it is new. */
    public record OpenedFile(String storyId, boolean created) {
    }

    /**
     * Brings one Markdown file (a double-click on {@code story.md}) into the workspace with the images it
     * refers to beside it. A story already holding this very text — the same file imported before, even if
     * the story was edited since — is the answer, with no duplicate; otherwise the file becomes a new story
     * under a free id, never replacing one (docs/opening-files.md).
     *
     * @throws WorkspaceException when the file cannot be read or is too large
     * @throws StoryFormatException when its front matter is broken
     */
    public OpenedFile importFile(Path file) throws StoryFormatException {
        Path path = file.toAbsolutePath().normalize();
        Run run = new Run(path.getParent());
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new WorkspaceException("import.error.tooLarge", size / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
            }
            text = StoryParser.decodeUtf8(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new WorkspaceException(e, "import.error.unreadable", String.valueOf(e.getMessage()));
        }
        String base = Stories.parse(path.getFileName().toString().replaceFirst("(?i)\\.(md|markdown)$", ""), text).id();
        String id = base;
        for (int n = 2; workspace.stories().exists(id); n++) {
            if (holds(id, text)) {
                return new OpenedFile(id, false);
            }
            id = base + "-" + n;
        }
        Story story = Stories.parse(id, text);
        FileAssets files = new FileAssets(run.root, run.root);
        if (story.hasImage()) {
            storeAsset(run, files, run.root, story.image(), story.imageAlt(), path);
        }
        for (ImageRef image : StoryDocument.of(story).images()) {
            storeAsset(run, files, run.root, image.src(), image.alt(), path);
        }
        return new OpenedFile(workspace.stories().save(id, text, "import").id(), true);
    }

    /** True when story {@code id} is this text now, or was when it came in by an import. */
    private boolean holds(String id, String text) {
        Stories stories = workspace.stories();
        if (stories.get(id).map(StoredStory::source).filter(text::equals).isPresent()) {
            return true;
        }
        return stories.history(id).stream().filter(r -> "import".equals(r.note()))
                .anyMatch(r -> stories.revision(id, r.number()).map(Revision::source).filter(text::equals).isPresent());
    }

    private void importStories(Run run, Path dir) {
        FileAssets files = new FileAssets(dir, run.root);
        List<Stories.Draft> batch = new ArrayList<>();
        for (Path file : list(run, dir, ".md")) {
            Optional<byte[]> bytes = read(run, file);
            if (bytes.isEmpty()) {
                continue;
            }
            String id = file.getFileName().toString().replaceFirst("\\.md$", "");
            try {
                String text = StoryParser.decodeUtf8(bytes.get());
                Story story = Stories.parse(id, text);
                List<ImageRef> images = StoryDocument.of(story).images();
                if (story.hasImage()) {
                    storeAsset(run, files, dir, story.image(), story.imageAlt(), file);
                }
                for (ImageRef image : images) {
                    storeAsset(run, files, dir, image.src(), image.alt(), file);
                }
                batch.add(new Stories.Draft(id, text, "import"));
                if (batch.size() >= BATCH) {
                    flush(run, batch);
                }
            } catch (StoryFormatException e) {
                run.skipped.add(new ImportResult.Skipped(run.name(file), e.line(), e.key(), e.localizedMessage(locale)));
            }
        }
        flush(run, batch);
    }

    private void flush(Run run, List<Stories.Draft> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            workspace.stories().saveAll(batch).forEach(r -> run.stories.add(r.id()));
        } catch (StoryFormatException e) {
            // Every draft was parsed before it joined the batch.
            throw new IllegalStateException(e);
        }
        batch.clear();
    }

    private void importBrands(Run run, Path dir) {
        FileAssets files = new FileAssets(dir, run.root);
        List<Path> yamls = new ArrayList<>(list(run, dir, ".yaml"));
        yamls.addAll(list(run, dir, ".yml"));
        for (Path file : yamls) {
            Optional<byte[]> bytes = read(run, file);
            if (bytes.isEmpty()) {
                continue;
            }
            String id = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                String yaml = StoryParser.decodeUtf8(bytes.get());
                Brand brand = BrandParser.parse(id, yaml);
                run.brands.add(workspace.brands().save(id, yaml));
                if (!brand.logo().isBlank()) {
                    storeAsset(run, files, dir, brand.logo(), brand.name(), file);
                }
            } catch (StoryFormatException e) {
                run.skipped.add(new ImportResult.Skipped(run.name(file), e.line(), e.key(), e.localizedMessage(locale)));
            }
        }
    }

    /** Stores the file {@code reference} points to (relative to {@code base}) under its path from the root. */
    private void storeAsset(Run run, FileAssets files, Path base, String reference, String alt, Path from) {
        if (reference.isBlank() || Urls.isRemote(reference)) {
            return;
        }
        Path target = base.resolve(Urls.decodePath(reference.split("[?#]", 2)[0]).replace('\\', '/')).normalize();
        Optional<Asset> asset = target.startsWith(run.root) ? files.resolve(reference) : Optional.empty();
        if (asset.isEmpty()) {
            if (from != null) {
                run.missing.add(run.name(from) + ": " + reference);
            }
            return;
        }
        String name = run.name(target);
        if (run.assets.add(name) || !alt.isBlank()) {
            workspace.assets().put(name, asset.get().bytes(), alt);
        }
    }

    private Optional<byte[]> read(Run run, Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                run.skip(file, "import.error.tooLarge", size / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            run.skip(file, "import.error.unreadable", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /** Regular files of {@code dir} ending with {@code suffix}, by name, that really live inside the root. */
    private static List<Path> list(Run run, Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile)
                    .filter(p -> inside(p, run.root))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            run.skip(dir, "import.error.unreadable", String.valueOf(e.getMessage()));
            return List.of();
        }
    }

    private static boolean inside(Path p, Path root) {
        try {
            return p.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The state of one import. */
    private final class Run {
        final Path root;
        final List<String> stories = new ArrayList<>();
        final List<String> brands = new ArrayList<>();
        final Set<String> assets = new LinkedHashSet<>();
        final List<ImportResult.Skipped> skipped = new ArrayList<>();
        final List<String> missing = new ArrayList<>();

        Run(Path root) {
            this.root = root;
        }

        String name(Path p) {
            return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }

        void skip(Path file, String key, Object... args) {
            skipped.add(new ImportResult.Skipped(name(file), 0, key,
                    Messages.format(WorkspaceException.BUNDLE, locale, key, args)));
        }
    }
}
