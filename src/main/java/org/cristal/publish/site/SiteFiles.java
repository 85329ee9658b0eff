package org.cristal.publish.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the files of a site folder: only when their bytes change (an unchanged file keeps its
 * modification time, so a sync tool or a web server's cache sees nothing new), through a temporary file
 * moved into place in one step (a crash leaves the old file or the new one, never half of one), and never
 * outside the folder.
 */
final class SiteFiles {
    private final Path root;
    private int written;

    SiteFiles(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    Path root() {
        return root;
    }

    /** How many files were actually rewritten so far. */
    int written() {
        return written;
    }

    Path resolve(String relative) throws IOException {
        Path t = root.resolve(relative).normalize();
        if (!t.startsWith(root) || t.equals(root)) {
            throw new IOException("outside the site folder: " + relative);
        }
        return t;
    }

    /** Writes {@code relative} unless it already holds exactly {@code bytes}; true when it wrote. */
    boolean write(String relative, byte[] bytes) throws IOException {
        Path t = resolve(relative);
        if (Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS) && Files.size(t) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(t), bytes)) {
            return false;
        }
        Files.createDirectories(t.getParent());
        if (!t.getParent().toRealPath().startsWith(root.toRealPath()) || Files.isSymbolicLink(t)) {
            throw new IOException("outside the site folder: " + relative);
        }
        Path tmp = Files.createTempFile(t.getParent(), ".cristal-", ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp, t);
            Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        written++;
        return true;
    }

    /**
     * A temporary file is private to its owner; a site's files are read by a web server or a sync tool
     * running as someone else. A replaced file keeps its permissions, a new one is rw-r--r--.
     */
    private static void readableByAll(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** The bytes of {@code relative}, or null when there is no such file. */
    byte[] read(String relative) throws IOException {
        Path t = resolve(relative);
        return Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(t) : null;
    }

    void delete(String relative) throws IOException {
        Path t = resolve(relative);
        if (Files.deleteIfExists(t)) {
            written++;
        }
    }
}
