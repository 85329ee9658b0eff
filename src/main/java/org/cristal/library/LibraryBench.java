package org.cristal.library;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cristal.story.Status;
import org.cristal.story.StoryFormatException;

/**
 * Measures the workspace at scale: generates synthetic stories (French and English words with
 * accents, tags, statuses, 150–400 words each, word frequencies skewed like real text so some
 * words are in nearly every story), imports them in batched transactions into a fresh file, then
 * times a mix of searches. Not a test: the {@code bench} command calls it and prints the figures.
 */
public final class LibraryBench {
    private static final int BATCH = 1000;
    private static final String[] FR = ("levain farine croûte mie pain boulangerie fournil pétrir four matin "
            + "quartier marché été hiver printemps automne élève école collège atelier vélo réparation chaîne "
            + "dérailleur pneu café crème pâtisserie épicerie fromage cœur œuvre sœur santé ostéopathe dos "
            + "séance comptabilité impôts déclaration trimestre facture client équipe métier artisan qualité "
            + "tradition recette beurre sucre levure blé seigle épeautre meule moulin récolte saison goût "
            + "arôme cuisson température vapeur température façonnage pointage apprêt baguette miche brioche "
            + "croissant viennoiserie chocolat noisette amande pistache framboise fraise cerise pomme poire "
            + "tarte gâteau éclair réservation samedi dimanche ouverture fermeture horaires adresse rue place "
            + "ville région française élégant généreux légèreté fraîcheur déjà très près après où là ça "
            + "naturel local durable solidaire réemploi pièce outil clé roue selle guidon frein lumière").split(" ");
    private static final String[] EN = ("coffee harvest farm cherry roast bean cup espresso brew grinder "
            + "accounting tax season checklist receipt invoice deadline refund payroll ledger client team "
            + "harbor pine forest cabin winter summer spring autumn morning evening weekend market street "
            + "bicycle repair workshop chain brake wheel tyre saddle community volunteer neighbourhood "
            + "health back posture session appointment stretch muscle spine recovery patient clinic "
            + "quality craft tradition recipe butter sugar flour bread bakery oven dough crust crumb "
            + "story brand voice email newsletter campaign social post brochure print launch offer price "
            + "discount member family friend customer owner founder hands years decades patience care "
            + "fresh local durable honest simple warm bright careful gentle steady slow quick early late "
            + "the and of to in for with on at by from about into over after before between").split(" ");
    private static final String[] TAGS = ("levain artisanat pain quartier coffee colombia tax checklist vélo "
            + "réparation santé dos newsletter promo événement saison hiver été recette atelier école famille "
            + "local durable solidaire lancement offre client équipe presse").split(" ");
    private static final String[] BRANDS = {"boulangerie-martin", "harbor-pine", "nimbus-accounting",
        "atelier-velo-rouge", "osteo-lumiere"};
    /** Real text has a long tail of rare words (names, places, jargon); 150 common words alone would not. */
    private static final int TAIL_WORDS = 20_000;
    private static final String[] FR_WORDS = vocabulary(FR, "ba bé cha ré lo mi sé ta vé lu pé ar ou in é ca mon "
            + "gue fra pli tor nè rou sau vi è ch ti", 11);
    private static final String[] EN_WORDS = vocabulary(EN, "ba ster ton wick ham ly ing ford ber ro sh ight "
            + "ow ea ck mil dale brook tr pen", 13);

    /**
     * The measured figures. Times in milliseconds, wall clock; the CPU figures (whole process for
     * the import, the searching thread for searches) tell the cost apart from waiting for a busy
     * machine. The file size is measured after closing, in bytes; the text size is the stories' Markdown
     * in UTF-8, what the user wrote.
     */
    public record Result(int stories, long importMillis, long importCpuMillis, double storiesPerSecond,
            int queries, double searchMedianMillis, double searchP95Millis, double searchMaxMillis,
            double searchMedianCpuMillis, double searchP95CpuMillis, long fileBytes, long reopenMillis,
            long textBytes) {
        /** How many times the text the file takes (issue 13: at most 2). */
        public double fileToText() {
            return textBytes == 0 ? 0 : (double) fileBytes / textBytes;
        }
    }

    private LibraryBench() {
    }

