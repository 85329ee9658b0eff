package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {
    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/org/cristal/library/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyMessageExistsInEnglishAndFrenchAndIsUsed() throws IOException {
        Set<String> english = keys("messages.properties");
        assertEquals(english, keys("messages_fr.properties"));
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/cristal/library"))) {
            sources = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        for (String key : english) {
            assertTrue(sources.contains("\"" + key + "\""), "unused message key " + key);
        }
    }
}
