package org.cristal.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clone of the repository alone holds every sample and fixture the tests read. */
class CorpusTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path SAMPLES = PROJECT.resolve("assets/samples");
    private static final Path FIXTURES = PROJECT.resolve("src/test/resources/corpus");

    @Test
    void corpusIsFoundInsideTheRepositoryWithoutAnySetting() {
        // The build copies the corpus next to the test classes (target/, or -Dcristal.buildDir).
        Path testClasses = testClasses();
        assertTrue(Corpus.root().startsWith(testClasses), Corpus.root() + " is not the copy in " + testClasses);
        assertEquals(List.of("boulangerie-levain.md", "coffee-huila.md", "edge-cases.md", "nimbus-tax-season.md",
                "osteo-samedi.md", "velo-atelier-solidaire.md"), names(Corpus.stories()));
        assertEquals(List.of("broken-front-matter.md", "xss.md", "yaml-bomb.md"), names(Corpus.root().resolve("bad")));
        assertTrue(Files.isRegularFile(Corpus.images().resolve("lowres-photo.jpg")));
        assertTrue(Files.isRegularFile(Corpus.brand("harbor-pine")));
    }

    private static Path testClasses() {
        try {
            return Path.of(CorpusTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sampleWorkspaceIsReadFromWhatTheStudioSeedsAndKeptOnce() throws IOException {
        for (String sub : List.of("stories", "brands", "images")) {
            for (String name : names(SAMPLES.resolve(sub))) {
                assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(sub).resolve(name)),
                        Files.readAllBytes(Corpus.root().resolve(sub).resolve(name)), sub + "/" + name);
                assertFalse(Files.exists(FIXTURES.resolve(sub).resolve(name)), "a second copy of " + name);
            }
        }
    }

    @Test
    void lowResolutionPhotoIsTooSmallForPrintAndLinkPreviews() throws IOException {
        BufferedImage photo = ImageIO.read(Corpus.images().resolve("lowres-photo.jpg").toFile());
        assertEquals(List.of(LowResPhoto.WIDTH, LowResPhoto.HEIGHT), List.of(photo.getWidth(), photo.getHeight()));
    }

    @Test
    void hostileInputsAreWhatTheirNamesSay(@TempDir Path dir) throws IOException {
        Corpus.hostileInputs(dir);
        String oneLine = Files.readString(dir.resolve("one-line-5mb.md"));
        assertTrue(oneLine.length() >= 5_000_000 && oneLine.chars().noneMatch(c -> c == ' ' || c == '\n'));
        assertTrue(Files.readString(dir.resolve("nested-quotes.md")).startsWith(">".repeat(10_000) + " "));
        assertEquals(2_000, Files.readAllLines(dir.resolve("nested-lists.md")).size());
        assertTrue(Files.readString(dir.resolve("many-links.md")).contains("[l49999](https://example.com/49999)"));
        List<String> table = Files.readAllLines(dir.resolve("huge-table.md"));
        assertEquals(2_002, table.size());
        assertEquals(201, table.get(0).split("\\|").length);

        byte[] latin1 = Files.readAllBytes(dir.resolve("invalid-utf8.md"));
        assertThrows(CharacterCodingException.class, () -> strictUtf8(latin1));
        assertEquals(3, firstBadLine(latin1), "the first bad byte is on line 3");
        assertThrows(CharacterCodingException.class, () -> strictUtf8(Files.readAllBytes(dir.resolve("random-binary.md"))));

        assertNull(ImageIO.read(dir.resolve("fake.png").toFile()), "fake.png is no image");
        byte[] jpeg = Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg"));
        assertArrayEquals(Arrays.copyOf(jpeg, 2_000), Files.readAllBytes(dir.resolve("truncated.jpg")));
        byte[] db = Files.readAllBytes(dir.resolve("corrupt-library.db"));
        assertEquals(65_536, db.length);
        assertFalse(new String(db, 0, 16, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3"));

        Path again = Files.createDirectories(dir.resolve("again"));
        Corpus.hostileInputs(again);
        assertArrayEquals(db, Files.readAllBytes(again.resolve("corrupt-library.db")), "the same bytes every run");
    }

    private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }

    private static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    strictUtf8(Arrays.copyOfRange(bytes, start, i));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return -1;
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