    /**
     * Builds a workspace of {@code stories} synthetic stories at {@code file}, which must not exist
     * or be empty (a real workspace is never overwritten), and measures it with {@code queries}
     * searches. Same seed, same stories and queries.
     */
    public static Result run(Path file, int stories, int queries, long seed) {
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                throw new IllegalArgumentException("the benchmark needs a new file, " + file + " exists");
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(seed);
        long importMillis;
        long textBytes = 0;
        long importCpu;
        double[] times;
        double[] cpu;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Workspace ws = Workspace.open(file, Clock.systemUTC())) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long generating = 0;
            List<Stories.Draft> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < stories; i++) {
                long g = System.nanoTime();
                String text = story(random, i);
                textBytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                batch.add(new Stories.Draft("story-" + i, text, "bench"));
                generating += System.nanoTime() - g;
                if (batch.size() == BATCH || i == stories - 1) {
                    ws.stories().saveAll(batch);
                    batch.clear();
                }
            }
            ws.optimizeSearch();
            // Making up the text is not importing it.
            importMillis = (System.nanoTime() - start - generating) / 1_000_000;
            importCpu = (processCpuNanos() - cpuStart - generating) / 1_000_000;
            List<SearchQuery> mix = queries(random, queries);
            for (int i = 0; i < Math.min(20, mix.size()); i++) {
                ws.search(mix.get(i));
            }
            times = new double[mix.size()];
            cpu = new double[mix.size()];
            for (int i = 0; i < mix.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                ws.search(mix.get(i));
                times[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        } catch (StoryFormatException e) {
            throw new IllegalStateException("generated story does not parse: " + e.getMessage(), e);
        }
        long t = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().count();
        }
        long reopenMillis = (System.nanoTime() - t) / 1_000_000;
        Arrays.sort(times);
        Arrays.sort(cpu);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(stories, importMillis, importCpu, stories * 1000.0 / Math.max(1, importMillis),
                times.length, percentile(times, 50), percentile(times, 95),
                times.length == 0 ? 0 : times[times.length - 1], percentile(cpu, 50), percentile(cpu, 95), size,
                reopenMillis, textBytes);
    }

    /** Bringing an older workspace up to date: its size before and after, and how long opening it took. */
    public record Migration(long beforeBytes, long afterBytes, long openMillis, int fromVersion, int toVersion) {
    }

    /**
     * Copies {@code older} (a workspace from an older Cristal, e.g. kept by an older build's
     * {@code bench --workspace-file}) into {@code scratch} and opens the copy, which migrates and
     * compacts it. The original is never written.
     */
    public static Migration migrate(Path older, Path scratch) {
        try {
            Path copy = scratch.resolve("migrated.cristal");
            Files.copy(older, copy);
            long before = Files.size(copy);
            int from;
            try (Db db = Db.open(copy, true)) {
                from = db.read(Migrations::userVersion);
            }
            long t = System.nanoTime();
            int to;
            try (Workspace ws = Workspace.open(copy)) {
                to = ws.formatVersion();
            }
            long millis = (System.nanoTime() - t) / 1_000_000;
            return new Migration(before, Files.size(copy), millis, from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read " + older + ": " + e.getMessage(), e);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A word drawn with a Zipf-like skew: the first words of the list are very common. */
    private static String word(Random r, String[] words) {
        int index = (int) Math.floor(Math.pow(words.length + 1, r.nextDouble())) - 1;
        if (index >= words.length / 2 && r.nextInt(4) != 0) {
            // Thin the tail so a rare word really is rare.
            index = r.nextInt(Math.min(words.length, 400));
        }
        return words[Math.min(words.length - 1, Math.max(0, index))];
    }

    private static String[] vocabulary(String[] common, String syllables, long seed) {
        String[] parts = syllables.split(" ");
        Random r = new Random(seed);
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(Arrays.asList(common));
        while (words.size() < common.length + TAIL_WORDS) {
            StringBuilder w = new StringBuilder();
            int n = 2 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                w.append(parts[r.nextInt(parts.length)]);
            }
            words.add(w.toString());
        }
        return words.toArray(new String[0]);
    }

    static String story(Random r, int n) {
        boolean french = r.nextInt(3) < 2;
        String[] words = french ? FR_WORDS : EN_WORDS;
        StringBuilder title = new StringBuilder();
        int titleWords = 3 + r.nextInt(5);
        for (int i = 0; i < titleWords; i++) {
            title.append(i == 0 ? "" : " ").append(word(r, words));
        }
        StringBuilder s = new StringBuilder("---\n");
        s.append("title: \"").append(capitalize(title.toString())).append(" ").append(n).append("\"\n");
        s.append("brand: ").append(BRANDS[r.nextInt(BRANDS.length)]).append('\n');
        s.append("lang: ").append(french ? "fr" : "en").append('\n');
        s.append("status: ").append(Status.values()[r.nextInt(Status.values().length)].id()).append('\n');
        s.append("summary: \"").append(capitalize(sentence(r, words, 12))).append(".\"\n");
        s.append("tags: [").append(TAGS[r.nextInt(TAGS.length)]).append(", ").append(TAGS[r.nextInt(TAGS.length)])
                .append("]\n---\n\n");
        int target = 150 + r.nextInt(251);
        int written = 0;
        while (written < target) {
            if (r.nextInt(4) == 0) {
                s.append("## ").append(capitalize(sentence(r, words, 4))).append("\n\n");
            }
            int len = 20 + r.nextInt(40);
            s.append(capitalize(sentence(r, words, len))).append(r.nextInt(5) == 0 ? " **" + word(r, words) + "**" : "")
                    .append(".\n\n");
            written += len;
        }
        return s.toString();
    }

    private static String sentence(Random r, String[] words, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(word(r, words));
        }
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Varied searches: the ten most common words (the worst case: they are in most stories), words
     * picked uniformly from the vocabulary (mostly rare, like real searches for a name or a place),
     * pairs, as-you-type prefixes, accent-free capitals, and searches with filters.
     */
    static List<SearchQuery> queries(Random r, int count) {
        List<SearchQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] words = r.nextInt(3) < 2 ? FR_WORDS : EN_WORDS;
            String w = words[r.nextInt(words.length)];
            SearchQuery q = switch (i % 10) {
                case 0, 1 -> SearchQuery.of(words[r.nextInt(10)]);
                case 2, 3, 4 -> SearchQuery.of(w);
                case 5 -> SearchQuery.of(words[r.nextInt(150)] + " " + w);
                case 6 -> SearchQuery.of(w.substring(0, Math.min(w.length(), 3 + r.nextInt(3))));
                case 7 -> SearchQuery.of(org.cristal.story.Slugs.foldAccents(words[r.nextInt(150)])
                        .toUpperCase(java.util.Locale.ROOT));
                case 8 -> SearchQuery.of(words[r.nextInt(150)])
                        .withFilter(StoryFilter.ALL.withStatus(Status.values()[r.nextInt(5)]));
                default -> SearchQuery.of(words[r.nextInt(150)])
                        .withFilter(StoryFilter.ALL.withTag(TAGS[r.nextInt(TAGS.length)]).withLang("fr"));
            };
            out.add(q);
        }
        return out;
    }
}
