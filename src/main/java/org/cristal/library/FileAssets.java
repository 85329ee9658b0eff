package org.cristal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cristal.render.Images;
import org.cristal.story.Asset;
import org.cristal.story.AssetResolver;
import org.cristal.story.Urls;

/**
 * Resolves a story's relative image references against its folder, refusing anything that leaves
 * {@code root} (absolute paths, {@code file:} URLs, {@code ..} escapes, symbolic links out). Used by the
 * command line and by import; the workspace has its own resolver over its asset table.
 */
public final class FileAssets implements AssetResolver {
    private static final long MAX_BYTES = 50L * 1024 * 1024;
    private final Path base;
    private final Path root;

    /**
     * @param base folder the references are relative to (the story's folder)
     * @param root folder nothing may be read outside of (the story folder's parent, as in the corpus)
     */
    public FileAssets(Path base, Path root) {
        this.base = base.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Asset> resolve(String reference) {
        if (reference == null || reference.isBlank() || reference.contains(":") || reference.startsWith("/")
                || reference.startsWith("\\")) {
            return Optional.empty();
        }
        try {
            String clean = Urls.decodePath(reference.split("[?#]", 2)[0]);
            Path p = base.resolve(clean).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            Path real = p.toRealPath();
            // The root itself may sit behind a link (/tmp on macOS, a linked home folder): compare real paths.
            if (!real.startsWith(root.toRealPath()) || Files.size(real) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(real);
            return Optional.of(Images.asset(p.getFileName().toString(), bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

}
