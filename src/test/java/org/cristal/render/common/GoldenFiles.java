package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an output with its golden file under {@code src/test/resources/golden}. Run the tests with
 * {@code -Dgolden.update=true} to (re)write the golden files after an intended change, then review the
 * diff.
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.isRegularFile(file), "no golden file " + file + "; run with -Dgolden.update=true");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                    file + " differs; if the change is intended, run with -Dgolden.update=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
