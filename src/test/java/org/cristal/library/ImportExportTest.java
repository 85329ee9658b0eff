package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cristal.story.Asset;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {
    @TempDir
    Path dir;

    /** The corpus (stories, brands, images) plus hostile files dropped among the stories. */
    private Path corpusWithBadFiles() throws IOException {
        Path root = dir.resolve("corpus");
        for (String sub : List.of("stories", "brands", "images")) {
            Files.createDirectories(root.resolve(sub));
            try (Stream<Path> s = Files.list(Corpus.root().resolve(sub))) {
                for (Path p : s.toList()) {
                    Files.copy(p, root.resolve(sub).resolve(p.getFileName()));
                }
            }
        }
        Path bad = Corpus.hostileInputs(dir.resolve("bad"));
        for (String name : List.of("invalid-utf8.md", "random-binary.md")) {
            Files.copy(bad.resolve(name), root.resolve("stories").resolve(name));
        }
        for (String name : List.of("broken-front-matter.md", "yaml-bomb.md", "xss.md")) {
            Files.copy(Corpus.root().resolve("bad").resolve(name), root.resolve("stories").resolve(name));
        }
        return root;
    }

    @Test
    void corpusImportsAndBadFilesAreSkippedWithTheirReasonAndLine() throws Exception {
        Path root = corpusWithBadFiles();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Importer(ws, Locale.ENGLISH).importFolder(root));
            assertEquals(Corpus.storyFiles().size() + 1, r.stories().size(), r.toString());
            assertTrue(r.stories().contains("xss"), "hostile but well-formed text is stored, it is inert data");
            Map<String, ImportResult.Skipped> skipped = r.skipped().stream()
                    .collect(Collectors.toMap(ImportResult.Skipped::file, Function.identity()));
            assertEquals(List.of("stories/broken-front-matter.md", "stories/invalid-utf8.md",
                    "stories/random-binary.md", "stories/yaml-bomb.md"), skipped.keySet().stream().sorted().toList());
            ImportResult.Skipped utf8 = skipped.get("stories/invalid-utf8.md");
            assertEquals("story.error.utf8", utf8.key());
            assertEquals(3, utf8.line(), "the first bad byte: the title's é, saved in Latin-1");
            assertTrue(utf8.reason().contains("not valid UTF-8"), utf8.reason());
            assertTrue(skipped.get("stories/broken-front-matter.md").line() > 0);
            assertEquals("yaml.error.aliases", skipped.get("stories/yaml-bomb.md").key());
            assertEquals(List.of("stories/edge-cases.md: ../images/missing.png",
                    "stories/xss.md: javascript:alert('hero')", "stories/xss.md: file:///etc/passwd"),
                    r.missingImages(), "a javascript: or file: reference is never read, only reported");
            assertEquals(5, r.brands().size());
            assertEquals(Corpus.storyFiles().size() + 1, ws.stories().count());

            StoredAsset hero = ws.assets().get("images/hero-levain.jpg").orElseThrow();
            assertEquals("image/jpeg", hero.mediaType());
            assertTrue(hero.width() > 0 && hero.height() > 0);
            assertEquals("Une miche de pain au levain posée sur une planche en bois, farinée", hero.alt());
            assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")), hero.bytes());
            assertTrue(ws.assets().get("images/logo-martin.png").isPresent(), "brand logos come along");
            assertEquals(Files.readString(Corpus.story("boulangerie-levain")),
                    ws.stories().get("boulangerie-levain").orElseThrow().source());
        }
    }

    @Test
    void skipReasonsAreLocalizedInFrench() throws Exception {
        Path root = corpusWithBadFiles();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ImportResult r = new Importer(ws, Locale.FRENCH).importFolder(root);
            ImportResult.Skipped utf8 = r.skipped().stream().filter(s -> s.file().endsWith("invalid-utf8.md"))
                    .findFirst().orElseThrow();
            assertTrue(utf8.reason().startsWith("Ligne 3"), utf8.reason());
            assertTrue(utf8.reason().contains("UTF-8 valide"), utf8.reason());
        }
    }

    @Test
    void exportThenReimportIsLossless() throws Exception {
        Path root = corpusWithBadFiles();
        Path out = dir.resolve("export");
        try (Workspace first = Workspace.open(dir.resolve("first.cristal"))) {
            new Importer(first, Locale.ENGLISH).importFolder(root);
            ExportResult exported = new Exporter(first, Locale.ENGLISH).exportAll(out);
            assertEquals(List.of(), exported.skipped());
            for (Path story : Corpus.storyFiles()) {
                assertArrayEquals(Files.readAllBytes(story), Files.readAllBytes(out.resolve("stories")
                        .resolve(story.getFileName())), "exported text is the imported file, byte for byte");
            }
            assertArrayEquals(Files.readAllBytes(Corpus.brand("harbor-pine")),
                    Files.readAllBytes(out.resolve("brands/harbor-pine.yaml")));
            assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-velo.jpg")),
                    Files.readAllBytes(out.resolve("images/hero-velo.jpg")), "images land where stories point");
            try (Workspace second = Workspace.open(dir.resolve("second.cristal"))) {
                ImportResult again = new Importer(second, Locale.ENGLISH).importFolder(out);
                assertEquals(List.of(), again.skipped());
                assertEquals(first.stories().count(), second.stories().count());
                for (StorySummary s : first.stories().list()) {
                    assertEquals(first.stories().get(s.id()).orElseThrow().source(),
                            second.stories().get(s.id()).orElseThrow().source(), s.id());
                }
                assertEquals(first.assets().names(), second.assets().names());
                for (String name : first.assets().names()) {
                    StoredAsset a = first.assets().get(name).orElseThrow();
                    StoredAsset b = second.assets().get(name).orElseThrow();
                    assertArrayEquals(a.bytes(), b.bytes(), name);
                    assertEquals(a.sha256(), b.sha256());
                }
                for (var brand : first.brands().list()) {
                    assertEquals(first.brands().source(brand.id()), second.brands().source(brand.id()));
                }
            }
        }
    }

    @Test
    void flatFolderOfMarkdownImportsWithItsPictures() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.createDirectories(flat.resolve("pics"));
        Files.copy(Corpus.images().resolve("logo-velo.png"), flat.resolve("pics/velo.png"));
        Files.writeString(flat.resolve("note-one.md"), "# Première note\n\n![Le logo](pics/velo.png)\n");
        Files.writeString(flat.resolve("note-two.md"), "---\ntitle: Deuxième\nimage: pics/velo.png\n---\nTexte.\n");
        Files.writeString(flat.resolve("readme.txt"), "not a story");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ImportResult r = new Importer(ws, Locale.ENGLISH).importFolder(flat);
            assertEquals(List.of("note-one", "note-two"), r.stories());
            assertEquals(List.of("pics/velo.png"), r.assets());
            assertEquals("Le logo", ws.assets().get("pics/velo.png").orElseThrow().alt());
            Asset resolved = ws.assetResolver().resolve("pics/velo.png").orElseThrow();
            assertTrue(resolved.isImage());
        }
    }

    @Test
    void importNeverReadsOutsideTheFolder() throws Exception {
        Path root = Files.createDirectories(dir.resolve("inside/stories"));
        Files.writeString(dir.resolve("secret.png"), "secret");
        Files.writeString(root.resolve("s.md"), "# S\n\n![x](../../secret.png) ![y](/etc/passwd) ![z](file:///etc/passwd)\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ImportResult r = new Importer(ws, Locale.ENGLISH).importFolder(dir.resolve("inside"));
            assertEquals(List.of("s"), r.stories());
            assertEquals(List.of(), ws.assets().names());
        }
    }

    @Test
    void workspaceAssetsResolveStoryReferencesAndNothingElse() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            byte[] png = Files.readAllBytes(Corpus.images().resolve("logo-martin.png"));
            ws.assets().put("../images/logo-martin.png", png, "Logo");
            assertEquals(List.of("images/logo-martin.png"), ws.assets().names());
            Asset a = ws.assetResolver().resolve("../images/logo-martin.png").orElseThrow();
            assertEquals("logo-martin.png", a.name());
            assertEquals("image/png", a.mediaType());
            assertTrue(a.width() > 0);
            assertTrue(ws.assetResolver().resolve("logo-martin.png").isPresent(), "file-name fallback");
            assertTrue(ws.assetResolver().resolve("elsewhere/logo-martin.png?v=2").isPresent());
            for (String ref : List.of("/etc/passwd", "https://example.com/logo-martin.png",
                    "file:///images/logo-martin.png", "", "..", "images/other.png")) {
                assertTrue(ws.assetResolver().resolve(ref).isEmpty(), ref);
            }
        }
    }

    @Test
    void picturesWithTheSameFileNameInDifferentFoldersAreNeverMixedUp() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("stories/photos"));
        Files.createDirectories(in.resolve("images"));
        byte[] levain = Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg"));
        byte[] velo = Files.readAllBytes(Corpus.images().resolve("hero-velo.jpg"));
        Files.write(in.resolve("images/hero.jpg"), levain);
        Files.write(in.resolve("stories/photos/hero.jpg"), velo);
        Files.writeString(in.resolve("stories/a.md"), "---\ntitle: A\nimage: ../images/hero.jpg\n---\nA\n");
        Files.writeString(in.resolve("stories/b.md"), "---\ntitle: B\nimage: photos/hero.jpg\n---\nB\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            new Importer(ws, java.util.Locale.ENGLISH).importFolder(in);
            assertArrayEquals(levain, ws.assetResolver().resolve("../images/hero.jpg").orElseThrow().bytes());
            assertArrayEquals(velo, ws.assetResolver().resolve("photos/hero.jpg").orElseThrow().bytes());
            assertTrue(ws.assetResolver().resolve("elsewhere/hero.jpg").isEmpty(),
                    "an ambiguous file name finds nothing rather than the wrong picture");
        }
    }

    @Test
    void pictureNamesWithSpacesAndAccentsResolveAsWrittenAndAsEncoded() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("photos"));
        byte[] velo = Files.readAllBytes(Corpus.images().resolve("hero-velo.jpg"));
        Files.write(in.resolve("photos/Photo été.jpg"), velo);
        Files.writeString(in.resolve("s.md"), "---\ntitle: S\n---\n![Été](photos/Photo%20%C3%A9t%C3%A9.jpg)\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ImportResult r = new Importer(ws, java.util.Locale.ENGLISH).importFolder(in);
            assertEquals(List.of("photos/Photo été.jpg"), ws.assets().names(), r.toString());
            assertArrayEquals(velo, ws.assetResolver().resolve("photos/Photo été.jpg").orElseThrow().bytes());
            // As written in the story, percent-encoded.
            assertArrayEquals(velo,
                    ws.assetResolver().resolve("photos/Photo%20%C3%A9t%C3%A9.jpg").orElseThrow().bytes());
        }
        assertTrue(new FileAssets(in, in).resolve("photos/Photo%20%C3%A9t%C3%A9.jpg").isPresent());
    }

    @Test
    void exportNeverWritesOutsideTheFolder() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.assets().put("images/x.png", Files.readAllBytes(Corpus.images().resolve("logo-velo.png")), "");
            ws.stories().save("escape", "# Évasion\n\n![x](../../../x.png)\n");
            Path out = dir.resolve("out");
            ExportResult r = new Exporter(ws, Locale.ENGLISH).exportStory("escape", out);
            assertEquals(1, r.skipped().size(), r.toString());
            assertTrue(r.skipped().get(0).contains("outside the export folder"));
            assertFalse(Files.exists(dir.resolve("x.png")));
            assertEquals("# Évasion\n\n![x](../../../x.png)\n",
                    Files.readString(out.resolve("stories/escape.md"), StandardCharsets.UTF_8));
        }
    }
}
