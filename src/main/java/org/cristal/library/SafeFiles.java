package org.cristal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes exported files so that nothing lands outside the chosen folder and nothing is left half
 * written: the target is checked against the folder by path and by real path (a symbolic link inside
 * the folder pointing elsewhere is refused, before any folder is created through it), then the bytes
 * go to a temporary file that is moved into place in one step.
 */
final class SafeFiles {
    /** The target would leave the export folder. */
    static final class OutsideException extends IOException {
        private static final long serialVersionUID = 1L;

        OutsideException(String path) {
            super("outside the export folder: " + path);
        }
    }

    private SafeFiles() {
    }

    static Path write(Path root, Path target, byte[] bytes) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        if (!t.startsWith(base) || t.equals(base)) {
            throw new OutsideException(t.toString());
        }
        Files.createDirectories(base);
        Path baseReal = base.toRealPath();
        Path existing = t.getParent();
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(baseReal)) {
            throw new OutsideException(t.toString());
        }
        Files.createDirectories(t.getParent());
        if (!t.getParent().toRealPath().startsWith(baseReal) || Files.isSymbolicLink(t)
                || Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutsideException(t.toString());
        }
        Path tmp = Files.createTempFile(t.getParent(), ".cristal-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return t;
    }
}
