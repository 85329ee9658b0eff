package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSizeTest {
    /**
     * The benchmark's stories at a scale a test can afford: the pages the workspace uses (revisions,
     * search index, every table) take at most twice the Markdown the user wrote; before schema step 6,
     * four times. Free pages are left out: merging the index after the import frees a third of this
     * small file, pages the next saves reuse (at 100,000 stories the whole file is 1.86× its text).
     */
    @Test
    void workspaceTakesAtMostTwiceTheTextOfItsStories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("size.cristal");
        LibraryBench.Result r = LibraryBench.run(file, 1500, 10, 42);
        long used = Long.parseLong(StorageMigrationTest.rows(file, "SELECT 'n', (SELECT page_count FROM pragma_page_count) "
                + "- (SELECT freelist_count FROM pragma_freelist_count)").get("n"))
                * Long.parseLong(StorageMigrationTest.rows(file, "SELECT 'n', page_size FROM pragma_page_size").get("n"));
        assertTrue(used <= 2 * r.textBytes(), String.format("%,d bytes in use (file %,d) for %,d bytes of text: %.2f×",
                used, r.fileBytes(), r.textBytes(), (double) used / r.textBytes()));
    }
}
