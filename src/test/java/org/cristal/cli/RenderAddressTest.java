package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal render} on a story file that names its own web address. */
class RenderAddressTest {
    private static Locale saved;

    @BeforeAll
    static void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(saved);
    }

    private static Path storyWithSlug(Path dir, String slugLine) throws Exception {
        Path file = dir.resolve("brouillon.md");
        Files.writeString(file, Files.readString(Corpus.story("boulangerie-levain"), StandardCharsets.UTF_8)
                .replaceFirst("---\n", "---\n" + slugLine + "\n"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theWebPageIsAddressedByTheSlugNotTheFileName(@TempDir Path dir) throws Exception {
        Path story = storyWithSlug(dir, "slug: quarante-ans-de-levain");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("render", story.toString(), "--channel", "web", "--out", out.toString(),
                "--brand", Corpus.brand("boulangerie-martin").toString(), "--date", "2026-11-23T09:00:00Z");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("web/index.html"));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"https://boulangerie-martin.example/quarante-ans-de-levain\">"),
                html);
    }

    @Test
    void aWrongSlugIsOneClearLineWithItsLine(@TempDir Path dir) throws Exception {
        Path story = storyWithSlug(dir, "slug: Quarante ans");
        CliRun r = CliRun.of("render", story.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals("Error: brouillon.md: Line 2: The address \u201cQuarante ans\u201d may only hold lower-case letters "
                + "without accents, digits and single hyphens (at most 100 characters), for example "
                + "\u201cquarante-ans\u201d.", r.err().strip());
    }
}
