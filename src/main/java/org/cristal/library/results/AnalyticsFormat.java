package org.cristal.library.results;

/** The web analytics files Cristal reads (docs/results.md, "Web analytics"). */
public enum AnalyticsFormat {
    /** Recognised from the file itself: a ZIP is Plausible's export, a CSV by its header. */
    AUTO,
    /** Plausible's export: a ZIP of CSV files. */
    PLAUSIBLE,
    /** A Matomo campaign report exported as CSV. */
    MATOMO,
    /** A Google Analytics 4 report exported as CSV, with session source / medium / campaign. */
    GA4,
    /** date, campaign, source, medium, content, visitors, conversions. */
    CSV;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
