package org.cristal.library.results;

import static org.cristal.library.results.Dialect.Role.CAMPAIGN;
import static org.cristal.library.results.Dialect.Role.CONTENT;
import static org.cristal.library.results.Dialect.Role.CONVERSIONS;
import static org.cristal.library.results.Dialect.Role.DAY;
import static org.cristal.library.results.Dialect.Role.MEDIUM;
import static org.cristal.library.results.Dialect.Role.SOURCE;
import static org.cristal.library.results.Dialect.Role.VISITS;

import java.util.Set;

/**
 * A plain CSV anyone can write from any tool or by hand: date, campaign, source, medium, content, visitors,
 * conversions, with English or French names (jour, campagne, support, contenu, visiteurs), with or without
 * the {@code utm_} prefix.
 */
final class PlainReport {
    static final Dialect DIALECT = new Dialect(AnalyticsFormat.CSV, Dialect.names(
            DAY, "date", "day", "jour",
            CAMPAIGN, "campaign", "utm_campaign", "utm campaign", "campagne",
            SOURCE, "source", "utm_source", "utm source",
            MEDIUM, "medium", "utm_medium", "utm medium", "support", "média", "media",
            CONTENT, "content", "utm_content", "utm content", "contenu", "variant", "variante",
            VISITS, "visitors", "visiteurs", "visits", "visites", "sessions",
            CONVERSIONS, "conversions", "conversion", "goals", "objectifs"),
            Set.of());

    private PlainReport() {
    }
}
