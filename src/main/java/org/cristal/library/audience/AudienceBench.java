package org.cristal.library.audience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cristal.library.Workspace;

/**
 * Measures the audience at scale: builds a workspace of generated contacts (French and English names,
 * accented cities, tags, free fields, consents, some deliveries) through the core, then times segment counts
 * for typical rules and the contacts screen's search as the user types, with plain SQLite queries on the same
 * file beside them as the floor. Not a test: {@code cristal bench --audience} prints the figures.
 */
public final class AudienceBench {
    /** The rules timed, as a user would write them. */
    public static final List<String> RULES = List.of(
            "tag = clients and city = Senlis and joined >= 2026-01-01",
            "subscribed and lang = fr",
            "ville = orleans or ville = \"Saint-Denis\"",
            "received story = le-pain-au-levain and not unsubscribed",
            "subscribed and not received since 30d",
            "postcode starts 60 and tag in (vip, événement)",
            "domain = gmail.com and field.visits > 3",
            "first_name contains mar or last_name starts dup");
    /** What the user types in the contacts search, one keystroke after another. */
    public static final List<String> TYPED = List.of("m", "ma", "mar", "dup", "senl");

    private static final String[] FIRST = ("Marie Jean Pierre Hélène Camille Léa Chloé Manon Inès Louis Hugo Lucas "
            + "Gabriel Arthur Jules Raphaël Élodie Cécile Françoise Amélie Mathilde Zoé Noémie Thérèse Agnès Benoît "
            + "Jérôme François Stéphane Gaëlle Margaux Martin Marc Mathieu Maxime Emma Olivia Amelia Jack Harry "
            + "George Oliver Sophie Charlotte Thomas James Emily Grace Anna Paul Sarah").split(" ");
    private static final String[] LAST = ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau "
            + "Simon Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre "
            + "Mercier Dupont Dupré Dupuis Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc "
            + "Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine "
            + "Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy "
            + "Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet "
            + "Schmitt Leroux Colin Fernandez Smith Jones Taylor Brown Williams Wilson Evans").split(" ");
    private static final String[][] CITIES = {{"Senlis", "60300"}, {"Chantilly", "60500"}, {"Creil", "60100"},
        {"Compiègne", "60200"}, {"Beauvais", "60000"}, {"Paris", "75011"}, {"Paris", "75018"}, {"Lyon", "69003"},
        {"Orléans", "45000"}, {"Saint-Denis", "93200"}, {"Saint-Étienne", "42000"}, {"Besançon", "25000"},
        {"Nîmes", "30000"}, {"Angoulême", "16000"}, {"Évry", "91000"}, {"Lille", "59000"}, {"Nantes", "44000"},
        {"Marseille", "13001"}, {"Montréal", "H2X 1Y4"}, {"Bruxelles", "1000"}, {"Genève", "1201"},
        {"London", "SW1A 1AA"}, {"Bordeaux", "33000"}, {"Toulouse", "31000"}};
    private static final String[] TAGS = ("clients vip newsletter atelier événement prospects boulangerie vélo "
            + "fidélité salon presse partenaires").split(" ");
    private static final String[] DOMAINS = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.com",
        "yahoo.fr", "sfr.fr", "proton.me", "icloud.com", "wanadoo.fr"};
    private static final String[] STORIES = {"le-pain-au-levain", "coffee-huila", "ateliers-d-hiver",
        "rentree-2026", "soldes-d-ete"};
    private static final int BATCH = 2000;

    /** One timed line: a rule or a search, with its sample of times in milliseconds (sorted). */
    public record Timing(String name, int matches, double[] millis, double[] cpuMillis) {
        Timing with(String n, int m) {
            return new Timing(n, m, millis, cpuMillis);
        }

        /** CPU time of the timing thread (SQLite runs in it): the cost apart from waiting for a busy machine. */
        public double cpuP95() {
            return percentile(cpuMillis, 95);
        }

        public double median() {
            return percentile(millis, 50);
        }

        public double p95() {
            return percentile(millis, 95);
        }

        public double max() {
            return millis.length == 0 ? 0 : millis[millis.length - 1];
        }
    }

    /** The figures of one run. */
    public record Result(int contacts, long buildMillis, List<Timing> counts, List<Timing> searches,
            List<Timing> anchors, double countsP95, double searchesP95) {
    }

    private AudienceBench() {
    }

    /**
     * Builds {@code contacts} generated contacts at {@code file} (which must not exist: a real workspace is
     * never overwritten) and times {@code runs} of each rule and each search. Same seed, same contacts.
     */
    public static Result run(Path file, int contacts, int runs, long seed) {
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                throw new IllegalArgumentException("the benchmark needs a new file, " + file + " exists");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        try (Workspace ws = Workspace.open(file, Clock.fixed(now, java.time.ZoneOffset.UTC))) {
            Audience audience = ws.audience();
            long t0 = System.nanoTime();
            generate(audience, contacts, new Random(seed), now);
            long build = (System.nanoTime() - t0) / 1_000_000;
            List<Timing> counts = new ArrayList<>();
            List<Double> allCounts = new ArrayList<>();
            for (String rule : RULES) {
                int[] n = new int[1];
                Timing t = time(rule, runs, () -> n[0] = audience.segments().count(rule));
                counts.add(t.with(rule, n[0]));
                Arrays.stream(t.millis()).forEach(allCounts::add);
            }
            List<Timing> searches = new ArrayList<>();
            List<Double> allSearches = new ArrayList<>();
            for (String typed : TYPED) {
                int[] n = new int[1];
                Timing page = time(typed, runs, () -> n[0] = audience.contacts().search(typed, Sql.ALL, 0, 50).size());
                int shown = n[0];
                Timing count = time(typed, runs, () -> n[0] = audience.contacts().count(typed, Sql.ALL));
                searches.add(page.with("search “" + typed + "”, first 50 by name", shown));
                searches.add(count.with("count “" + typed + "”", n[0]));
                Arrays.stream(page.millis()).forEach(allSearches::add);
                Arrays.stream(count.millis()).forEach(allSearches::add);
            }
            List<Timing> anchors = anchors(file, runs);
            return new Result(contacts, build, counts, searches, anchors, p95(allCounts), p95(allSearches));
        }
    }

    /** Plain SQLite on its own connection, no Cristal code: the floor the figures above stand on. */
    private static List<Timing> anchors(Path file, int runs) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("raw SQLite: SELECT count(*) FROM contacts", "SELECT count(*) FROM contacts");
        queries.put("raw SQLite: count(*) WHERE instr(folded, 'mar') > 0",
                "SELECT count(*) FROM contacts WHERE instr(folded, 'mar') > 0");
        queries.put("raw SQLite: count(*) WHERE city = 'Senlis'", "SELECT count(*) FROM contacts WHERE city = 'Senlis'");
        List<Timing> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                int[] n = new int[1];
                Timing t = time(q.getKey(), runs, () -> {
                    try (PreparedStatement ps = c.prepareStatement(q.getValue()); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n[0] = rs.getInt(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                out.add(t.with(q.getKey(), n[0]));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Timing time(String name, int runs, Runnable work) {
        for (int i = 0; i < Math.max(3, runs / 10); i++) {
            work.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new Timing(name, 0, ms, cpu);
    }

    private static void generate(Audience audience, int contacts, Random r, Instant now) {
        long threeYears = ChronoUnit.DAYS.getDuration().toMillis() * 3 * 365;
        for (int from = 0; from < contacts; from += BATCH) {
            int start = from;
            audience.db().write(c -> {
                try (PreparedStatement delivery = c.prepareStatement("INSERT INTO deliveries(contact, story_id, "
                        + "channel, purpose, outcome, at) VALUES (?, ?, 'email', 'marketing', ?, ?)");
                        PreparedStatement status = c.prepareStatement(
                                "UPDATE contacts SET email_status = 'bounced' WHERE id = ?")) {
                    for (int i = start; i < Math.min(contacts, start + BATCH); i++) {
                        long joined = now.toEpochMilli() - (long) (Math.pow(r.nextDouble(), 2) * threeYears);
                        long id = Contacts.save(c, draft(r, i), joined).contact().id();
                        consents(c, r, id, joined);
                        for (String story : STORIES) {
                            if (r.nextInt(4) == 0) {
                                delivery.setLong(1, id);
                                delivery.setString(2, story);
                                delivery.setString(3, r.nextInt(50) == 0 ? "bounced" : "sent");
                                delivery.setLong(4, joined + (long) (r.nextDouble() * (now.toEpochMilli() - joined)));
                                delivery.addBatch();
                            }
                        }
                        if (r.nextInt(100) == 0) {
                            status.setLong(1, id);
                            status.addBatch();
                        }
                    }
                    delivery.executeBatch();
                    status.executeBatch();
                }
                return null;
            });
        }
    }

    private static ContactDraft draft(Random r, int i) {
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String[] city = CITIES[(int) (Math.pow(r.nextDouble(), 1.6) * CITIES.length)];
        String email = Folding.fold(first).replaceAll("[^a-z]", "") + "." + Folding.fold(last).replaceAll("[^a-z]", "")
                + i + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
        List<String> tags = new ArrayList<>();
        for (int t = r.nextInt(4); t > 0; t--) {
            tags.add(TAGS[(int) (Math.pow(r.nextDouble(), 1.5) * TAGS.length)]);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (r.nextInt(3) == 0) {
            fields.put("visits", Integer.toString(r.nextInt(12)));
        }
        if (r.nextInt(5) == 0) {
            fields.put("company", LAST[r.nextInt(LAST.length)] + " SARL");
        }
        String country = city[1].contains(" ") ? (city[0].equals("London") ? "GB" : "CA")
                : city[0].equals("Bruxelles") ? "BE" : city[0].equals("Genève") ? "CH" : "FR";
        String lang = country.equals("GB") || r.nextInt(8) == 0 ? "en" : country.equals("CA") ? "fr-ca" : "fr";
        return ContactDraft.of(email).withName(first, last).withLang(lang)
                .withAddress(r.nextInt(3) == 0 ? "" : (1 + r.nextInt(120)) + " rue " + LAST[r.nextInt(LAST.length)],
                        city[1], city[0], country)
                .withPhone(r.nextInt(2) == 0 ? "" : String.format("06 %02d %02d %02d %02d", r.nextInt(100),
                        r.nextInt(100), r.nextInt(100), r.nextInt(100)))
                .withTags(tags).withFields(fields).withSource(r.nextInt(2) == 0 ? "import" : "shop");
    }

    private static void consents(Connection c, Random r, long id, long joined) throws SQLException {
        Instant at = Instant.ofEpochMilli(joined);
        if (r.nextInt(10) < 7) {
            ConsentLedger.record(c, id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING, at,
                    ConsentMethod.IMPORT, "bench", ""), 0, joined);
            if (r.nextInt(10) == 0) {
                ConsentLedger.record(c, id, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                        at.plusSeconds(86_400), ConsentMethod.WEB_FORM, "bench", ""), 0, joined);
            }
        }
        if (r.nextInt(5) == 0) {
            ConsentLedger.record(c, id, ConsentEvent.grant(ContactChannel.POSTAL, Purpose.MARKETING, at,
                    ConsentMethod.IN_PERSON, "bench", ""), 0, joined);
        }
    }

    private static double p95(List<Double> all) {
        double[] s = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return percentile(s, 95);
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
