package org.cristal.library.results;

import java.util.List;

/**
 * Which stories did best on one channel. Stories with enough visitors ({@link Rate#MIN_TRIALS}) come first,
 * by the low end of their conversion rate's range (a rate only counts as good as it surely is), then by
 * visitors; those with too few visitors follow, unplaced, most came back first.
 */
public record ChannelResults(String channel, List<StoryRank> stories) {
    public ChannelResults {
        stories = List.copyOf(stories);
    }
}
