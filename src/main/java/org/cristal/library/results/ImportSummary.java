package org.cristal.library.results;

import java.util.List;

/**
 * What an analytics import did.
 *
 * @param id                 the import's row in {@code result_imports}
 * @param rows               report lines read and kept
 * @param matched            of those, lines whose campaign is a story's web address
 * @param unmatchedCampaigns campaigns that matched no story, most visitors first (the user's report of
 *                           what was left aside: other campaigns, a story renamed, a typo in a tag)
 */
public record ImportSummary(long id, String format, int rows, int matched, List<Unmatched> unmatchedCampaigns) {
    public ImportSummary {
        unmatchedCampaigns = List.copyOf(unmatchedCampaigns);
    }

    /** A campaign no story answers to, with its lines and visitors in the file. */
    public record Unmatched(String campaign, int rows, long visitors) {
    }
}
