package org.cristal.library;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cristal.story.Status;

/**
 * The searches recorded in the step-5 fixture (see {@link FixtureWriter}) and replayed after migration:
 * accents, ligatures, capitals, prefixes of two, three and more letters, several words, filters.
 */
final class FixtureQueries {
    private FixtureQueries() {
    }

    static Map<String, SearchQuery> all() {
        Map<String, SearchQuery> q = new LinkedHashMap<>();
        for (String text : new String[] {"pain", "levain", "oeuvre", "œuvre", "coeur", "eleve", "élève", "ELEVE",
            "pa", "lev", "boul", "farine croûte", "café crème", "coffee", "harvest", "strasse", "straße", "quartier",
            "fournil matin", "saison"}) {
            q.put(text, SearchQuery.of(text).withLimit(50));
        }
        q.put("pain (whole word)", SearchQuery.of("pain").withPrefix(false).withLimit(50));
        q.put("pain, status draft", SearchQuery.of("pain").withLimit(50)
                .withFilter(StoryFilter.ALL.withStatus(Status.DRAFT)));
        q.put("levain, tag levain, fr", SearchQuery.of("levain").withLimit(50)
                .withFilter(StoryFilter.ALL.withTag("levain").withLang("fr")));
        q.put("coffee, brand", SearchQuery.of("coffee").withLimit(50)
                .withFilter(StoryFilter.ALL.withBrand("harbor-pine")));
        q.put("pain, <b> markers", SearchQuery.of("pain").withMarkers("<b>", "</b>").withLimit(5));
        return q;
    }
}
