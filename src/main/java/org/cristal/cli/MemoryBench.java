package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.LibraryBench;

/**
 * Resident memory of the studio: each run a fresh JVM on the packaged jar, left alone for a while
 * (previews filled, spelling checked), then its memory read from {@code /proc/PID/status} and the Java
 * heap from {@code jcmd GC.heap_info}, before and after a full collection (what is really alive). Once
 * with the launchers' options (installers/jvm-options.txt) and once with none, on the sample workspace
 * and on a generated large one. Linux only; needs a display (xvfb-run is enough) and the JDK's jcmd.
 */
final class MemoryBench {
    private static final Pattern POOL = Pattern.compile("^\\s*(\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");
    /** A mapping's first line: address range, permissions, offset, device, inode, then the path if any. */
    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ \\S+ \\S+ \\S+ \\d+\\s*(.*)$");
    static final String ANON = "anonymous";
    private static final String[] STATUS = {"VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"};
    /** Under a tenth of a second of CPU in two seconds (clock ticks are hundredths on Linux): idle. */
    private static final long IDLE_TICKS = 10;

    private MemoryBench() {
    }

    /** One studio measured: the /proc figures (kB) and the heap figures (kB). */
    record Figures(Map<String, Long> status, long heapUsed, long heapCommitted, long heapLive, long rssAfterGc,
            long seconds, long metaspaceCommitted, Map<String, Long> mappings) {
        long mb(String key) {
            return status.getOrDefault(key, -1L) / 1024;
        }
    }

