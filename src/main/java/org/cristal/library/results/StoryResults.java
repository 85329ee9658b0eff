package org.cristal.library.results;

import java.util.List;

/**
 * A story's dashboard: every channel side by side, each publication, and the curve over time.
 *
 * @param slug         the story's web address, the {@code utm_campaign} its links carry
 * @param channels     one line per channel, most came back first
 * @param total        every channel added up ({@link ChannelFigures#TOTAL})
 * @param publications sent publications, oldest first
 * @param days         every day from the first publication or visit to the last figure, gaps as zeros
 */
public record StoryResults(String storyId, String title, String slug, List<ChannelFigures> channels,
        ChannelFigures total, List<PublicationFigures> publications, List<DayFigures> days) {
    public StoryResults {
        channels = List.copyOf(channels);
        publications = List.copyOf(publications);
        days = List.copyOf(days);
    }

    /** Nothing went out and nothing came back yet. */
    public boolean isEmpty() {
        return publications.isEmpty() && total.visitors() == 0;
    }
}
