package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line end to end, on every story of the corpus and on the hostile inputs. */
class RenderCommandTest {
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

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    static List<Path> stories() {
        return Corpus.storyFiles();
    }

    @ParameterizedTest
    @MethodSource("stories")
    void everyCorpusStoryRendersToEveryChannel(Path story, @TempDir Path out) throws Exception {
        CliRun r = cli("render", story.toString(), "--channel", "all", "--out", out.toString(), "--date",
                "2026-11-23T09:00:00Z");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("web/index.html", "email/email.html", "email/email.txt", "email/email.eml",
                "social/x.txt", "social/mastodon.txt", "social/bluesky.txt", "social/linkedin.txt",
                "brochure/brochure.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String title = org.cristal.story.StoryParser.parse("", Files.readAllBytes(story)).title();
        // French stories get no-break spaces before : ; ! ? (FrenchSpacing): compare without spaces.
        String spaces = "(\\s|&nbsp;|\u00a0|\u202f)+";
        assertTrue(Files.readString(out.resolve("web/index.html")).replaceAll(spaces, "").contains(
                org.cristal.story.HtmlSanitizer.escape(title).replaceAll(spaces, "")), "web page has the title");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("brochure/brochure.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            String firstWord = title.split(" ")[0];
            assertTrue(text.contains(firstWord), "brochure has the title");
        }
        assertTrue(r.out().contains("Wrote"), r.out());
    }

    @Test
    void printReadyA5FlyerHasBleedAndTrimBox(@TempDir Path out) throws Exception {
        CliRun r = cli("render", Corpus.story("velo-atelier-solidaire").toString(), "--channel", "brochure",
                "--paper", "a5", "--print-ready", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument pdf = Loader.loadPDF(out.resolve("brochure/brochure.pdf").toFile())) {
            double mm = 72 / 25.4;
            assertEquals(154 * mm, pdf.getPage(0).getMediaBox().getWidth(), 0.5, "A5 + 2 × 3 mm bleed");
            assertEquals(148 * mm, pdf.getPage(0).getTrimBox().getWidth(), 0.5);
        }
    }

    @Test
    void triFoldPaperPrintsOneLandscapeSheetOnBothSides(@TempDir Path out) throws Exception {
        CliRun r = cli("render", Corpus.story("boulangerie-levain").toString(), "--channel", "brochure",
                "--paper", "tri-fold", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument pdf = Loader.loadPDF(out.resolve("brochure/brochure.pdf").toFile())) {
            assertEquals(2, pdf.getNumberOfPages());
            assertEquals(297 * 72 / 25.4, pdf.getPage(0).getMediaBox().getWidth(), 0.5);
        }
    }

    @Test
    void forcedA4StaysA4ForAUsBrandWhilePlainA4BecomesLetter(@TempDir Path out) throws Exception {
        String story = Corpus.story("coffee-huila").toString();
        CliRun forced = cli("render", story, "--channel", "brochure", "--paper", "a4-force", "--out",
                out.resolve("forced").toString());
        assertEquals(0, forced.code(), forced.err());
        CliRun plain = cli("render", story, "--channel", "brochure", "--paper", "a4", "--out",
                out.resolve("plain").toString());
        assertEquals(0, plain.code(), plain.err());
        try (PDDocument a4 = Loader.loadPDF(out.resolve("forced/brochure/brochure.pdf").toFile());
                PDDocument letter = Loader.loadPDF(out.resolve("plain/brochure/brochure.pdf").toFile())) {
            assertEquals(595, a4.getPage(0).getMediaBox().getWidth(), 1);
            assertEquals(612, letter.getPage(0).getMediaBox().getWidth(), 1);
        }
    }

    @Test
    void unknownPaperIsRefusedWithTheSizesToChooseFrom(@TempDir Path out) {
        CliRun r = cli("render", Corpus.story("coffee-huila").toString(), "--channel", "brochure", "--paper", "b5",
                "--out", out.toString());
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("tri-fold") && r.err().contains("b5"), r.err());
    }

