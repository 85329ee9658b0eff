package org.cristal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message exists in English and French, is a valid MessageFormat pattern, and is used by the code. */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");
    /** Keys the code builds from a prefix and a value (e.g. "severity." + severity name). */
    private static final List<String> DYNAMIC_PREFIXES = List.of("severity.");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        List<Path> bases = bases();
        assertFalse(bases.isEmpty());
        for (Path base : bases) {
            Path fr = Path.of(base.toString().replace(".properties", "_fr.properties"));
            assertTrue(Files.exists(fr), "no French bundle for " + base);
            Set<String> en = keys(base);
            Set<String> french = keys(fr);
            Set<String> missingFr = new TreeSet<>(en);
            missingFr.removeAll(french);
            Set<String> missingEn = new TreeSet<>(french);
            missingEn.removeAll(en);
            assertEquals(Set.of(), missingFr, "keys missing in French: " + fr);
            assertEquals(Set.of(), missingEn, "keys missing in English: " + base);
        }
    }

    @Test
    void everyMessageIsAValidPattern() throws IOException {
        for (Path base : bases()) {
            for (Path file : List.of(base, Path.of(base.toString().replace(".properties", "_fr.properties")))) {
                Properties p = load(file);
                for (String key : p.stringPropertyNames()) {
                    String pattern = p.getProperty(key);
                    // An ASCII apostrophe is an escape character in MessageFormat and silently eats text.
                    assertFalse(pattern.contains("'"), file + " " + key + " uses ' (write ’ instead)");
                    new MessageFormat(pattern, Locale.ROOT);
                }
            }
        }
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            code = files.filter(f -> f.toString().endsWith(".java")).map(BundlesTest::read)
                    .collect(Collectors.joining("\n"));
        }
        List<String> unused = new ArrayList<>();
        for (Path base : bases()) {
            for (String key : keys(base)) {
                boolean dynamic = DYNAMIC_PREFIXES.stream().anyMatch(key::startsWith);
                if (!dynamic && !code.contains("\"" + key + "\"")) {
                    unused.add(base.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), unused, "keys no code uses");
    }

    @Test
    void everyKeyTheStudioAsksForExists() throws IOException {
        // A key typed wrong in the studio would only fail when that screen opens, in front of a user.
        Set<String> known = keys(RESOURCES.resolve("org/cristal/ui/messages.properties"));
        java.util.regex.Pattern asked = java.util.regex.Pattern.compile(
                "(?:getString|format|text\\.getString)\\((?:text, locale, )?\"([a-zA-Z][\\w.]*)\"|item\\(\"\\w+\", \"([\\w.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("org/cristal/ui"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = asked.matcher(read(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!known.contains(key)) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "keys the studio asks for but no bundle has");
    }

    private static List<Path> bases() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".properties"))
                    .filter(f -> !f.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
                    .sorted().toList();
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
