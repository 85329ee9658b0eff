package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launchers' Java options, as installers/jvm-options.txt gives them to every installer and to bench --memory. */
class MemoryBenchTest {
    private static final Path OPTIONS = Path.of("installers", "jvm-options.txt");

    @Test
    void theLaunchersOptionsStartAJavaWithABoundedHeapAndTheSerialCollector() throws Exception {
        List<String> options = MemoryBench.options(OPTIONS);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // A typo in the file would stop the installed app from starting at all.
        assertEquals(0, p.exitValue(), out);
        Matcher heap = Pattern.compile("size_t MaxHeapSize\\s+= (\\d+)").matcher(out);
        assertTrue(heap.find(), out);
        long max = Long.parseLong(heap.group(1));
        // Without a ceiling the JVM takes a quarter of the machine's memory and the studio grew to about 1 GB.
        assertTrue(max <= 1024L * 1024 * 1024, max + " bytes");
        assertTrue(Pattern.compile("bool UseSerialGC\\s+= true").matcher(out).find(), out);
    }

    @Test
    void commentsAndInstallerOnlyLinesAreLeftOut() throws Exception {
        List<String> options = MemoryBench.options(OPTIONS);
        assertTrue(options.contains("-Dfile.encoding=UTF-8"), options.toString());
        assertTrue(options.stream().noneMatch(o -> o.startsWith("#") || o.isBlank() || o.contains("$APPDIR")),
                options.toString());
    }

    @Test
    void heapFiguresAreReadForBothCollectors() {
        String g1 = """
                12345:
                 garbage-first heap   total 950272K, used 300363K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 26 young (106496K), 1 survivors (4096K)
                 Metaspace       used 61863K, committed 62592K, reserved 1114112K
                  class space    used 8433K, committed 8768K, reserved 1048576K
                """;
        assertArrayEquals(new long[] {300363, 950272}, MemoryBench.parseHeap(g1));
        String serial = """
                12345:
                 def new generation   total 36864K, used 20261K [0x00000000f0000000, 0x00000000f2800000, 0x00000000f5550000)
                  eden space 32768K,  49% used [0x00000000f0000000, 0x00000000f0fc95d8, 0x00000000f2000000)
                  from space 4096K, 100% used [0x00000000f2400000, 0x00000000f2800000, 0x00000000f2800000)
                  to   space 4096K,   0% used [0x00000000f2000000, 0x00000000f2000000, 0x00000000f2400000)
                 tenured generation   total 88252K, used 79426K [0x00000000f5550000, 0x00000000fab7f000, 0x0000000100000000)
                   the space 88252K,  89% used [0x00000000f5550000, 0x00000000fa2e0848, 0x00000000fa2e0a00, 0x00000000fab7f000)
                 Metaspace       used 61884K, committed 62656K, reserved 1114112K
                """;
        assertArrayEquals(new long[] {20261 + 79426, 36864 + 88252}, MemoryBench.parseHeap(serial));
    }

    @Test
    void residentMemoryIsSplitIntoTheMappedLibrariesAndTheAnonymousRest() {
        String smaps = """
                7f00a0000000-7f00a2000000 rw-p 00000000 00:00 0
                Size:              32768 kB
                Rss:               20480 kB
                7f00b0000000-7f00b1000000 r-xp 00000000 08:01 1234                       /usr/lib/jvm/java-17/lib/libjfxwebkit.so
                Rss:               40000 kB
                7f00b1000000-7f00b1100000 r--p 01000000 08:01 1234                       /usr/lib/jvm/java-17/lib/libjfxwebkit.so
                Rss:                1000 kB
                7f00c0000000-7f00c0100000 rw-s 00000000 00:01 5                          /SYSV00000000 (deleted)
                Rss:               11000 kB
                7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]
                Rss:                 100 kB
                """;
        Map<String, Long> m = MemoryBench.mappings(smaps);
        // The two mappings of WebKit's library count as one line of the breakdown; the heap and the stack are anonymous.
        assertEquals(41000L, m.get("libjfxwebkit.so"));
        assertEquals(20580L, m.get(MemoryBench.ANON));
        assertEquals(11000L, m.get("SYSV00000000 (deleted)"));
        assertEquals(3, m.size(), m.toString());
    }

    @Test
    void committedMetaspaceIsReadFromTheHeapInfo() {
        String info = """
                 tenured generation   total 88252K, used 79426K [0x00000000f5550000, 0x00000000fab7f000, 0x0000000100000000)
                 Metaspace       used 61884K, committed 62656K, reserved 1114112K
                  class space    used 8433K, committed 8768K, reserved 1048576K
                """;
        assertEquals(62656L, MemoryBench.metaspace(info));
    }
}
