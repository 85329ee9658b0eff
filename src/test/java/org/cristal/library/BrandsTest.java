package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cristal.story.Brand;
import org.cristal.story.StoryFormatException;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandsTest {
    @TempDir
    Path dir;

    @Test
    void brandKitIsStoredAsWrittenAndReadBackParsed() throws Exception {
        String yaml = Files.readString(Corpus.brand("boulangerie-martin"));
        try (Workspace ws = Workspace.open(dir.resolve("b.cristal"))) {
            assertEquals("boulangerie-martin", ws.brands().save("", yaml));
            assertEquals(yaml, ws.brands().source("boulangerie-martin").orElseThrow());
            Brand b = ws.brands().get("boulangerie-martin").orElseThrow();
            assertEquals("Boulangerie Martin", b.name());
            assertEquals("#7A4B2A", b.colors().primary());
            assertTrue(b.voice().banned().contains("industriel"));
            ws.brands().save("harbor-pine", Files.readString(Corpus.brand("harbor-pine")));
            assertEquals(List.of("Boulangerie Martin", "Harbor & Pine Coffee Roasters"),
                    ws.brands().list().stream().map(Brand::name).toList());
            assertTrue(ws.brands().delete("harbor-pine"));
            assertTrue(ws.brands().get("harbor-pine").isEmpty());
        }
    }

    @Test
    void invalidBrandKitIsRefusedWithItsLine() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("b.cristal"))) {
            StoryFormatException e = assertThrows(StoryFormatException.class,
                    () -> ws.brands().save("x", "name: X\ncolors:\n  primary: red\n"));
            assertEquals("brand.error.color", e.key());
            assertEquals(3, e.line());
            assertTrue(ws.brands().list().isEmpty());
        }
    }
}
