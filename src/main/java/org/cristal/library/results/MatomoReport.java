package org.cristal.library.results;

import static org.cristal.library.results.Dialect.Role.CAMPAIGN;
import static org.cristal.library.results.Dialect.Role.CONTENT;
import static org.cristal.library.results.Dialect.Role.CONVERSIONS;
import static org.cristal.library.results.Dialect.Role.DAY;
import static org.cristal.library.results.Dialect.Role.LABEL;
import static org.cristal.library.results.Dialect.Role.MEDIUM;
import static org.cristal.library.results.Dialect.Role.SOURCE;
import static org.cristal.library.results.Dialect.Role.SOURCE_MEDIUM;
import static org.cristal.library.results.Dialect.Role.VISITORS;
import static org.cristal.library.results.Dialect.Role.VISITS;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Matomo campaign report exported as CSV (Acquisition › Campaigns, from Referrers.getCampaigns or the
 * MarketingCampaignsReporting plugin): the API's column names ({@code label}, {@code nb_visits},
 * {@code nb_conversions}, {@code date} when several days are exported) or the names the interface shows,
 * in English or French ("Campaign Name" / "Nom", "Visits" / "Visites"). A flattened report's label is
 * "campaign - keyword - content": the campaign is its first part.
 */
final class MatomoReport {
    static final Dialect DIALECT = new Dialect(AnalyticsFormat.MATOMO, Dialect.names(
            DAY, "date",
            LABEL, "label", "Libellé",
            CAMPAIGN, "Campaign Name", "Campaign Names", "Campaign", "Nom", "Noms de campagne", "Nom de la campagne",
            "Campagne", "campaign_name",
            SOURCE, "Campaign Source", "Source", "Sources de campagne", "Source de la campagne", "campaign_source",
            MEDIUM, "Campaign Medium", "Medium", "Media", "Média", "Media de campagne", "campaign_medium",
            CONTENT, "Campaign Content", "Content", "Contenu", "Contenus de la campagne", "campaign_content",
            SOURCE_MEDIUM, "Source - Medium", "Campaign Source - Medium", "Source - Media",
            "Source de la campagne - Media",
            VISITS, "nb_visits", "Visits", "Visites",
            VISITORS, "nb_uniq_visitors", "Unique visitors", "Visiteurs uniques",
            CONVERSIONS, "nb_conversions", "Conversions"),
            Stream.of("label", "Libellé", "nb_visits", "nb_uniq_visitors", "nb_conversions", "nb_actions",
                    "Campaign Name", "Campaign Source", "Campaign Medium", "Campaign Content", "Unique visitors",
                    "Visiteurs uniques", "Actions", "Bounce rate", "Taux de rebond", "Noms de campagne")
                    .map(ReportText::header).collect(Collectors.toUnmodifiableSet()));

    private MatomoReport() {
    }
}
