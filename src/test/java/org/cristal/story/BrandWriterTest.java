package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cristal.support.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BrandWriterTest {

    static Stream<Path> corpusBrands() throws IOException {
        return Files.list(Corpus.root().resolve("brands")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("corpusBrands")
    void everyCorpusBrandKitReadsBackEqualAfterWriting(Path file) throws Exception {
        Brand original = BrandParser.parse(null, Files.readAllBytes(file));
        String yaml = BrandWriter.write(original);
        assertEquals(original, BrandParser.parse(null, yaml), yaml);
    }

    @ParameterizedTest
    @MethodSource("corpusBrands")
    void writingIsStable(Path file) throws Exception {
        Brand original = BrandParser.parse(null, Files.readAllBytes(file));
        String once = BrandWriter.write(original);
        assertEquals(once, BrandWriter.write(BrandParser.parse(null, once)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Say \"cheese\"", "it's", "key: value", "a # not a comment", "#hash first", "- leading dash",
        "  padded  ", "line one\nline two\n", "tab\there", "back\\slash \\n not a newline", "null", "yes", "~",
        "Ostéo œuvre Ünïcödé", "日本語のブランド", "emoji 🥖🚲", "rtl עברית", "nel\u0085sep\u2028para\u2029end",
        "bom\uFEFFinside", "bell\u0007 del\u007F c1\u009B", "lone \uD83D surrogate", "&anchor *alias !tag %dir @at `tick",
        "{flow: map}", "[flow, list]", "| block", "> folded", "---", "...", "", "\r\nwindows"})
    void hostileTextSurvivesInEveryField(String hostile) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(hostile, hostile);
        map.put("x", hostile);
        Brand b = new Brand("hostile", hostile, hostile, hostile, hostile, Brand.Colors.DEFAULT,
                new Brand.Fonts(hostile, hostile), new Brand.Voice(hostile, List.of(hostile, "plain"), map),
                new Brand.Contact(hostile, hostile, hostile), map, map);
        String yaml = BrandWriter.write(b);
        Brand back = BrandParser.parse(null, yaml);
        // Fonts fall back to sans-serif when blank, in the record itself: compare with what it holds.
        assertEquals(b, back, yaml);
    }

    @Test
    void outputLooksLikeTheCorpusFiles() {
        Brand b = Corpus.loadBrand("boulangerie-martin");
        String yaml = BrandWriter.write(b);
        assertTrue(yaml.startsWith("id: \"boulangerie-martin\"\nname: \"Boulangerie Martin\"\n"), yaml);
        assertTrue(yaml.contains("colors:\n  primary: \"#7A4B2A\"\n"), yaml);
        assertTrue(yaml.contains("  banned:\n    - \"industriel\"\n"), yaml);
        assertTrue(yaml.contains("social:\n  mastodon: \"@boulangeriemartin@mastodon.example\"\n"), yaml);
    }
}
