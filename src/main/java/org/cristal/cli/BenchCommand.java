package org.cristal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cristal.check.Checks;
import org.cristal.library.LibraryBench;
import org.cristal.render.CachingAssets;
import org.cristal.render.Images;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.AssetResolver;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cristal bench}: the figures of docs/performance.md. Renders a 1,500-word story many times
 * (after a warm-up) and builds and searches a large generated workspace.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure render times and workspace import/search on generated data.")
final class BenchCommand implements Callable<Integer> {
    private static final String SAMPLES = "/cristal-assets/samples/";

    @Spec
    CommandSpec spec;

    @Option(names = "--stories", defaultValue = "100000", description = "Stories in the generated workspace (default: ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--queries", defaultValue = "200", description = "Searches to time (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--iterations", defaultValue = "400", description = "Timed renders per channel group (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--words", defaultValue = "1500", description = "Length of the rendered story (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--startup", paramLabel = "RUNS", defaultValue = "0",
            description = "Only time the studio's start against an empty JavaFX window, RUNS times each (needs a display).")
    int startupRuns;

    @Option(names = "--memory", description = "Only measure the studio's resident memory after --memory-seconds, "
            + "with the launchers' options and without, on the sample workspace and a generated one of --stories "
            + "(0: the sample only; an existing --workspace-file is reused as it is); needs a display and the JDK's jcmd.")
    boolean memory;

    @Option(names = "--memory-seconds", defaultValue = "60", description = "How long the studio runs before its memory is read (default: ${DEFAULT-VALUE}).")
    int memorySeconds;

    @Option(names = "--jvm-options", defaultValue = "installers/jvm-options.txt", paramLabel = "FILE",
            description = "The launchers' Java options (default: ${DEFAULT-VALUE}, from the repository's root).")
    Path jvmOptions;
    @Option(names = "--launcher", paramLabel = "PATH",
            description = "With --startup, --typing or --cold-render: start this installed launcher (e.g. /opt/cristal/bin/Cristal) instead of java -jar.")
    Path launcher;
    @Option(names = "--typing", paramLabel = "EDITS", defaultValue = "0",
            description = "Only time keystroke to painted previews in the running studio, over EDITS typed words (needs a display).")
    int typingEdits;
    @Option(names = "--cold-render", paramLabel = "RUNS", defaultValue = "0",
            description = "Only time a cold `render --channel brochure` against Chromium printing the web page, RUNS times each.")
    int coldRuns;

    @Option(names = "--skip-workspace", description = "Only measure rendering.")
    boolean skipWorkspace;

    @Option(names = "--skip-spelling", description = "Do not measure the spelling and grammar check (LanguageTool).")
    boolean skipSpelling;

    @Option(names = "--audience", description = "Only measure the audience: segment counts and the contacts search.")
    boolean audienceOnly;

    @Option(names = "--dashboard", description = "Only measure a story's results dashboard (50 publications).")
    boolean dashboardOnly;

    @Option(names = "--cohorts", description = "Only measure the cohort table (--contacts contacts, five deliveries each).")
    boolean cohortsOnly;
    @Option(names = "--print", description = "Only measure personalised print: --print-copies brochures, "
            + "a first-name greeting and every body different, against one plain brochure.")
    boolean printOnly;

    @Option(names = "--print-copies", defaultValue = "1000", description = "Contacts for --print (default: ${DEFAULT-VALUE}).")
    int printCopies;

    @Option(names = "--contacts", defaultValue = "100000", description = "Contacts in the generated audience (default: ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--skip-audience", description = "Do not measure segment counts and the contacts search.")
    boolean skipAudience;

    @Option(names = "--results-import", description = "Only measure importing a web analytics report "
            + "(--results-rows lines, as a plain CSV and as a GA4 download).")
    boolean resultsImport;

    @Option(names = "--results-rows", defaultValue = "100000", description = "Lines of the generated analytics report (default: ${DEFAULT-VALUE}).")
    int resultsRows;

    @Option(names = "--workspace-file", paramLabel = "PATH", description = "Where to build the generated workspace (default: a temporary file, deleted after).")
    Path workspaceFile;

