package org.cristal.cli;

import java.io.PrintWriter;
import org.cristal.check.Spelling;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * The spelling lines of {@code cristal bench}: how long each language's checker takes to load (the
 * first one also loads LanguageTool's own classes), the heap it keeps, and warm checks of a
 * 1,500-word story in each language. A checker of its own, so nothing is loaded before the clock starts.
 */
final class SpellingBench {
    private SpellingBench() {
    }

    static void run(PrintWriter out, String english, String french, int iterations) throws StoryFormatException {
        Spelling spelling = new Spelling();
        long heap0 = usedHeap();
        long c0 = cpu();
        long t0 = System.nanoTime();
        spelling.load("fr");
        long fr = System.nanoTime() - t0;
        long frCpu = cpu() - c0;
        long heapFr = usedHeap();
        long c1 = cpu();
        long t1 = System.nanoTime();
        spelling.load("en");
        long en = System.nanoTime() - t1;
        long enCpu = cpu() - c1;
        long heapEn = usedHeap();
        out.println("| spelling (LanguageTool) | figure |");
        out.println("|---|---:|");
        out.printf("| load French checker (first: with LanguageTool's classes) | %.0f ms (CPU of the thread %.0f ms) |%n",
                BenchCommand.ms(fr), BenchCommand.ms(frCpu));
        out.printf("| load English (US) checker | %.0f ms (CPU of the thread %.0f ms) |%n", BenchCommand.ms(en),
                BenchCommand.ms(enCpu));
        out.printf("| heap held, French checker | %.0f MB |%n", (heapFr - heap0) / 1e6);
        out.printf("| heap held, French + English | %.0f MB |%n", (heapEn - heap0) / 1e6);
        out.println();
        out.println("| spelling check (1 story, warm) | median ms | p95 ms | max ms |");
        out.println("|---|---:|---:|---:|");
        time(out, spelling, english, "harbor-pine", iterations);
        time(out, spelling, french, "boulangerie-martin", iterations);
        out.println();
    }

    /**
     * Two figures per story: the whole story checked afresh (opening it), and the same story after one
     * paragraph was edited (a keystroke: the other paragraphs are remembered).
     */
    private static void time(PrintWriter out, Spelling spelling, String source, String brandId, int iterations)
            throws StoryFormatException {
        Brand brand = BrandParser.parse(brandId,
                BenchCommand.resource("/cristal-assets/samples/brands/" + brandId + ".yaml"));
        StoryDocument doc = StoryDocument.of(StoryParser.parse("bench", source));
        double[] whole = new double[iterations];
        double[] edit = new double[iterations];
        double[] wholeCpu = new double[iterations];
        double[] editCpu = new double[iterations];
        int findings = 0;
        String paragraph = longestLine(source);
        for (int i = -Math.max(5, iterations / 4); i < iterations; i++) {
            spelling.forgetParagraphs();
            long c0 = cpu();
            long t0 = System.nanoTime();
            findings = spelling.check(doc, brand).size();
            long t1 = System.nanoTime();
            long c1 = cpu();
            // The same story with one word more at the end of its longest paragraph.
            StoryDocument edited = StoryDocument.of(StoryParser.parse("bench",
                    source.replace(paragraph, paragraph + " " + (i + 1000) + ".")));
            long c2 = cpu();
            long t2 = System.nanoTime();
            spelling.check(edited, brand);
            long t3 = System.nanoTime();
            long c3 = cpu();
            if (i >= 0) {
                whole[i] = BenchCommand.ms(t1 - t0);
                wholeCpu[i] = BenchCommand.ms(c1 - c0);
                editCpu[i] = BenchCommand.ms(c3 - c2);
                edit[i] = BenchCommand.ms(t3 - t2);
            }
        }
        String name = doc.story().lang() + ", " + doc.wordCount() + " words";
        BenchCommand.row(out, name + ", whole story (" + findings + " findings)", whole);
        BenchCommand.row(out, name + ", whole story, CPU of the thread", wholeCpu);
        BenchCommand.row(out, name + ", after a one-paragraph edit", edit);
        BenchCommand.row(out, name + ", after a one-paragraph edit, CPU of the thread", editCpu);
    }

    private static String longestLine(String source) {
        String longest = "";
        for (String line : source.split("\n")) {
            if (line.length() > longest.length() && !line.startsWith("#") && !line.contains(":")) {
                longest = line;
            }
        }
        return longest;
    }

    /** CPU time of this thread: what the work costs, whatever else the machine runs. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Heap in use after a full collection: what the loaded checkers keep, not what they allocate. */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
