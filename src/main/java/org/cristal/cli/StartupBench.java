package org.cristal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the studio's start against an empty JavaFX window started the same way (same java, same
 * jar, same flags), each in a fresh JVM, alternating so that both see the same machine. Needs a
 * display (run it under xvfb-run on a server).
 */
final class StartupBench {
    private static final Pattern STUDIO = Pattern.compile("startup studio (\\d+) ms, previews (\\d+) ms");
    private static final Pattern EMPTY = Pattern.compile("startup empty (\\d+) ms");

    private StartupBench() {
    }

    static void run(PrintWriter out, int runs) throws IOException, InterruptedException {
        Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        if (!Files.isRegularFile(jar)) {
            throw new IOException("run the startup bench from the packaged jar (java -jar target/cristal.jar bench --startup N)");
        }
        Path home = Files.createTempDirectory("cristal-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Class-data sharing archives, made by one run each, as an installer would make them.
        Path emptyCds = home.resolve("empty.jsa");
        Path studioCds = home.resolve("studio.jsa");
        launch(java, jar, home, true, EMPTY, "-XX:ArchiveClassesAtExit=" + emptyCds);
        launch(java, jar, home, false, STUDIO, "-XX:ArchiveClassesAtExit=" + studioCds);
        List<Long> empty = new ArrayList<>();
        List<Long> usable = new ArrayList<>();
        List<Long> previews = new ArrayList<>();
        List<Long> emptyShared = new ArrayList<>();
        List<Long> usableShared = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            empty.add(Long.parseLong(launch(java, jar, home, true, EMPTY, "-Xshare:auto").group(1)));
            Matcher s = launch(java, jar, home, false, STUDIO, "-Xshare:auto");
            usable.add(Long.parseLong(s.group(1)));
            previews.add(Long.parseLong(s.group(2)));
            emptyShared.add(Long.parseLong(launch(java, jar, home, true, EMPTY,
                    "-XX:SharedArchiveFile=" + emptyCds).group(1)));
            usableShared.add(Long.parseLong(launch(java, jar, home, false, STUDIO,
                    "-XX:SharedArchiveFile=" + studioCds).group(1)));
        }
        out.printf("startup, %d runs each, median (min–max), ms after the JVM started:%n", runs);
        out.printf("  empty JavaFX window              %s%n", stats(empty));
        out.printf("  studio, ready to type            %s%n", stats(usable));
        out.printf("  studio, previews filled          %s%n", stats(previews));
        out.printf("  ratio ready / empty              %.2f%n", median(usable) / median(empty));
        out.printf("  with an AppCDS archive each:%n");
        out.printf("  empty JavaFX window              %s%n", stats(emptyShared));
        out.printf("  studio, ready to type            %s%n", stats(usableShared));
        out.printf("  ratio ready / empty              %.2f%n", median(usableShared) / median(emptyShared));
    }

    private static Matcher launch(String java, Path jar, Path home, boolean baseline, Pattern expect, String jvmFlag)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, jvmFlag, "-Dcristal.startupProbe=true",
                "-Dcristal.settings=" + home.resolve("settings.properties"), "-jar", jar.toString()));
        if (baseline) {
            cmd.add("--startup-baseline");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_DATA_HOME", home.toString());
        Process p = pb.start();
        StringBuilder all = new StringBuilder();
        Matcher found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                Matcher m = expect.matcher(line);
                if (m.find()) {
                    found = m;
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (found == null) {
            throw new IOException("no startup figure from " + String.join(" ", cmd) + ":\n" + all);
        }
        return found;
    }

    private static double median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static String stats(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%6.0f ms (%d–%d)", median(values), v[0], v[v.length - 1]) + "  " + Arrays.toString(v);
    }
}