    @Option(names = "--migrate", paramLabel = "PATH", description = "Only time bringing PATH, a workspace from an older "
            + "Cristal (e.g. kept by an older build's --workspace-file), up to date, on a copy: PATH is not changed.")
    Path migrateFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("# Cristal bench — " + Instant.now() + ", Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        if (startupRuns > 0) {
            StartupBench.run(out, startupRuns, Optional.ofNullable(launcher));
            return CristalCli.OK;
        }
        if (typingEdits > 0) {
            StartupBench.typing(out, typingEdits, Optional.ofNullable(launcher));
            return CristalCli.OK;
        }
        if (coldRuns > 0) {
            ColdRenderBench.run(out, coldRuns, words, Optional.ofNullable(launcher));
            return CristalCli.OK;
        }
        if (memory) {
            MemoryBench.run(out, memorySeconds, stories, workspaceFile, jvmOptions);
            return CristalCli.OK;
        }
        if (audienceOnly) {
            AudienceBenchReport.run(out, contacts, Math.max(20, queries / 4));
            return CristalCli.OK;
        }
        if (resultsImport) {
            ResultsImportBenchReport.run(out, resultsRows, 5);
            return CristalCli.OK;
        }
        if (printOnly) {
            PrintBench.run(out, printCopies);
            return CristalCli.OK;
        }
        if (dashboardOnly) {
            DashboardBenchReport.run(out, Math.max(20, queries / 2));
            return CristalCli.OK;
        }
        if (cohortsOnly) {
            CohortsBenchReport.run(out, contacts, 10);
            return CristalCli.OK;
        }
        if (migrateFile != null) {
            migrationBench(out);
            return CristalCli.OK;
        }
        renderBench(out);
        if (!skipSpelling) {
            SpellingBench.run(out, longStory(words, "coffee-huila"), longStory(words, "boulangerie-levain"),
                    Math.max(20, iterations / 10));
        }
        if (!skipWorkspace) {
            workspaceBench(out);
        }
        if (!skipAudience) {
            AudienceBenchReport.run(out, contacts, Math.max(20, queries / 4));
        }
        return CristalCli.OK;
    }

    private void renderBench(PrintWriter out) throws StoryFormatException {
        String source = longStory(words);
        Brand brand = BrandParser.parse("harbor-pine", resource(SAMPLES + "brands/harbor-pine.yaml"));
        RenderOptions options = RenderOptions.at(Instant.parse("2026-11-23T09:00:00Z")).withAssets(samplesAssets());
        StoryDocument doc = StoryDocument.of(StoryParser.parse("bench", source));
        out.printf("story: %d words%n%n", doc.wordCount());

        int warmup = Math.max(50, iterations / 2);
        double[] parse = new double[iterations];
        double[] web = new double[iterations];
        double[] email = new double[iterations];
        double[] social = new double[iterations];
        double[] three = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
            long t0 = System.nanoTime();
            StoryDocument d = StoryDocument.of(StoryParser.parse("bench", source));
            long t1 = System.nanoTime();
            Renderers.WEB.render(d, brand, options);
            long t2 = System.nanoTime();
            Renderers.EMAIL.render(d, brand, options);
            long t3 = System.nanoTime();
            Renderers.SOCIAL.render(d, brand, options);
            long t4 = System.nanoTime();
            if (i >= 0) {
                parse[i] = ms(t1 - t0);
                web[i] = ms(t2 - t1);
                email[i] = ms(t3 - t2);
                social[i] = ms(t4 - t3);
                three[i] = ms(t4 - t1);
            }
        }
        // The content checks on the same story, against its text renditions (the brochure is not read).
        Renderers.All renditions = new Renderers.All(Renderers.WEB.render(doc, brand, options),
                Renderers.EMAIL.render(doc, brand, options), Renderers.SOCIAL.render(doc, brand, options), null);
        double[] checks = new double[iterations];
        int checkFindings = 0;
        for (int i = -warmup; i < iterations; i++) {
            long t0 = System.nanoTime();
            checkFindings = Checks.run(doc, brand, renditions).size();
            if (i >= 0) {
                checks[i] = ms(System.nanoTime() - t0);
            }
        }
        int pdfRuns = Math.max(20, iterations / 8);
        double[] brochure = new double[pdfRuns];
        for (int i = -Math.max(10, pdfRuns / 2); i < pdfRuns; i++) {
            long t0 = System.nanoTime();
            Renderers.BROCHURE.render(doc, brand, options);
            if (i >= 0) {
                brochure[i] = ms(System.nanoTime() - t0);
            }
        }
        out.println("| render (1 story) | median ms | p95 ms | max ms |");
        out.println("|---|---:|---:|---:|");
        row(out, "parse + sanitise (shared by all channels)", parse);
        row(out, "web", web);
        row(out, "email (HTML + text + MIME)", email);
        row(out, "social (5 networks)", social);
        row(out, "**web + email + social**", three);
        row(out, "brochure (PDF)", brochure);
        row(out, "content checks (readability, voice, accessibility, coherence; " + checkFindings + " findings)",
                checks);
        out.println();
    }

    private void migrationBench(PrintWriter out) throws IOException {
        Path scratch = Files.createTempDirectory("cristal-migrate");
        try {
            LibraryBench.Migration m = LibraryBench.migrate(migrateFile, scratch);
            out.println("| migration | figure |");
            out.println("|---|---:|");
            out.printf("| format | %d → %d |%n", m.fromVersion(), m.toVersion());
            out.printf("| open, migrate and compact | %.1f s |%n", m.openMillis() / 1000.0);
            out.printf("| file size | %.1f MB → %.1f MB |%n", m.beforeBytes() / 1e6, m.afterBytes() / 1e6);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(scratch.resolve("migrated.cristal" + suffix));
            }
            Files.deleteIfExists(scratch);
        }
    }

    private void workspaceBench(PrintWriter out) throws IOException {
        Path file = workspaceFile;
        Path tempDir = null;
        if (file == null) {
            tempDir = Files.createTempDirectory("cristal-bench");
            file = tempDir.resolve("bench.cristal");
        }
        try {
            LibraryBench.Result r = LibraryBench.run(file, stories, queries, 42);
            out.println("| workspace | figure |");
            out.println("|---|---:|");
            out.printf("| stories | %,d |%n", r.stories());
            out.printf("| import time | %.1f s (%,.0f stories/s) |%n", r.importMillis() / 1000.0, r.storiesPerSecond());
            out.printf("| search median (%d queries) | %.2f ms |%n", r.queries(), r.searchMedianMillis());
            out.printf("| search p95 | %.2f ms |%n", r.searchP95Millis());
            out.printf("| search max | %.2f ms |%n", r.searchMaxMillis());
            out.printf("| text of the stories (Markdown, UTF-8) | %.1f MB |%n", r.textBytes() / 1e6);
            out.printf("| file size | %.1f MB (%.2f× the text; target ≤ 2×) |%n", r.fileBytes() / 1e6, r.fileToText());
            out.printf("| reopen | %d ms |%n", r.reopenMillis());
        } finally {
            if (tempDir != null) {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(tempDir.resolve("bench.cristal" + suffix));
                }
                Files.deleteIfExists(tempDir);
            }
        }
    }

    static void row(PrintWriter out, String name, double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        out.printf("| %s | %.2f | %.2f | %.2f |%n", name, percentile(s, 50), percentile(s, 95), s[s.length - 1]);
    }

    static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * The jar this bench runs from, which the start-up, memory and cold-render benches start again in
     * fresh processes; {@code usage} says how to run it when the classes are not in a jar.
     */
    static Path packagedJar(String usage) throws IOException {
        Path jar;
        try {
            jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException("run the " + usage + " bench from the packaged jar (java -jar target/cristal.jar bench "
                    + usage + ")");
        }
        return jar;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The sample coffee story, its body repeated (with numbered headings) up to {@code words} words. */
    static String longStory(int words) throws StoryFormatException {
        return longStory(words, "coffee-huila");
    }

    /** A sample story, its body repeated (with numbered headings) up to {@code words} words. */
    static String longStory(int words, String sample) throws StoryFormatException {
        String source = new String(resource(SAMPLES + "stories/" + sample + ".md"), StandardCharsets.UTF_8);
        StoryDocument doc = StoryDocument.of(StoryParser.parse("bench", source));
        String body = doc.story().body();
        StringBuilder text = new StringBuilder(source);
        int total = doc.wordCount();
        for (int part = 2; total < words; part++) {
            text.append("\n\n## Part ").append(part).append("\n\n").append(body);
            total += doc.wordCount() + 2;
        }
        // Trim back to about the target by cutting whole paragraphs from the end.
        String s = text.toString();
        while (StoryDocument.of(StoryParser.parse("bench", s)).wordCount() > words + 40) {
            int cut = s.lastIndexOf("\n\n");
            if (cut < source.length()) {
                break;
            }
            s = s.substring(0, cut) + "\n";
        }
        return s;
    }

    /** The sample images, cached as the studio's preview caches them between keystrokes. */
    private static AssetResolver samplesAssets() {
        return new CachingAssets(ref -> {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            try (InputStream in = BenchCommand.class.getResourceAsStream(SAMPLES + "images/" + name)) {
                return in == null ? Optional.empty() : Optional.of(Images.asset(name, in.readAllBytes()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    static byte[] resource(String path) {
        try (InputStream in = BenchCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
