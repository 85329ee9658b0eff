package org.cristal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cristal.library.RenditionExport;
import org.cristal.render.Renderers;
import org.cristal.render.RenderOptions;
import org.cristal.story.Rendition;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryParser;

/**
 * {@code bench --cold-render N}: {@code cristal render STORY --channel brochure} in a fresh process
 * against Chromium printing the same story's exported web page to PDF, alternated so both see the same
 * machine; wall-clock time from starting the process to its exit. Each Chromium run gets a new profile.
 */
final class ColdRenderBench {
    private static final String SAMPLES = "/cristal-assets/samples/";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private ColdRenderBench() {
    }

    static void run(PrintWriter out, int runs, int words, Optional<Path> launcher) throws Exception {
        Path dir = Files.createTempDirectory("cristal-cold");
        Path story = sampleFolder(dir, words);
        Path web = dir.resolve("web");
        Rendition<?> page = Renderers.WEB.render(StoryDocument.of(StoryParser.parse("bench", Files.readString(story))),
                org.cristal.story.BrandParser.parse("harbor-pine", Files.readAllBytes(dir.resolve("brands/harbor-pine.yaml"))),
                RenderOptions.at(Instant.parse("2026-11-23T09:00:00Z")).withAssets(RenderCommand.Assets.forStory(story)));
        Path html = RenditionExport.write(web, page).stream().filter(p -> p.toString().endsWith(".html")).findFirst()
                .orElseThrow();

        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> cristal = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = BenchCommand.packagedJar("--cold-render N").toString();
        List<String> render = List.of("render", story.toString(), "--channel", "brochure", "--out", dir.resolve("out").toString(),
                "--date", "2026-11-23T09:00:00Z");
        if (launcher.isPresent()) {
            cristal.add(launcher.get().toString());
            cristal.addAll(render);
            Path real = launcher.get().toRealPath();
            commands.put("cristal render --channel brochure (" + launcher.get()
                    + (real.equals(launcher.get().toAbsolutePath()) ? "" : " → " + real) + ")", cristal);
            // The installed command's own launcher against the studio's beside it, which ran it before ADR 0021.
            Path studio = real.resolveSibling(real.getFileName().toString().endsWith(".exe") ? "Cristal.exe" : "Cristal");
            if (!studio.equals(real) && Files.isExecutable(studio)) {
                List<String> before = new ArrayList<>(List.of(studio.toString()));
                before.addAll(render);
                commands.put("same through the studio's launcher (" + studio + ")", before);
            }
        } else {
            cristal.addAll(List.of(java, "-jar", jar));
            cristal.addAll(render);
            commands.put("cristal render --channel brochure (java -jar)", cristal);
            // As an installer would ship it: a class-data archive made by one run of the same command.
            Path jsa = dir.resolve("cli.jsa");
            List<String> train = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar));
            train.addAll(render);
            time(train, dir);
            List<String> cds = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + jsa, "-jar", jar));
            cds.addAll(render);
            commands.put("same, with an AppCDS archive", cds);
            List<String> c1 = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1",
                    "-jar", jar));
            c1.addAll(render);
            commands.put("same, AppCDS + -XX:TieredStopAtLevel=1", c1);
        }
        if (Files.isExecutable(Path.of(CHROMIUM))) {
            commands.put("chromium --headless --print-to-pdf (web page)", null);
        } else {
            out.println("chromium not found at " + CHROMIUM + ": only Cristal is timed");
        }
        String loadBefore = loadAverage();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        commands.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int i = -1; i < runs; i++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                List<String> cmd = c.getValue() == null ? chromium(dir.resolve("profile-" + i + "-" + System.nanoTime()),
                        html, dir.resolve("chromium.pdf")) : c.getValue();
                long ms = time(cmd, dir);
                if (i >= 0) {
                    times.get(c.getKey()).add(ms);
                }
            }
        }
        out.printf("cold start, story of %d words, brochure PDF; %d runs each after one unmeasured, alternated; wall ms median (min–max):%n",
                words, runs);
        out.println("  load average before / after: " + loadBefore + " / " + loadAverage());
        times.forEach((name, v) -> {
            long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
            out.printf("  %-55s %6.0f ms (%d–%d)%n", name, median, s[0], s[s.length - 1]);
        });
        delete(dir);
    }

    /** The machine's load (1, 5, 15 min) where Linux tells it: a timing on a busy machine means little. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> chromium(Path profile, Path html, Path pdf) {
        return List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", html.toUri().toString());
    }

    /** Runs a command to its end; returns its wall-clock time in ms, or fails with what it printed. */
    private static long time(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("run.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + String.join(" ", cmd) + ":\n" + Files.readString(log));
        }
        return ms;
    }

    /** The bench story in a folder laid out like the samples: stories/, images/, brands/. */
    private static Path sampleFolder(Path dir, int words) throws Exception {
        for (String line : new String(BenchCommand.resource(SAMPLES + "index.txt"), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#") || name.startsWith("stories/")) {
                continue;
            }
            Path to = dir.resolve(name);
            Files.createDirectories(to.getParent());
            try (InputStream in = ColdRenderBench.class.getResourceAsStream(SAMPLES + name)) {
                Files.copy(in, to);
            }
        }
        Path story = dir.resolve("stories/bench.md");
        Files.createDirectories(story.getParent());
        Files.writeString(story, BenchCommand.longStory(words));
        return story;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
