package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSizeTest {
    /**
     * The benchmark's stories at a scale a test can afford: the file (revisions, search index, every
     * table) takes at most twice the Markdown the user wrote. Before schema step 6 it took four times.
     */
    @Test
    void workspaceFileTakesAtMostTwiceTheTextOfItsStories(@TempDir Path dir) {
        LibraryBench.Result r = LibraryBench.run(dir.resolve("size.cristal"), 1500, 10, 42);
        assertTrue(r.fileToText() <= 2.0, String.format("%,d bytes of file for %,d bytes of text: %.2f×",
                r.fileBytes(), r.textBytes(), r.fileToText()));
    }
}
