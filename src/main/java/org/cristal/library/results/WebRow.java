package org.cristal.library.results;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One line of a web analytics report: a day's visitors and conversions for one set of UTM tags. Tags are
 * kept in lower case, as Cristal writes them (an analytics tool may show "Newsletter" for "newsletter").
 * A missing tag is "".
 */
public record WebRow(LocalDate day, String campaign, String source, String medium, String content, long visitors,
        long conversions) {
    public WebRow {
        campaign = tag(campaign);
        source = tag(source);
        medium = tag(medium);
        content = tag(content);
        if (visitors < 0 || conversions < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    private static String tag(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
