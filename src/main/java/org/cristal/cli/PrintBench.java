package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.PrintJob;
import org.cristal.publish.PrintPlan;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.render.brochure.MailWindow;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;

/**
 * {@code cristal bench --print}: personalised print of the sample bakery story for {@code copies} generated
 * contacts with postal consent, through the same {@link PrintJob} as {@code cristal print} (copies, merged
 * file, manifest, labels, deliveries). The common case greets each contact by first name (40 first names);
 * the worst case gives every contact a sentence of their own, so every copy is laid out. A plain brochure of
 * the same story is timed in the same run as the anchor.
 */
final class PrintBench {
    private static final String[] FIRST = {"Marie", "Jean", "Camille", "Louis", "Léa", "Hugo", "Chloé", "Lucas",
        "Manon", "Gabriel", "Emma", "Arthur", "Inès", "Jules", "Sarah", "Adam", "Lina", "Nathan", "Zoé", "Paul",
        "Alice", "Raphaël", "Jade", "Tom", "Louise", "Noah", "Anna", "Ethan", "Rose", "Victor", "Lou", "Sacha",
        "Mila", "Théo", "Nina", "Martin", "Julia", "Oscar", "Eva", "Simon"};

    private PrintBench() {
    }

    static void run(PrintWriter out, int copies) throws IOException, StoryFormatException {
        Path dir = Files.createTempDirectory("cristal-print-bench");
        try (Workspace ws = Workspace.open(dir.resolve("bench.cristal"))) {
            setUp(ws, copies);
            out.printf("print: %d contacts with postal consent, sample story boulangerie-levain (brand boulangerie-martin), "
                    + "%d cores, load %s%n", copies, Runtime.getRuntime().availableProcessors(), load());
            anchor(out, ws);
            time(out, ws, dir, "A4, first-name greeting (common case)", "common", PaperSize.A4);
            time(out, ws, dir, "tri-fold, first-name greeting", "common", PaperSize.TRI_FOLD);
            time(out, ws, dir, "A4, every body different (worst case)", "worst", PaperSize.A4);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void setUp(Workspace ws, int copies) throws StoryFormatException {
        ws.brands().save("boulangerie-martin", new String(BenchCommand.resource("/cristal-assets/samples/brands/"
                + "boulangerie-martin.yaml"), StandardCharsets.UTF_8));
        for (String image : List.of("hero-levain.jpg", "logo-martin.png")) {
            ws.assets().put(image, BenchCommand.resource("/cristal-assets/samples/images/" + image), "");
        }
        String source = new String(BenchCommand.resource("/cristal-assets/samples/stories/boulangerie-levain.md"),
                StandardCharsets.UTF_8);
        int end = source.indexOf("\n---", 4) + 5;
        ws.stories().save("common", source.substring(0, end) + "\nBonjour {{first_name|à vous}},\n" + source.substring(end));
        ws.stories().save("worst", source.substring(0, end) + "\nBonjour {{first_name|à vous}}, {{note}}\n"
                + source.substring(end));
        Audience a = ws.audience();
        Instant granted = Instant.parse("2026-01-05T10:00:00Z");
        for (int i = 0; i < copies; i++) {
            long id = a.contacts().save(ContactDraft.of("client" + i + "@example.com")
                    .withName(FIRST[i % FIRST.length], "Client" + i)
                    .withAddress((i % 90 + 1) + " rue du Four", String.format("%05d", 60000 + (i * 37) % 35000),
                            "Senlis", "France")
                    .withFields(Map.of("note", "votre commande n° " + i + " vous attend"))).contact().id();
            a.consents().record(id, ConsentEvent.grant(ContactChannel.POSTAL, Purpose.MARKETING, granted,
                    ConsentMethod.IN_PERSON, "bench", "Signed at the counter"));
        }
        a.segments().save("bench", "consent postal marketing");
    }

    private static void anchor(PrintWriter out, Workspace ws) throws StoryFormatException {
        StoryDocument doc = StoryDocument.parse("common", ws.stories().get("common").orElseThrow().source());
        RenderOptions options = RenderOptions.at(Instant.now()).withAssets(ws.assetResolver());
        var brand = ws.brands().get("boulangerie-martin").orElseThrow();
        double[] t = new double[10];
        for (int i = -5; i < t.length; i++) {
            long t0 = System.nanoTime();
            Renderers.BROCHURE.render(doc, brand, options);
            if (i >= 0) {
                t[i] = BenchCommand.ms(System.nanoTime() - t0);
            }
        }
        Arrays.sort(t);
        out.printf("  anchor: one plain A4 brochure, median %.1f ms of %d (after 5 warm-up)%n", t[t.length / 2], t.length);
    }

    private static void time(PrintWriter out, Workspace ws, Path dir, String label, String story, PaperSize paper) {
        Path folder = dir.resolve(story + "-" + paper.name().toLowerCase(java.util.Locale.ROOT));
        PrintJob job = new PrintJob(ws);
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        PrintPlan plan = job.plan(story, "bench", ws.audience().segments().resolve("bench").orElseThrow(), folder);
        long t1 = System.nanoTime();
        PrintJob.Result r = job.run(plan, folder, new PrintJob.Options(paper, MailWindow.RIGHT, true, true), n -> { },
                () -> false);
        long t2 = System.nanoTime();
        long bytes;
        try {
            bytes = Files.size(folder.resolve(PrintJob.MERGED));
        } catch (IOException e) {
            bytes = -1;
        }
        // CPU time beside the wall clock: on a shared machine it says what the run itself cost.
        out.printf("  %s: %d copies in %.1f s (plan %.2f s, %d layouts), %.1f ms a copy, CPU %.1f s; merged file %.1f MB;"
                + " load %s%n", label, r.copies(), (t2 - t0) / 1e9, (t1 - t0) / 1e9, r.layouts(),
                BenchCommand.ms(t2 - t1) / r.copies(), (cpu() - cpu0) / 1e9, bytes / 1e6, load());
    }

    private static long cpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