    static void run(PrintWriter out, int seconds, int stories, Path workspaceFile, Path optionsFile)
            throws IOException, InterruptedException {
        Path jar = BenchCommand.packagedJar("--memory");
        List<String> options = options(optionsFile);
        out.printf("launcher options (%s): %s%n", optionsFile, String.join(" ", options));
        out.flush();
        Path big = null;
        Path temp = null;
        if (stories > 0) {
            big = workspaceFile;
            if (big == null) {
                temp = Files.createTempDirectory("cristal-memory");
                big = temp.resolve("large.cristal");
            }
            if (!Files.isRegularFile(big) || Files.size(big) == 0) {
                out.printf("generating a %,d-story workspace at %s…%n", stories, big);
                out.flush();
                LibraryBench.run(big, stories, 0, 42);
            }
        }
        try {
            out.printf("%nmemory of the studio at least %d s after launch and once idle (MB; RSS from /proc/PID/status, "
                    + "heap from jcmd GC.heap_info; live and the last RSS after a full GC):%n%n", seconds);
            out.println("| workspace | JVM options | s | RSS | peak RSS | anon / file / shmem | heap used | heap committed "
                    + "| heap live | RSS after full GC |");
            out.println("|---|---|---:|---:|---:|---|---:|---:|---:|---:|");
            out.flush();
            String sample = "sample stories";
            row(out, sample, "none (plain java -jar)", measure(jar, List.of(), null, seconds));
            Figures small = measure(jar, options, null, seconds);
            row(out, sample, "installers/jvm-options.txt", small);
            Figures large = null;
            if (big != null) {
                String name = String.format("%,d stories", stories);
                row(out, name, "none (plain java -jar)", measure(jar, List.of(), big, seconds));
                large = measure(jar, options, big, seconds);
                row(out, name, "installers/jvm-options.txt", large);
            }
            breakdown(out, sample, small);
            if (large != null) {
                breakdown(out, String.format("%,d stories", stories), large);
            }
        } finally {
            if (temp != null) {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(temp.resolve("large.cristal" + suffix));
                }
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void row(PrintWriter out, String workspace, String options, Figures f) {
        out.printf("| %s | %s | %d | **%d** | %d | %d / %d / %d | %d | %d | %d | %d |%n", workspace, options, f.seconds(),
                f.mb("VmRSS"), f.mb("VmHWM"), f.mb("RssAnon"), f.mb("RssFile"), f.mb("RssShmem"), f.heapUsed() / 1024,
                f.heapCommitted() / 1024, f.heapLive() / 1024, f.rssAfterGc() / 1024);
        out.flush();
    }

    /**
     * Where the resident memory of a studio with the launchers' options goes (MB, before the full collection):
     * the Java heap and metaspace as the JVM committed them, the rest of the anonymous memory (compiled code,
     * symbols, thread stacks, and what native libraries allocate: WebKit, fonts, SQLite's page cache), and the
     * file-backed pages of the largest mapped files (WebKit's library, the OpenGL driver, the JVM, CDS archives).
     */
    private static void breakdown(PrintWriter out, String workspace, Figures f) {
        long heap = f.heapCommitted() / 1024;
        long meta = f.metaspaceCommitted() / 1024;
        long anon = f.mappings().getOrDefault(ANON, 0L) / 1024;
        out.printf("%nwhere the %d MB go (%s, launcher options): Java heap committed %d, metaspace committed %d, "
                + "other anonymous memory %d (code, symbols, stacks, native allocations)", f.mb("VmRSS"), workspace,
                heap, meta, Math.max(0, anon - heap - meta));
        f.mappings().entrySet().stream().filter(e -> !e.getKey().equals(ANON))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.printf(", %s %d", e.getKey(), e.getValue() / 1024));
        out.println();
        out.flush();
    }

    /**
     * The options of installers/jvm-options.txt, one a line, # comments left out. Lines naming
     * {@code $APPDIR} (the AppCDS archive the installer build makes) only exist in an installed app.
     */
    static List<String> options(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#") && !option.contains("$APPDIR")) {
                out.add(option);
            }
        }
        return out;
    }

    private static Figures measure(Path jar, List<String> options, Path workspace, int seconds)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("cristal-memory-home");
        // Settings of a user past the first run: no welcome dialog waiting in front of the window.
        Files.writeString(home.resolve("settings.properties"), "welcome.shown=true\n");
        String bin = Path.of(System.getProperty("java.home"), "bin").toString();
        List<String> cmd = new ArrayList<>(List.of(Path.of(bin, "java").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("-Dcristal.settings=" + home.resolve("settings.properties"), "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("studio.log").toFile());
        pb.environment().put("XDG_DATA_HOME", home.toString());
        if (workspace != null) {
            pb.environment().put("CRISTAL_WORKSPACE", workspace.toString());
        } else {
            pb.environment().remove("CRISTAL_WORKSPACE");
        }
        Process p = pb.start();
        try {
            long start = System.nanoTime();
            if (p.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IOException("the studio stopped before the measure (exit " + p.exitValue() + "):\n"
                        + Files.readString(home.resolve("studio.log")));
            }
            // On a busy machine the first spelling check may still run at 60 s: wait until the studio idles.
            long cpu = cpuTicks(p.pid());
            for (int i = 0; i < seconds; i++) {
                Thread.sleep(2_000);
                long now = cpuTicks(p.pid());
                boolean idle = now - cpu < IDLE_TICKS;
                cpu = now;
                if (idle) {
                    break;
                }
            }
            long after = (System.nanoTime() - start) / 1_000_000_000L;
            Map<String, Long> status = status(p.pid());
            String jcmd = Path.of(bin, "jcmd").toString();
            Map<String, Long> mappings = mappings(Files.readString(Path.of("/proc", Long.toString(p.pid()), "smaps")));
            String heapInfo = exec(jcmd, Long.toString(p.pid()), "GC.heap_info");
            long[] heap = parseHeap(heapInfo);
            exec(jcmd, Long.toString(p.pid()), "GC.run");
            long[] live = heap(jcmd, p.pid());
            long rssAfterGc = status(p.pid()).getOrDefault("VmRSS", -1L);
            return new Figures(status, heap[0], heap[1], live[0], rssAfterGc, after, metaspace(heapInfo), mappings);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** User and system CPU time of the process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) may hold spaces: count from the parenthesis that closes it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** VmRSS and the others, in kB. */
    static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            for (String key : STATUS) {
                if (line.startsWith(key + ":")) {
                    out.put(key, Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip()));
                }
            }
        }
        return out;
    }

    /** Heap used and committed in kB, summed over the collector's generations (or its one heap). */
    private static long[] heap(String jcmd, long pid) throws IOException, InterruptedException {
        return parseHeap(exec(jcmd, Long.toString(pid), "GC.heap_info"));
    }

    /** Committed metaspace in kB (class space included), from the same GC.heap_info text. */
    static long metaspace(String heapInfo) {
        Matcher m = METASPACE.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Resident kB per mapped file (by file name) of /proc/PID/smaps, anonymous mappings (the Java heap,
     * metaspace, malloc's arenas, thread stacks) summed under {@value #ANON}.
     */
    static Map<String, Long> mappings(String smaps) {
        Map<String, Long> out = new TreeMap<>();
        String current = ANON;
        for (String line : smaps.split("\n")) {
            Matcher header = MAPPING.matcher(line);
            if (header.find()) {
                String path = header.group(1).strip();
                current = path.isEmpty() || path.startsWith("[") ? ANON : path.substring(path.lastIndexOf('/') + 1);
            } else if (line.startsWith("Rss:")) {
                out.merge(current, Long.parseLong(line.substring(4).replace("kB", "").strip()), Long::sum);
            }
        }
        return out;
    }

    static long[] parseHeap(String heapInfo) {
        long used = 0;
        long committed = 0;
        for (String line : heapInfo.split("\n")) {
            Matcher m = POOL.matcher(line);
            // Metaspace and class space are printed with "used" first and are not heap.
            if (m.find() && !m.group(1).contains("space")) {
                committed += Long.parseLong(m.group(2));
                used += Long.parseLong(m.group(3));
            }
        }
        return new long[] {used, committed};
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}
