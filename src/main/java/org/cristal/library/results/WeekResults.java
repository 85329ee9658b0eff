package org.cristal.library.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One week: what went out, and what came back during it (reactions gained that week, whatever week their
 * publication went out; visitors and conversions the analytics counted on the week's days, for any story).
 *
 * @param monday the week's first day
 */
public record WeekResults(LocalDate monday, List<WentOut> wentOut, long reactions, long visitors,
        long conversions) {
    public WeekResults {
        wentOut = List.copyOf(wentOut);
    }

    /** A publication of the week. */
    public record WentOut(long entry, String storyId, String title, String channel, Instant publishedAt) {
    }
}
