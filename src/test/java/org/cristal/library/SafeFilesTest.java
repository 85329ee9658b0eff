package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkInsideTheFolderPointingOutsideIsNotFollowed() throws Exception {
        Path out = Files.createDirectories(dir.resolve("export"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("images"), elsewhere);
        assertThrows(SafeFiles.OutsideException.class,
                () -> SafeFiles.write(out, out.resolve("images/sub/x.jpg"), new byte[] {1}));
        assertFalse(Files.exists(elsewhere.resolve("sub")), "no folder was created through the link");
        assertThrows(SafeFiles.OutsideException.class,
                () -> SafeFiles.write(out, out.resolve("../escape.txt"), new byte[] {1}));
    }

    @Test
    void anExistingFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path out = Files.createDirectories(dir.resolve("export"));
        Files.write(out.resolve("a.txt"), new byte[] {9, 9, 9, 9});
        SafeFiles.write(out, out.resolve("a.txt"), new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(out.resolve("a.txt")));
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
