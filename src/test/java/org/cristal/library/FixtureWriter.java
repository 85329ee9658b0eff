package org.cristal.library;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes {@code workspace-v5.cristal} and the search results it gives ({@code workspace-v5-search.tsv}),
 * as the build that made them saw them. Not a test. The committed pair was made by commit d9d2f1f
 * (schema step 5, text stored as written, search index with its own copy), with
 * {@code FixtureWriter DIR}; {@link StorageMigrationTest} replays the searches on the migrated copy.
 */
public final class FixtureWriter {
    private FixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path file = dir.resolve("workspace-v5.cristal");
        Files.deleteIfExists(file);
        try (Workspace ws = Workspace.open(file, new TickingClock())) {
            Stories s = ws.stories();
            String pain = "---\ntitle: Le pain du quartier\nlang: fr\nbrand: boulangerie-martin\nstatus: draft\n"
                    + "tags: [levain, quartier]\nsummary: Notre levain, chaque matin.\n---\n\n";
            s.save("le-pain", pain + "Le fournil s'allume à 5 heures. Notre levain naturel nourrit la pâte.\n");
            s.save("le-pain", pain + "Le fournil s'allume à 5 heures. Notre levain naturel nourrit la pâte.\n\n"
                    + "Une œuvre de patience : farine de blé, eau, sel. La croûte chante en sortant du four.\n");
            s.save("le-pain", pain + "Le fournil s'allume à 5 heures. Notre levain naturel nourrit la pâte.\n\n"
                    + "Une œuvre de patience : farine de blé, eau, sel. La croûte chante en sortant du four.\n\n"
                    + "Chaque élève de l'atelier du samedi repart avec son pain, et le cœur léger.\n", "relu");
            s.save("harbor-coffee", "---\ntitle: From one farm in Huila\nlang: en\nbrand: harbor-pine\n"
                    + "status: published\ntags: [coffee, colombia]\n---\n\n# From one farm\n\nThe harvest came in "
                    + "early. We roast every **coffee** bean the week it lands; a café crème tastes of it.\n");
            s.save("strasse", "---\ntitle: Die Straße\nlang: de\n---\n\nEin Café an der Straße, Œuvre complète, "
                    + "Ærø und Sæby.\n");
            s.save("saison", "---\ntitle: Saison d'été\nlang: fr\nstatus: review\ntags: [saison, été]\n---\n\n"
                    + "L'été, le pain de seigle. L'hiver, la brioche. Toute l'année, la baguette de tradition.\n");
            Random random = new Random(5);
            for (int i = 0; i < 25; i++) {
                s.save("gen-" + i, LibraryBench.story(random, i));
            }
            s.save("gone", "---\ntitle: Fermeture exceptionnelle\nlang: fr\n---\n\nFermé lundi.\n");
            s.save("gone", "---\ntitle: Fermeture exceptionnelle\nlang: fr\n---\n\nFermé lundi et mardi.\n", "dates");
            s.trash("gone");
            s.saveDraft("saison", s.get("saison").orElseThrow().source() + "\nPas encore enregistré : la galette.\n");
            try (Writer out = Files.newBufferedWriter(dir.resolve("workspace-v5-search.tsv"), StandardCharsets.UTF_8)) {
                for (Map.Entry<String, SearchQuery> q : FixtureQueries.all().entrySet()) {
                    List<SearchHit> hits = ws.search(q.getValue());
                    for (int i = 0; i < hits.size(); i++) {
                        SearchHit h = hits.get(i);
                        out.write(String.join("\t", q.getKey(), Integer.toString(i), h.story().id(),
                                Double.toString(h.score()), escape(h.snippet())) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            throw e;
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
