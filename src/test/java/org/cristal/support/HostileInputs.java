package org.cristal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes the hostile inputs too large or too binary to keep in the repository: stories that stress the
 * Markdown parser and the renderers, bytes that are not text, images that are not images and a
 * workspace file that is not a database. Generated on demand, the same bytes every time (a fixed seed),
 * with nothing but the JDK.
 */
public final class HostileInputs {
    private static final long SEED = 20261106L;

    private HostileInputs() {
    }

    /** Writes every input into {@code dir} (created if needed); {@code jpeg} is cut short for truncated.jpg. */
    public static Path write(Path dir, Path jpeg) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(SEED);
        oneLine(dir.resolve("one-line-5mb.md"));
        text(dir.resolve("nested-quotes.md"), ">".repeat(10_000) + " at the bottom of ten thousand quotes\n");
        try (Writer w = writer(dir.resolve("nested-lists.md"))) {
            for (int i = 0; i < 2_000; i++) {
                w.write("  ".repeat(i) + "- level " + i + "\n");
            }
        }
        try (Writer w = writer(dir.resolve("many-links.md"))) {
            for (int i = 0; i < 50_000; i++) {
                w.write("[l" + i + "](https://example.com/" + i + ") ");
            }
        }
        text(dir.resolve("emphasis-storm.md"), "*a **b ".repeat(50_000) + "\n");
        hugeTable(dir.resolve("huge-table.md"));
        Files.write(dir.resolve("invalid-utf8.md"), invalidUtf8());
        Files.write(dir.resolve("random-binary.md"), bytes(random, 200_000));
        text(dir.resolve("fake.png"), "This is a text file, whatever its name says.\n");
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(Files.readAllBytes(jpeg), 2_000));
        Files.write(dir.resolve("corrupt-library.db"), bytes(random, 65_536));
        return dir;
    }

    /** Five million characters without a space or a line break: one word, one line, one paragraph. */
    private static void oneLine(Path file) throws IOException {
        try (Writer w = writer(file)) {
            String word = "levain";
            for (int written = 0; written < 5_000_000; written += word.length()) {
                w.write(word);
            }
        }
    }

    /** 200 columns (headed c0 to c199) by 2,000 rows of numbers. */
    private static void hugeTable(Path file) throws IOException {
        try (Writer w = writer(file)) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < 200; c++) {
                line.append('c').append(c).append('|');
            }
            w.write(line + "\n" + "|---".repeat(200) + "|\n");
            for (int r = 0; r < 2_000; r++) {
                line.setLength(0);
                line.append('|');
                for (int c = 0; c < 200; c++) {
                    line.append(r * 200 + c).append('|');
                }
                w.write(line + "\n");
            }
        }
    }

    /**
     * A story saved in Latin-1 (the first bad byte, an é, on line 3), then the other ways UTF-8 goes
     * wrong: a lone continuation byte, an overlong slash, an encoded surrogate, a sequence cut short.
     */
    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("---\nlang: fr\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("title: \"Pain d'\u00e9pices de l'\u00e9t\u00e9\"\n---\n\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {'A', (byte) 0x80, ' ', (byte) 0xC0, (byte) 0xAF, ' ', (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, ' ', (byte) 0xE2, (byte) 0x82, '\n'});
        return out.toByteArray();
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static void text(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
