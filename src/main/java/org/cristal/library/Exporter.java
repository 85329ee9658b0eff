package org.cristal.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.Brand;
import org.cristal.story.ImageRef;
import org.cristal.story.Messages;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;

/**
 * Writes stories back to files in the corpus layout: {@code stories/<id>.md} (the text as the studio
 * last showed it, byte for byte: the autosaved draft when it is newer than the last revision), {@code brands/<id>.yaml}, and each image at the path its story refers to, so the
 * exported folder renders as it did in the workspace. Nothing is ever written outside the target
 * folder, whatever a reference says.
 */
public final class Exporter {
    private final Workspace workspace;
    private final Locale locale;

    public Exporter(Workspace workspace, Locale locale) {
        this.workspace = workspace;
        this.locale = locale;
    }

    /** Every story, brand kit and asset. */
    public ExportResult exportAll(Path folder) {
        Run run = new Run(folder);
        Map<String, AutosavedDraft> drafts = workspace.stories().newerDrafts();
        for (StorySummary s : workspace.stories().list()) {
            workspace.stories().get(s.id()).ifPresent(stored -> writeStory(run, latest(run, stored, drafts.get(s.id()))));
        }
        for (Brand b : workspace.brands().list()) {
            writeBrand(run, b.id());
        }
        for (String name : workspace.assets().names()) {
            if (!run.assetsWritten.contains(name)) {
                workspace.assets().get(name).ifPresent(a -> {
                    if (run.intact(a) && run.write(run.root.resolve(name), a.bytes())) {
                        run.assetsWritten.add(name);
                    }
                });
            }
        }
        return run.result();
    }

    /** One story with its images, its brand kit and the kit's logo: enough to render it elsewhere. */
    public ExportResult exportStory(String id, Path folder) {
        Run run = new Run(folder);
        StoredStory stored = workspace.stories().get(id)
                .map(s -> latest(run, s, workspace.stories().newerDraft(id).orElse(null)))
                .orElseThrow(() -> new WorkspaceException("library.error.noStory", id));
        writeStory(run, stored);
        String brand = stored.story().brand();
        if (!brand.isBlank()) {
            writeBrand(run, brand);
        }
        return run.result();
    }

    /** The draft's text in place of the revision's when there is a newer draft: what the user last saw. */
    private static StoredStory latest(Run run, StoredStory stored, AutosavedDraft draft) {
        if (draft == null) {
            return stored;
        }
        run.drafts.add(draft);
        return new StoredStory(stored.id(), draft.source(), stored.revision(), stored.createdAt(), draft.savedAt());
    }

    private void writeStory(Run run, StoredStory stored) {
        Path storiesDir = run.root.resolve("stories");
        run.write(storiesDir.resolve(stored.id() + ".md"), stored.source().getBytes(StandardCharsets.UTF_8));
        Story story = stored.story();
        Set<String> refs = new LinkedHashSet<>();
        if (story.hasImage()) {
            refs.add(story.image());
        }
        for (ImageRef image : StoryDocument.of(story).images()) {
            refs.add(image.src());
        }
        for (String ref : refs) {
            writeReferenced(run, storiesDir, ref);
        }
    }

    private void writeBrand(Run run, String id) {
        Optional<String> yaml = workspace.brands().source(id);
        if (yaml.isEmpty()) {
            return;
        }
        Path brandsDir = run.root.resolve("brands");
        run.write(brandsDir.resolve(id + ".yaml"), yaml.get().getBytes(StandardCharsets.UTF_8));
        workspace.brands().get(id).ifPresent(b -> {
            if (!b.logo().isBlank()) {
                writeReferenced(run, brandsDir, b.logo());
            }
        });
    }

    private void writeReferenced(Run run, Path base, String ref) {
        if (ref.isBlank() || Urls.isRemote(ref) || ref.contains(":")) {
            return;
        }
        workspace.assets().find(ref).filter(run::intact).ifPresent(asset -> {
            Path target = base.resolve(ref.split("[?#]", 2)[0].replace('\\', '/')).normalize();
            if (run.write(target, asset.bytes())) {
                run.assetsWritten.add(asset.name());
            }
        });
    }

    /** The state of one export. */
    private final class Run {
        final Path root;
        final List<Path> files = new ArrayList<>();
        final Set<Path> written = new HashSet<>();
        final Set<String> assetsWritten = new HashSet<>();
        final List<String> skipped = new ArrayList<>();
        final Set<String> damaged = new HashSet<>();
        final List<AutosavedDraft> drafts = new ArrayList<>();

        Run(Path folder) {
            this.root = folder.toAbsolutePath().normalize();
        }

        /** Writes unless the path leaves the root (by {@code ..} or by a symbolic link) or was written already. */
        boolean write(Path target, byte[] bytes) {
            Path t = target.toAbsolutePath().normalize();
            if (written.contains(t)) {
                return true;
            }
            String shown = root.relativize(t).toString();
            if (!t.startsWith(root) || t.equals(root)) {
                skip("export.error.outside", t.toString());
                return false;
            }
            try {
                SafeFiles.write(root, t, bytes);
                written.add(t);
                files.add(t);
                return true;
            } catch (SafeFiles.OutsideException e) {
                skip("export.error.outside", shown);
                return false;
            } catch (IOException e) {
                skip("export.error.write", shown, String.valueOf(e.getMessage()));
                return false;
            }
        }

        /** False for an asset damaged inside the workspace, reported once and not written. */
        boolean intact(StoredAsset asset) {
            if (!asset.intact() && damaged.add(asset.name())) {
                skip("export.error.damaged", asset.name());
            }
            return asset.intact();
        }

        void skip(String key, Object... args) {
            skipped.add(Messages.format(WorkspaceException.BUNDLE, locale, key, args));
        }

        ExportResult result() {
            return new ExportResult(files, skipped, drafts);
        }
    }
}