    @Test
    void heroImageIsCopiedNextToTheWebPage(@TempDir Path out) throws Exception {
        CliRun r = cli("render", Corpus.story("boulangerie-levain").toString(), "--channel", "web", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("web/images/hero-levain.jpg")));
        assertFalse(Files.exists(out.resolve("email")), "only the asked channel is written");
    }

    @Test
    void socialThreadsSeparatePostsWithADashLine(@TempDir Path out) throws Exception {
        CliRun r = cli("render", Corpus.story("coffee-huila").toString(), "--channel", "social", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        String linkedin = Files.readString(out.resolve("social/linkedin.txt"), StandardCharsets.UTF_8);
        assertTrue(linkedin.contains("harborpine.example"), linkedin);
    }

    @Test
    void findingsArePrintedWithFileAndLine(@TempDir Path out) {
        CliRun r = cli("render", Corpus.story("edge-cases").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("edge-cases.md:" + Corpus.lineOf("edge-cases", "missing.png") + ":"),
                "missing image reported at its line:\n" + r.out());
    }

    @Test
    void contentChecksArePrintedWithTheRenderFindings(@TempDir Path out) {
        // The bakery story says "une farine industrielle" on line 29; the brand kit bans "industriel".
        CliRun r = cli("render", Corpus.story("boulangerie-levain").toString(), "--channel", "web", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("boulangerie-levain.md:29:") && r.out().contains("industrielle"), r.out());
    }

    @Test
    void brokenFrontMatterIsOneClearLineAndExitTwo(@TempDir Path out) {
        CliRun r = cli("render", Corpus.root().resolve("bad/broken-front-matter.md").toString(), "--out",
                out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken-front-matter.md") && r.err().contains("Line "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void hostileFilesAreRefusedOrRenderedButNeverCrash(@TempDir Path dir) throws Exception {
        Path bad = Corpus.hostileInputs(dir.resolve("bad"));
        for (String name : List.of("invalid-utf8.md", "random-binary.md")) {
            CliRun r = cli("render", bad.resolve(name).toString(), "--out", dir.resolve("out").toString());
            assertEquals(2, r.code(), name + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        CliRun bomb = cli("render", Corpus.root().resolve("bad/yaml-bomb.md").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, bomb.code());
        assertTrue(bomb.err().contains("alias"), bomb.err());
        CliRun xss = cli("render", Corpus.root().resolve("bad/xss.md").toString(), "--out",
                dir.resolve("xss").toString());
        assertEquals(0, xss.code(), xss.err());
        String page = Files.readString(dir.resolve("xss/web/index.html"));
        // The one script element is the page's JSON-LD data block, which browsers never run.
        assertEquals(java.util.List.of("application/ld+json"),
                org.jsoup.Jsoup.parse(page).select("script").eachAttr("type"), "no script in the page");
        assertFalse(page.contains("<script>"), "the story's script tags are gone or escaped");
    }

    @Test
    void aBrandIdThatIsAPathIsNotFollowed(@TempDir Path dir) throws Exception {
        Path stories = Files.createDirectories(dir.resolve("client/stories"));
        Files.createDirectories(dir.resolve("client/brands"));
        Files.writeString(dir.resolve("secret.yaml"), "name: \"SECRET-BRAND-NAME\"\n");
        Path story = stories.resolve("s.md");
        Files.writeString(story, "---\ntitle: T\nbrand: ../../secret\n---\nBody.\n");
        CliRun r = cli("render", story.toString(), "--channel", "web", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not found"), r.out());
        assertFalse(Files.readString(dir.resolve("out/web/index.html")).contains("SECRET-BRAND-NAME"));
    }

    @Test
    void missingFileAndUnknownChannelAreBadInput(@TempDir Path out) {
        assertEquals(2, cli("render", out.resolve("nope.md").toString(), "--out", out.toString()).code());
        CliRun r = cli("render", Corpus.story("osteo-samedi").toString(), "--channel", "fax", "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("fax"), r.err());
        assertEquals(2, cli("render").code(), "missing arguments");
    }

    @Test
    void messagesFollowTheLanguage(@TempDir Path out) {
        Locale.setDefault(Locale.FRENCH);
        try {
            CliRun r = cli("render", out.resolve("absent.md").toString(), "--out", out.toString());
            assertTrue(r.err().contains("Fichier introuvable"), r.err());
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }

    @Test
    void spellingFindingsArePrintedAtTheirLineOnlyWithTheSpellingOption(@TempDir Path dir) throws Exception {
        Path story = dir.resolve("fournil.md");
        java.nio.file.Files.writeString(story, "---\ntitle: Le fournil\nlang: fr\n---\n"
                + "Chaque matin, nous cuisons le pain.\n\nLe boulanjer ouvre à 7 heures.\n");
        CliRun with = cli("render", story.toString(), "--channel", "web", "--spelling", "--out",
                dir.resolve("a").toString());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains("fournil.md:7:") && with.out().contains("boulanjer")
                && with.out().contains("boulanger"), with.out());
        CliRun without = cli("render", story.toString(), "--channel", "web", "--out", dir.resolve("b").toString());
        assertEquals(0, without.code(), without.err());
        assertFalse(without.out().contains("boulanjer"), without.out());
    }
}
