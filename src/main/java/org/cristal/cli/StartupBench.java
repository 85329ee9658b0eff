package org.cristal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the studio's start against an empty JavaFX window started the same way (same java, same
 * jar, same flags, or the same installed launcher), each in a fresh process, alternating so that both
 * see the same machine. Needs a display (run it under xvfb-run on a server).
 *
 * <p>Two clocks: from the JVM's own start (what the probe can see), and from the moment this bench
 * started the process (what a user double-clicking sees, the launcher's own work included).
 */
final class StartupBench {
    private static final Pattern STUDIO = Pattern.compile("startup studio (\\d+) ms, previews (\\d+) ms");
    private static final Pattern STUDIO_WALL = Pattern.compile("startup wall studio (\\d+) previews (\\d+)");
    private static final Pattern EMPTY = Pattern.compile("startup empty (\\d+) ms");
    private static final Pattern EMPTY_WALL = Pattern.compile("startup wall empty (\\d+)");
    private static final Pattern TYPING = Pattern.compile("^typing .*");

    /** What one start printed: times after the JVM started, and after the process was started. */
    private record Start(long jvm, long jvmPreviews, long wall, long wallPreviews) {
    }

    private final Path home;
    private final List<String> command;
    private final boolean launcher;

    private StartupBench(Path home, List<String> command, boolean launcher) {
        this.home = home;
        this.command = command;
        this.launcher = launcher;
    }

    /** The jar this class runs from, started by the same java; or {@code launcher} when given. */
    private static StartupBench of(Optional<Path> launcher) throws IOException {
        Path home = Files.createTempDirectory("cristal-startup");
        if (launcher.isPresent()) {
            if (!Files.isExecutable(launcher.get())) {
                throw new UserError(CliText.get("bench.noLauncher", launcher.get()));
            }
            return new StartupBench(home, List.of(launcher.get().toString()), true);
        }
        Path jar = BenchCommand.packagedJar("--startup N");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new StartupBench(home, List.of(java, "-jar", jar.toString()), false);
    }

    static void run(PrintWriter out, int runs, Optional<Path> launcher) throws IOException, InterruptedException {
        StartupBench bench = of(launcher);
        out.printf("startup of %s%n", String.join(" ", bench.command));
        List<Start> empty = new ArrayList<>();
        List<Start> studio = new ArrayList<>();
        // One unmeasured start each: the sample workspace is created and the disk cache warmed.
        bench.empty(List.of());
        bench.studio(List.of());
        for (int i = 0; i < runs; i++) {
            empty.add(bench.empty(List.of()));
            studio.add(bench.studio(List.of()));
        }
        out.printf("startup, %d runs each, median (min–max), ms%n", runs);
        bench.table(out, "", empty, studio);
        if (bench.launcher) {
            return;
        }
        // Class-data sharing archives, made by one run each, as an installer makes them.
        Path emptyCds = bench.home.resolve("empty.jsa");
        Path studioCds = bench.home.resolve("studio.jsa");
        bench.empty(List.of("-XX:ArchiveClassesAtExit=" + emptyCds));
        bench.studio(List.of("-XX:ArchiveClassesAtExit=" + studioCds));
        List<Start> emptyShared = new ArrayList<>();
        List<Start> studioShared = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            emptyShared.add(bench.empty(List.of("-XX:SharedArchiveFile=" + emptyCds)));
            studioShared.add(bench.studio(List.of("-XX:SharedArchiveFile=" + studioCds)));
        }
        out.printf("with an AppCDS archive each:%n");
        bench.table(out, "", emptyShared, studioShared);
    }

    /** {@code bench --typing N}: N words typed into a 1,500-word story in the running studio. */
    static void typing(PrintWriter out, int edits, Optional<Path> launcher) throws IOException, InterruptedException {
        StartupBench bench = of(launcher);
        out.printf("keystroke to painted previews in the studio (%s), %d edits:%n", String.join(" ", bench.command), edits);
        List<String> lines = bench.launch(List.of("-D" + "cristal.typingProbe=" + edits), false, TYPING);
        lines.forEach(out::println);
    }

    private void table(PrintWriter out, String indent, List<Start> empty, List<Start> studio) {
        out.printf("%s                                   from JVM start            from process start%n", indent);
        out.printf("%s  empty JavaFX window              %s   %s%n", indent, stats(empty, Start::jvm), stats(empty, Start::wall));
        out.printf("%s  studio, ready to type            %s   %s%n", indent, stats(studio, Start::jvm), stats(studio, Start::wall));
        out.printf("%s  studio, previews on screen       %s   %s%n", indent, stats(studio, Start::jvmPreviews),
                stats(studio, Start::wallPreviews));
        out.printf("%s  ratio ready / empty              %.2f                      %.2f%n", indent,
                median(studio, Start::jvm) / median(empty, Start::jvm), median(studio, Start::wall) / median(empty, Start::wall));
    }

    private Start empty(List<String> jvmFlags) throws IOException, InterruptedException {
        long started = System.currentTimeMillis();
        List<String> lines = launch(jvmFlags, true, EMPTY, EMPTY_WALL);
        long jvm = number(lines, EMPTY, 1);
        long wall = number(lines, EMPTY_WALL, 1) - started;
        return new Start(jvm, jvm, wall, wall);
    }

    private Start studio(List<String> jvmFlags) throws IOException, InterruptedException {
        long started = System.currentTimeMillis();
        List<String> lines = launch(jvmFlags, false, STUDIO, STUDIO_WALL);
        return new Start(number(lines, STUDIO, 1), number(lines, STUDIO, 2), number(lines, STUDIO_WALL, 1) - started,
                number(lines, STUDIO_WALL, 2) - started);
    }

    private static long number(List<String> lines, Pattern p, int group) {
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(group));
            }
        }
        throw new IllegalStateException("no line matching " + p);
    }

    /** Starts one process and returns the lines it printed that match any of {@code wanted}. */
    private List<String> launch(List<String> jvmFlags, boolean baseline, Pattern... wanted)
            throws IOException, InterruptedException {
        List<String> props = new ArrayList<>(jvmFlags);
        props.add("-Dcristal.startupProbe=true");
        props.add("-Dcristal.settings=" + home.resolve("settings.properties"));
        List<String> cmd = new ArrayList<>();
        if (launcher) {
            cmd.addAll(command);
        } else {
            cmd.add(command.get(0));
            cmd.addAll(props);
            cmd.addAll(command.subList(1, command.size()));
        }
        if (baseline) {
            cmd.add("--startup-baseline");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_DATA_HOME", home.toString());
        pb.environment().remove("CRISTAL_WORKSPACE");
        if (launcher) {
            // An installed launcher takes its own options; the JVM reads these on top of them.
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", props));
        }
        Process p = pb.start();
        StringBuilder all = new StringBuilder();
        List<String> found = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                for (Pattern w : wanted) {
                    if (w.matcher(line).find()) {
                        found.add(line);
                        break;
                    }
                }
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (found.isEmpty()) {
            throw new IOException("no figure from " + String.join(" ", cmd) + ":\n" + all);
        }
        return found;
    }

    private static double median(List<Start> starts, java.util.function.ToLongFunction<Start> field) {
        long[] v = starts.stream().mapToLong(field).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static String stats(List<Start> starts, java.util.function.ToLongFunction<Start> field) {
        long[] v = starts.stream().mapToLong(field).sorted().toArray();
        return String.format("%6.0f ms (%d–%d)", median(starts, field), v[0], v[v.length - 1]);
    }
}
