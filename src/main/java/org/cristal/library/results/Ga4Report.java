package org.cristal.library.results;

import static org.cristal.library.results.Dialect.Role.CAMPAIGN;
import static org.cristal.library.results.Dialect.Role.CONTENT;
import static org.cristal.library.results.Dialect.Role.CONVERSIONS;
import static org.cristal.library.results.Dialect.Role.DAY;
import static org.cristal.library.results.Dialect.Role.MEDIUM;
import static org.cristal.library.results.Dialect.Role.SOURCE;
import static org.cristal.library.results.Dialect.Role.SOURCE_MEDIUM;
import static org.cristal.library.results.Dialect.Role.VISITORS;
import static org.cristal.library.results.Dialect.Role.VISITS;

import java.util.Set;

/**
 * A Google Analytics 4 report downloaded as CSV (Reports › Acquisition › Traffic acquisition, or an
 * exploration) with the session-scoped dimensions, in English or French: "Session source / medium" or
 * "Source/Support de la session", "Session campaign" or "Campagne de la session", "Sessions", "Key events"
 * ("Conversions" before 2024) or "Événements clés", "Date" as 20261201. The file starts with {@code #}
 * comment lines (property, date range), and may hold several tables one after the other.
 */
final class Ga4Report {
    static final Dialect DIALECT = new Dialect(AnalyticsFormat.GA4, Dialect.names(
            DAY, "Date",
            CAMPAIGN, "Session campaign", "Session campaign name", "Session manual campaign name",
            "Campagne de la session", "Nom de la campagne de la session",
            "Nom de la campagne manuelle de la session",
            SOURCE_MEDIUM, "Session source / medium", "Source / support de la session",
            "Session manual source / medium", "Source/support manuel de la session",
            SOURCE, "Session source", "Source de la session", "Session manual source", "Source manuelle de la session",
            MEDIUM, "Session medium", "Support de la session", "Session manual medium", "Support manuel de la session",
            CONTENT, "Session manual ad content", "Contenu publicitaire manuel de la session",
            "Session manual content", "Contenu manuel de la session",
            VISITS, "Sessions",
            VISITORS, "Total users", "Active users", "Users", "Nombre total d'utilisateurs", "Utilisateurs actifs",
            "Utilisateurs",
            CONVERSIONS, "Key events", "Conversions", "Événements clés"),
            Set.of());

    private Ga4Report() {
    }
}
